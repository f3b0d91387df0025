import fc from "fast-check";
import { createRandom } from "../../../src/data/demo/createRandom";

describe("createRandom", () => {
  it("repeats the same stream for the same seed and differs for another seed", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const random = createRandom(1);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    // standard error of the mean: sqrt(1/12 / n) ≈ 0.0009; allow 5 standard errors
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("draws normals and unit-variance Student-t with the right moments", () => {
    const random = createRandom(3);
    const n = 200_000;
    for (const draw of [() => random.normal(), () => random.studentT(4.6452)]) {
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const x = draw();
        sum += x;
        sumSq += x * x;
      }
      expect(Math.abs(sum / n)).toBeLessThan(0.015);
      expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.05);
    }
  });

  it("gives Student-t fatter tails than the normal: P(|x| > 4) far above 6e-5", () => {
    const random = createRandom(5);
    let beyond = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) if (Math.abs(random.studentT(4.6452)) > 4) beyond++;
    // unit-variance t(4.65): P(|x| > 4) ≈ 0.3 %; a normal gives 0.006 %
    expect(beyond / n).toBeGreaterThan(0.001);
  });

  it("returns finite numbers for any seed (property)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed);
        let finite = true;
        for (let i = 0; i < 20; i++)
          finite &&= Number.isFinite(random.normal()) && Number.isFinite(random.studentT(3.5));
        expect(finite).toBe(true);
      }),
      { numRuns: 50 }
    );
  });
});
