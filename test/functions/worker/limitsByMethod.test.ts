import {
  estimateResampledMs,
  limitsWorkFactor,
  refuseUnsupportedLimits,
} from "../../../src/functions/worker/limitsByMethod";

describe("limitsByMethod", () => {
  it("lets each variance method through with the limits it honours", () => {
    expect(() =>
      refuseUnsupportedLimits("minvar", { maxHoldings: 3, maxTurnover: 0.2 })
    ).not.toThrow();
    expect(() =>
      refuseUnsupportedLimits("maxsharpe", { costRate: 0.001, maxHoldings: 2 })
    ).not.toThrow();
    expect(() => refuseUnsupportedLimits("maxdiv", { maxTurnover: 0.1 })).not.toThrow();
    // Methods this file does not know (the LP methods) check their own limits.
    expect(() => refuseUnsupportedLimits("mincvar", { maxHoldings: 3 })).not.toThrow();
    expect(() => refuseUnsupportedLimits("hrp", undefined)).not.toThrow();
  });

  it("refuses a limit a method cannot honour, naming the methods that can", () => {
    expect(() => refuseUnsupportedLimits("hrp", { maxTurnover: 0.2 })).toThrow(
      /"hrp" cannot honour turnover .*use "minvar", "maxsharpe", "maxdiv" for turnover/
    );
    expect(() => refuseUnsupportedLimits("maxdiv", { costRate: 0.01 })).toThrow(
      /"maxdiv" cannot honour cost; use "minvar", "maxsharpe" for cost/
    );
    expect(() => refuseUnsupportedLimits("maxsharpe", { minEffectiveHoldings: 3 })).toThrow(
      /"maxsharpe" cannot honour effn; use "minvar" for effn/
    );
    expect(() =>
      refuseUnsupportedLimits("minvar", { maxTrackingError: 0.1, minEffectiveHoldings: 2 })
    ).toThrow(/te and effn together are not supported/);
    expect(() => refuseUnsupportedLimits("resampled", { maxHoldings: 2 })).toThrow(
      /"resampled" cannot honour holdings/
    );
  });

  it("scales the work estimate with the limit's solves", () => {
    expect(limitsWorkFactor(undefined, 10)).toBe(1);
    expect(limitsWorkFactor({ minEffectiveHoldings: 3 }, 10)).toBe(62);
    expect(limitsWorkFactor({ maxTurnover: 0.2 }, 10)).toBe(30);
    // C(10, 3) = 120 supports, each a plain QP.
    expect(limitsWorkFactor({ maxHoldings: 3 }, 10)).toBeCloseTo(120, 9);
    // C(50, 10) ≫ 500: the heuristic's 11 solves, each a trade QP.
    expect(limitsWorkFactor({ maxHoldings: 10, maxTurnover: 0.2 }, 50)).toBe(330);
    expect(limitsWorkFactor({ maxHoldings: 12 }, 10)).toBe(1);
    // 100 resamples × (1,825 · 50² + 4 · 50³) flops at 1 GFlop/s ≈ 506 ms.
    expect(estimateResampledMs(1825, 50, 100, false)).toBeCloseTo(506.25, 6);
  });
});
