import fc from "fast-check";
import { isPositiveSemidefinite } from "../../../src/core/correlation/isPositiveSemidefinite";
import { loadFixture, matrixOf, minEigenvalue } from "./correlationTestKit";

describe("isPositiveSemidefinite", () => {
  it("decides hand-worked 2×2 cases", () => {
    // [[1, ρ], [ρ, 1]] has eigenvalues 1 ± ρ: PSD iff |ρ| ≤ 1; ρ = 1 is singular but PSD.
    expect(
      isPositiveSemidefinite(
        matrixOf([
          [1, 0.9],
          [0.9, 1],
        ])
      )
    ).toBe(true);
    expect(
      isPositiveSemidefinite(
        matrixOf([
          [1, 1],
          [1, 1],
        ])
      )
    ).toBe(true);
    expect(
      isPositiveSemidefinite(
        matrixOf([
          [1, 1.01],
          [1.01, 1],
        ])
      )
    ).toBe(false);
  });

  it("agrees with numpy's smallest eigenvalue on the fixture inputs (all indefinite)", () => {
    const fx = loadFixture("nearest.json");
    fx.cases.forEach((c: { input: number[][] }, k: number) => {
      expect(isPositiveSemidefinite(matrixOf(c.input))).toBe(fx.minEigenvalueOfInputs[k] >= -1e-10);
    });
    // The Higham tridiagonal matrix itself is positive definite (eigenvalues 2 − 2cos(kπ/5) > 0).
    expect(isPositiveSemidefinite(matrixOf(fx.cases[0].input))).toBe(true);
  });

  it("agrees with a Jacobi eigenvalue computation away from the tolerance band (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 25, maxLength: 25 }),
        (n, entries) => {
          const rows = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => entries[Math.min(i, j) * 5 + Math.max(i, j)])
          );
          const m = matrixOf(rows);
          const lambda = minEigenvalue(m);
          if (Math.abs(lambda) < 1e-8) return;
          expect(isPositiveSemidefinite(m)).toBe(lambda > 0);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws INVALID_ARGUMENT (asymmetric, bad tolerance, not square) and NON_FINITE", () => {
    expect(() =>
      isPositiveSemidefinite(
        matrixOf([
          [1, 0.2],
          [0.3, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => isPositiveSemidefinite(matrixOf([[1]]), -1)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() =>
      isPositiveSemidefinite({ size: 0, data: new Float64Array(0), labels: [] })
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() =>
      isPositiveSemidefinite(
        matrixOf([
          [1, Infinity],
          [Infinity, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
  });

  it("leaves its input unchanged", () => {
    const m = Object.freeze(
      matrixOf([
        [2, 1],
        [1, 2],
      ])
    );
    const before = Array.from(m.data);
    isPositiveSemidefinite(m);
    expect(Array.from(m.data)).toEqual(before);
  });
});
