import fc from "fast-check";
import { annualisedVolatility } from "../../../src/core/stats/annualisedVolatility";
import { trackingError } from "../../../src/core/stats/trackingError";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("trackingError", () => {
  it("is the annualised sample std of active returns", () => {
    // active = [0.01, −0.01]: mean 0; Σd² = 0.0002; /(n − 1) = 0.0002; √ = 0.0141421; × √1.
    expect(trackingError([0.02, 0.0], [0.01, 0.01], 1)).toBeCloseTo(Math.sqrt(0.0002), 15);
    // × √365 by default.
    expect(trackingError([0.02, 0.0], [0.01, 0.01])).toBeCloseTo(Math.sqrt(0.0002 * 365), 14);
  });

  it("matches np.std(r − b, ddof=1) × √ppy on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(
        trackingError(c.returns, c.benchmarkValues, c.periodsPerYear),
        c.expected.trackingError ?? NaN,
        1e-10
      );
    }
  });

  it("is 0 against itself, equals the volatility of r − b, and is symmetric", () => {
    fc.assert(
      fc.property(returnsArbitrary(4, 30), (r) => {
        const b = r.map((x, t) => x * 0.5 + (t % 2 === 0 ? 0.01 : -0.01));
        expect(trackingError(r, r)).toBe(0);
        expectClose(trackingError(r, b), annualisedVolatility(r.map((x, t) => x - b[t])), 1e-9);
        expectClose(trackingError(b, r), trackingError(r, b), 1e-12);
      }),
      PROPERTY_RUNS
    );
  });

  it("keeps its digits when the asset hugs the benchmark", () => {
    // b large and noisy, r = b + [1e-6, −1e-6, …]: TE is 1e-6 × √(n/(n − 1)) × √ppy, not cancellation noise.
    const b = Array.from({ length: 100 }, (_, t) => Math.sin(t) * 0.05);
    const r = b.map((x, t) => x + (t % 2 === 0 ? 1e-6 : -1e-6));
    expectClose(trackingError(r, b, 1), 1e-6 * Math.sqrt(100 / 99), 1e-15);
  });

  it("throws LENGTH_MISMATCH, TOO_FEW_POINTS, NON_FINITE and INVALID_ARGUMENT on bad input", () => {
    expectCoreError(() => trackingError([0.1, 0.2], [0.1]), "LENGTH_MISMATCH");
    expectCoreError(() => trackingError([0.1, NaN], [0.1, 0.2]), "TOO_FEW_POINTS");
    expectCoreError(() => trackingError([0.1, Infinity], [0.1, 0.2]), "NON_FINITE");
    expectCoreError(() => trackingError([0.1, 0.2], [0.1, 0.3], 0), "INVALID_ARGUMENT");
  });

  it("leaves its inputs unchanged", () => {
    const r = frozen([0.02, 0.0]);
    const b = frozen([0.01, 0.01]);
    trackingError(r, b);
    expect(r).toEqual([0.02, 0.0]);
    expect(b).toEqual([0.01, 0.01]);
  });
});
