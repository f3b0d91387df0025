import fc from "fast-check";
import { sampleCorrelation } from "simple-statistics";
import { correlationTo } from "../../../src/core/stats/correlationTo";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("correlationTo", () => {
  it("is the Pearson correlation", () => {
    // r = [1, 2, 3], b = [2, 4, 7]: dr = [−1, 0, 1], db = [−2.333, −0.333, 2.667];
    // Σdr·db = 5; Σdr² = 2; Σdb² = 5.444 + 0.111 + 7.111 = 38/3; ρ = 5 / √(76/3) = 0.9933993.
    expect(correlationTo([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(76 / 3), 14);
  });

  it("matches np.corrcoef on the random fixtures (pairwise complete)", () => {
    for (const c of randomCases()) {
      expectClose(
        correlationTo(c.returns, c.benchmarkValues),
        c.expected.correlationTo ?? NaN,
        1e-10
      );
    }
  });

  it("is symmetric, in [−1, 1], 1 against itself and agrees with simple-statistics", () => {
    fc.assert(
      fc.property(returnsArbitrary(5, 30), returnsArbitrary(5, 30), (a, b) => {
        const n = Math.min(a.length, b.length);
        const x = a.slice(0, n);
        const y = b.slice(0, n);
        fc.pre(Math.max(...x) - Math.min(...x) > 1e-6 && Math.max(...y) - Math.min(...y) > 1e-6);
        const rho = correlationTo(x, y);
        expect(Math.abs(rho)).toBeLessThanOrEqual(1);
        expectClose(correlationTo(y, x), rho, 1e-12);
        expectClose(rho, sampleCorrelation(x, y), 1e-8);
        expect(correlationTo(x, x)).toBeCloseTo(1, 12);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE when either series is constant", () => {
    expectCoreError(
      () => correlationTo([0.1, 0.1, 0.1], [0.1, 0.2, 0.3]),
      "ZERO_VARIANCE",
      /^returns is constant/
    );
    expectCoreError(
      () => correlationTo([0.1, 0.2, 0.3], [0, 0, 0]),
      "ZERO_VARIANCE",
      /^benchmark is constant/
    );
  });

  it("throws LENGTH_MISMATCH, TOO_FEW_POINTS and NON_FINITE on bad input", () => {
    expectCoreError(() => correlationTo([0.1, 0.2], [0.1]), "LENGTH_MISMATCH");
    expectCoreError(() => correlationTo([0.1], [0.1]), "TOO_FEW_POINTS");
    expectCoreError(
      () => correlationTo([0.1, -Infinity], [0.1, 0.2]),
      "NON_FINITE",
      /returns: row 2/
    );
  });

  it("leaves its inputs unchanged", () => {
    const r = frozen([1, 2, 3]);
    const b = frozen([2, 4, 7]);
    correlationTo(r, b);
    expect(r).toEqual([1, 2, 3]);
    expect(b).toEqual([2, 4, 7]);
  });
});
