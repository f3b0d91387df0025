import fc from "fast-check";
import { solveSemivarianceProgram } from "../../../src/core/downside/solveSemivarianceProgram";
import { createLpBuilder } from "../../../src/core/lp/createLpBuilder";
import { isCoreError } from "../../../src/core/errors";

/** The semivariance (1/T) Σ min(aᵀx, 0)² of x. */
function semivariance(a: number[][], x: ArrayLike<number>): number {
  let s = 0;
  for (const row of a) {
    const v = row.reduce((acc, c, j) => acc + c * x[j], 0);
    s += Math.min(v, 0) ** 2;
  }
  return s / a.length;
}

/** x ∈ [0, 1]², x₀ + x₁ = 1, as an LP builder program. */
function simplex2() {
  const lp = createLpBuilder();
  lp.addColumn(0, 1, 0, "x0");
  lp.addColumn(0, 1, 0, "x1");
  lp.addRow([0, 1], [1, 1], 1, 1, "budget");
  return lp.build("minimize");
}

describe("solveSemivarianceProgram", () => {
  it("hand-worked: two scenarios, the optimum balances them", () => {
    // a_1 = (−1, 1), a_2 = (1, −1)·0 + (0.5, −0.5): x = (p, 1 − p): a_1ᵀx = 1 − 2p, a_2ᵀx = p − 0.5.
    // Both are ≥ 0 for p ∈ [0.5, 0.5] only: the semivariance is 0 exactly at p = ½.
    const a = [
      [-1, 1],
      [0.5, -0.5],
    ];
    const { x } = solveSemivarianceProgram(simplex2(), Float64Array.from(a.flat()), 2);
    expect(x[0]).toBeCloseTo(0.5, 9);
    expect(semivariance(a, x)).toBeCloseTo(0, 15);
  });

  it("is no worse than any point of the simplex (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -1, max: 1, noNaN: true }),
            fc.double({ min: -1, max: 1, noNaN: true })
          ),
          {
            minLength: 2,
            maxLength: 30,
          }
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, p) => {
          const a = rows.map(([u, v]) => [u, v]);
          const { x } = solveSemivarianceProgram(simplex2(), Float64Array.from(a.flat()), a.length);
          expect(x[0] + x[1]).toBeCloseTo(1, 12);
          expect(semivariance(a, x)).toBeLessThanOrEqual(semivariance(a, [p, 1 - p]) + 1e-12);
        }
      )
    );
  });

  it("throws INFEASIBLE naming the row when the rows cannot hold", () => {
    const lp = createLpBuilder();
    lp.addColumn(0, 1, 0, "x0");
    lp.addRow([0], [1], 2, 2, "x0 is two");
    let error: unknown;
    try {
      solveSemivarianceProgram(lp.build("minimize"), Float64Array.of(1), 1);
    } catch (e) {
      error = e;
    }
    expect(isCoreError(error) && error.code).toBe("INFEASIBLE");
  });
});
