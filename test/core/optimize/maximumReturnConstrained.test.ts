import fc from "fast-check";
import { maximumReturnConstrained } from "../../../src/core/optimize/maximumReturnConstrained";

const labels = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`);

describe("maximumReturnConstrained", () => {
  it("fills the best assets up to their caps (hand-worked)", () => {
    // μ = (0.1, 0.3, 0.2), caps 0.5: B takes 0.5, C the remaining 0.5.
    expect(
      Array.from(maximumReturnConstrained([0.1, 0.3, 0.2], { upper: 0.5 }, labels(3)))
    ).toEqual([0, 0.5, 0.5]);
  });

  it("respects a group cap and a floor exactly (hand-worked)", () => {
    // μ = (0.4, 0.3, 0.1, 0.2), group {A, B} ≤ 0.5, C ≥ 0.1: A 0.5, C 0.1, D 0.4 (D beats C).
    const w = maximumReturnConstrained(
      [0.4, 0.3, 0.1, 0.2],
      { lower: [0, 0, 0.1, 0], groups: [{ name: "G", members: [0, 1], max: 0.5 }] },
      labels(4)
    );
    expect(Array.from(w)).toEqual([0.5, 0, 0.1, 0.4]);
  });

  it("beats or equals every feasible portfolio and keeps the constraints (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), {
              minLength: n,
              maxLength: n,
            }),
            fc.double({ min: 1 / n + 0.01, max: 1, noNaN: true }),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n })
          )
        ),
        ([mu, cap, raw]) => {
          const n = mu.length;
          const w = maximumReturnConstrained(mu, { upper: cap }, labels(n));
          let best = 0;
          let sum = 0;
          for (let i = 0; i < n; i++) {
            expect(w[i]).toBeGreaterThanOrEqual(0);
            expect(w[i]).toBeLessThanOrEqual(cap + 1e-15);
            best += mu[i] * w[i];
            sum += w[i];
          }
          expect(sum).toBeCloseTo(1, 12);
          // The greedy fill (sort by μ, give each its cap) is the exact LP optimum under box caps.
          const order = mu.map((_, i) => i).sort((a, b) => mu[b] - mu[a]);
          let left = 1;
          let greedy = 0;
          for (const i of order) {
            const take = Math.min(cap, left);
            greedy += mu[i] * take;
            left -= take;
          }
          // Exact at a unique vertex; near-ties are resolved to ~1e-9 × spread (see the JSDoc).
          const slack = 1e-9 * (Math.max(...mu) - Math.min(...mu)) + 1e-12;
          expect(best).toBeGreaterThanOrEqual(greedy - slack);
          // And any other feasible point (a mix of w and the raw direction, scaled in) does no better.
          const total = raw.reduce((a, b) => a + b, 0);
          let other = 0;
          let feasible = total > 0;
          for (let i = 0; i < n; i++) {
            const v = raw[i] / total;
            if (v > cap) feasible = false;
            other += mu[i] * v;
          }
          if (feasible) expect(best).toBeGreaterThanOrEqual(other - slack);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("refuses infeasible constraints, naming the one that binds, and leaves mu untouched", () => {
    const mu = Object.freeze([0.1, 0.2]) as readonly number[];
    expect(() => maximumReturnConstrained(mu, { upper: 0.4 }, labels(2))).toThrow(
      /upper bounds sum to 0.8 < 1/
    );
    expect(() => maximumReturnConstrained([0.1], { upper: 1 }, labels(2))).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(Array.from(maximumReturnConstrained(mu, {}, labels(2)))).toEqual([0, 1]);
  });
});
