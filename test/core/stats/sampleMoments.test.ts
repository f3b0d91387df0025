import fc from "fast-check";
import { sampleVariance } from "simple-statistics";
import { sampleMoments } from "../../../src/core/stats/sampleMoments";
import { PROPERTY_RUNS, expectClose, frozen, randomCases, returnsArbitrary } from "./helpers";

describe("sampleMoments", () => {
  it("gives the mean, central moments and sample variance", () => {
    // [1, 2, 3, 4]: mean 2.5; d = [−1.5, −0.5, 0.5, 1.5]; m2 = 5/4 = 1.25; m3 = 0;
    // m4 = (5.0625 + 0.0625) × 2 / 4 = 2.5625; variance = 5/3.
    const m = sampleMoments([1, 2, 3, 4]);
    expect(m).toEqual({
      n: 4,
      mean: 2.5,
      m2: 1.25,
      m3: 0,
      m4: 2.5625,
      variance: 5 / 3,
      min: 1,
      max: 4,
      zeroSpread: false,
    });
  });

  it("matches numpy's variance (ddof=1) on the random fixtures", () => {
    for (const c of randomCases()) {
      const vol = Math.sqrt(sampleMoments(c.returns).variance * c.periodsPerYear);
      expectClose(vol, c.expected.annualisedVolatility, 1e-11);
    }
  });

  it("agrees with simple-statistics sampleVariance", () => {
    fc.assert(
      fc.property(returnsArbitrary(2, 40), (r) => {
        expectClose(sampleMoments(r).variance, sampleVariance(r), 1e-12);
      }),
      PROPERTY_RUNS
    );
  });

  it("survives a large offset (the textbook Σx² − n·x̄² formula does not)", () => {
    // 1e9 + [4, 7, 13, 16]: deviations [−6, −3, 3, 6] → Σd² = 90, variance 90/3 = 30 exactly.
    expect(sampleMoments([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]).variance).toBe(30);
  });

  it("flags constant and rounding-level spreads, not real ones", () => {
    expect(sampleMoments([0.1, 0.1, 0.1]).zeroSpread).toBe(true);
    expect(sampleMoments([0, 0]).zeroSpread).toBe(true);
    expect(sampleMoments([0.1, 0.1 + 1e-15]).zeroSpread).toBe(true);
    expect(sampleMoments([0.0001, 0.0002]).zeroSpread).toBe(false);
    expect(Number.isNaN(sampleMoments([0.1]).variance)).toBe(true);
  });

  it("leaves its input unchanged", () => {
    const input = frozen([1, 2, 3]);
    sampleMoments(input);
    expect(input).toEqual([1, 2, 3]);
  });
});
