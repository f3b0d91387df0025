import fc from "fast-check";
import { beta } from "../../../src/core/stats/beta";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("beta", () => {
  it("is cov(r, b) / var(b)", () => {
    // r = 2b exactly: cov = 2 var(b) → β = 2.
    expect(beta([0.02, 0.04, 0.0], [0.01, 0.02, 0.0])).toBeCloseTo(2, 14);
    // r = [1, 3, 2], b = [1, 2, 3]: means 2, 2; Σdr·db = (−1)(−1) + (1)(0) + (0)(1) = 1; Σdb² = 2 → 0.5.
    expect(beta([1, 3, 2], [1, 2, 3])).toBeCloseTo(0.5, 15);
  });

  it("skips rows where either series is missing (pairwise complete)", () => {
    // Rows 1 and 3 drop out; the rest is r = 2b + 0.01.
    expect(beta([0.03, NaN, 0.05, 0.01], [0.01, 0.5, NaN, 0])).toBeCloseTo(2, 14);
  });

  it("matches np.cov / np.var(ddof=1) on the random fixtures (benchmark with gaps)", () => {
    for (const c of randomCases()) {
      expectClose(beta(c.returns, c.benchmarkValues), c.expected.beta ?? NaN, 1e-10);
    }
  });

  it("is 1 against itself and scales with the asset", () => {
    fc.assert(
      fc.property(returnsArbitrary(), fc.double({ min: -5, max: 5, noNaN: true }), (b, k) => {
        expectClose(beta(b, b), 1, 1e-12);
        expectClose(
          beta(
            b.map((x) => k * x + 0.001),
            b
          ),
          k,
          1e-7
        );
      }),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE on a constant benchmark", () => {
    expectCoreError(
      () => beta([0.1, 0.2, 0.3], [0.01, 0.01, 0.01]),
      "ZERO_VARIANCE",
      /benchmark is constant/
    );
  });

  it("throws LENGTH_MISMATCH on series of different lengths", () => {
    expectCoreError(
      () => beta([0.1, 0.2, 0.3], [0.1, 0.2]),
      "LENGTH_MISMATCH",
      "benchmark has 2 rows but returns has 3; use two ranges of the same dates"
    );
  });

  it("throws TOO_FEW_POINTS with fewer than two complete rows, NON_FINITE on Infinity", () => {
    expectCoreError(() => beta([0.1, NaN], [0.1, 0.2]), "TOO_FEW_POINTS", /1 row where both/);
    expectCoreError(() => beta([], []), "TOO_FEW_POINTS");
    expectCoreError(() => beta([0.1, 0.2], [0.1, Infinity]), "NON_FINITE", /benchmark: row 2/);
  });

  it("leaves its inputs unchanged", () => {
    const r = frozen([0.02, 0.04, 0.0]);
    const b = frozen([0.01, 0.02, 0.0]);
    beta(r, b);
    expect(r).toEqual([0.02, 0.04, 0.0]);
    expect(b).toEqual([0.01, 0.02, 0.0]);
  });
});
