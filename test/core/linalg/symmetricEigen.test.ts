import fc from "fast-check";
import { symmetricEigen } from "../../../src/core/linalg/symmetricEigen";

/** ‖A·v_k − λ_k·v_k‖ relative to the largest |λ|, over all k. */
function residual(data: number[], n: number, lambda: Float64Array, vectors: Float64Array): number {
  let worst = 0;
  const scale = Math.max(...Array.from(lambda, Math.abs), Number.MIN_VALUE);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let j = 0; j < n; j++) av += data[i * n + j] * vectors[j * n + k];
      worst = Math.max(worst, Math.abs(av - lambda[k] * vectors[i * n + k]) / scale);
    }
  }
  return worst;
}

describe("symmetricEigen", () => {
  it("decomposes a hand-checkable 2 × 2 matrix", () => {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, −1)/√2 and (1, 1)/√2.
    const { lambda, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(lambda[0]).toBeCloseTo(1, 14);
    expect(lambda[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0 * 2 + 1])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0 * 2 + 1] * vectors[1 * 2 + 1]).toBeGreaterThan(0);
  });

  it("satisfies A·v = λ·v with orthonormal vectors at any magnitude, 1e-300 to 1e300 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            }),
            fc.constantFrom(1, 1e-300, 1e-150, 1e150, 1e300)
          )
        ),
        ([n, a, magnitude]) => {
          const data: number[] = [];
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) data.push((a[i * n + j] + a[j * n + i]) * 0.5 * magnitude);
          }
          const { lambda, vectors } = symmetricEigen(Float64Array.from(data), n);
          expect(lambda.every(Number.isFinite)).toBe(true);
          expect(residual(data, n, lambda, vectors)).toBeLessThan(1e-12);
          for (let p = 0; p < n; p++) {
            for (let q = 0; q < n; q++) {
              let dot = 0;
              for (let i = 0; i < n; i++) dot += vectors[i * n + p] * vectors[i * n + q];
              expect(dot).toBeCloseTo(p === q ? 1 : 0, 12);
            }
          }
        }
      )
    );
  });

  it("survives subnormal entries beside normal ones, which crashed the decomposition", () => {
    const data = Float64Array.of(0.1, -5e-324, -5e-324, -5e-324, 1e-300, 0, -5e-324, 0, 0.01);
    const { lambda } = symmetricEigen(data, 3);
    expect(Array.from(lambda).sort((x, y) => x - y)).toEqual(
      [1e-300, 0.01, 0.1].map((x) => expect.closeTo(x, 15))
    );
  });
});
