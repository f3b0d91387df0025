import fc from "fast-check";
import { isCoreError } from "../../../src/core/errors";
import { type Metric, seriesStatistics } from "../../../src/core/stats/seriesStatistics";
import { maxDrawdownFromReturns } from "../../../src/core/drawdown/maxDrawdownFromReturns";
import { annualisedMean } from "../../../src/core/stats/annualisedMean";
import { annualisedVolatility } from "../../../src/core/stats/annualisedVolatility";
import { bestPeriod } from "../../../src/core/stats/bestPeriod";
import { beta } from "../../../src/core/stats/beta";
import { cagrFromReturns } from "../../../src/core/stats/cagrFromReturns";
import { calmarRatio } from "../../../src/core/stats/calmarRatio";
import { cornishFisherVaR } from "../../../src/core/stats/cornishFisherVaR";
import { correlationTo } from "../../../src/core/stats/correlationTo";
import { excessKurtosis } from "../../../src/core/stats/excessKurtosis";
import { gaussianVaR } from "../../../src/core/stats/gaussianVaR";
import { historicalCVaR } from "../../../src/core/stats/historicalCVaR";
import { historicalVaR } from "../../../src/core/stats/historicalVaR";
import { shareOfPositivePeriods } from "../../../src/core/stats/shareOfPositivePeriods";
import { sharpeRatio } from "../../../src/core/stats/sharpeRatio";
import { skewness } from "../../../src/core/stats/skewness";
import { sortinoRatio } from "../../../src/core/stats/sortinoRatio";
import { trackingError } from "../../../src/core/stats/trackingError";
import { worstPeriod } from "../../../src/core/stats/worstPeriod";
import {
  PROPERTY_RUNS,
  type ExpectedMetrics,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

/** The number in a metric field, failing the test when it holds an error instead. */
function value(metric: Metric | undefined): number {
  if (metric === undefined || isCoreError(metric)) {
    throw new Error(
      `expected a number, got ${metric === undefined ? "undefined" : metric.message}`
    );
  }
  return metric;
}

/** Compares every field with the fixture's numpy/scipy values. */
function expectMatches(
  stats: ReturnType<typeof seriesStatistics>,
  expected: ExpectedMetrics,
  confidenceRow: number,
  tol: number
): void {
  const row = expected.var[confidenceRow];
  const pairs: Array<[Metric | undefined, number | undefined]> = [
    [stats.cagr, expected.cagr],
    [stats.annualisedMean, expected.annualisedMean],
    [stats.annualisedVolatility, expected.annualisedVolatility],
    [stats.sharpeRatio, expected.sharpeRatio],
    [stats.sortinoRatio, expected.sortinoRatio],
    [stats.maxDrawdown, expected.maxDrawdown],
    [stats.calmarRatio, expected.calmarRatio],
    [stats.historicalVaR, row.historicalVaR],
    [stats.historicalCVaR, row.historicalCVaR],
    [stats.gaussianVaR, row.gaussianVaR],
    [stats.cornishFisherVaR, row.cornishFisherVaR],
    [stats.skewness, expected.skewness],
    [stats.excessKurtosis, expected.excessKurtosis],
    [stats.bestPeriod, expected.bestPeriod],
    [stats.worstPeriod, expected.worstPeriod],
    [stats.shareOfPositivePeriods, expected.shareOfPositivePeriods],
    [stats.beta, expected.beta],
    [stats.correlationTo, expected.correlationTo],
    [stats.trackingError, expected.trackingError],
  ];
  for (const [actual, want] of pairs) expectClose(value(actual), want ?? NaN, tol);
}

describe("seriesStatistics", () => {
  it("computes every metric of a small series", () => {
    // r = [0.01, −0.02, 0.03], ppy 12: mean 0.00667 × 12 = 0.08; best 0.03; worst −0.02; 2 of 3 up.
    // Three returns are too few for a kurtosis: that field is a TOO_FEW_POINTS error, the rest are numbers.
    const stats = seriesStatistics([0.01, -0.02, 0.03], { periodsPerYear: 12 });
    expect(stats.periods).toBe(3);
    expect(value(stats.annualisedMean)).toBeCloseTo(0.08, 15);
    expect(value(stats.bestPeriod)).toBe(0.03);
    expect(value(stats.worstPeriod)).toBe(-0.02);
    expect(value(stats.shareOfPositivePeriods)).toBeCloseTo(2 / 3, 15);
    // wealth 1.01 → 0.9898: drawdown 0.02.
    expect(value(stats.maxDrawdown)).toBeCloseTo(0.02, 15);
    expect((stats.excessKurtosis as { code: string }).code).toBe("TOO_FEW_POINTS");
    expect((stats.cornishFisherVaR as { code: string }).code).toBe("TOO_FEW_POINTS");
    expect(stats.beta).toBeUndefined();
  });

  it("matches the numpy/scipy (empyrical-formula) fixtures field by field", () => {
    for (const c of randomCases()) {
      c.expected.var.forEach((row, i) => {
        const stats = seriesStatistics(c.returns, {
          periodsPerYear: c.periodsPerYear,
          riskFree: c.riskFree,
          mar: c.mar,
          confidence: row.confidence,
          benchmark: c.benchmarkValues,
        });
        expectMatches(stats, c.expected, i, 1e-9);
      });
    }
  });

  it("agrees field by field with the single-metric functions", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(4, 40),
        fc.double({ min: 0.5, max: 0.995, noNaN: true }),
        (r, c) => {
          const b = r.map((x, t) => 0.5 * x + (t % 3 === 0 ? 0.01 : -0.005));
          const options = { periodsPerYear: 52, riskFree: 0.03, mar: 0.05, confidence: c };
          const stats = seriesStatistics(r, { ...options, benchmark: b });
          const expected: Record<string, () => number> = {
            cagr: () => cagrFromReturns(r, 52),
            annualisedMean: () => annualisedMean(r, 52),
            annualisedVolatility: () => annualisedVolatility(r, 52),
            sharpeRatio: () => sharpeRatio(r, options),
            sortinoRatio: () => sortinoRatio(r, options),
            maxDrawdown: () => maxDrawdownFromReturns(r),
            calmarRatio: () => calmarRatio(r, 52),
            historicalVaR: () => historicalVaR(r, c),
            historicalCVaR: () => historicalCVaR(r, c),
            gaussianVaR: () => gaussianVaR(r, c),
            cornishFisherVaR: () => cornishFisherVaR(r, c),
            skewness: () => skewness(r),
            excessKurtosis: () => excessKurtosis(r),
            bestPeriod: () => bestPeriod(r),
            worstPeriod: () => worstPeriod(r),
            shareOfPositivePeriods: () => shareOfPositivePeriods(r),
            beta: () => beta(r, b),
            correlationTo: () => correlationTo(r, b),
            trackingError: () => trackingError(r, b, 52),
          };
          for (const [key, compute] of Object.entries(expected)) {
            const field = stats[key as keyof typeof stats];
            let want: number | string;
            try {
              want = compute();
            } catch (error) {
              want = (error as { code: string }).code;
            }
            expect(isCoreError(field) ? field.code : field).toBe(want);
          }
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("never holds NaN or Infinity: an undefined metric is a CoreError in its field", () => {
    const stats = seriesStatistics([0.01, 0.01, 0.01, 0.01, 0.01], {
      benchmark: [0, 0.1, 0, 0.1, 0],
    });
    expect(value(stats.annualisedVolatility)).toBe(0);
    for (const key of ["sharpeRatio", "skewness", "excessKurtosis", "cornishFisherVaR"] as const) {
      expect((stats[key] as { code: string }).code).toBe("ZERO_VARIANCE");
    }
    expect((stats.sortinoRatio as { code: string }).code).toBe("ZERO_VARIANCE");
    expect((stats.calmarRatio as { code: string }).code).toBe("ZERO_VARIANCE");
    expect((stats.correlationTo as { code: string }).code).toBe("ZERO_VARIANCE");
    expect(value(stats.beta)).toBe(0);
    fc.assert(
      fc.property(returnsArbitrary(2, 30), (r) => {
        for (const metric of Object.values(seriesStatistics(r))) {
          if (typeof metric === "number") expect(Number.isFinite(metric)).toBe(true);
        }
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS and NON_FINITE on bad returns", () => {
    expectCoreError(() => seriesStatistics([]), "TOO_FEW_POINTS");
    expectCoreError(() => seriesStatistics([0.1]), "TOO_FEW_POINTS");
    expectCoreError(() => seriesStatistics([0.1, NaN, 0.2]), "NON_FINITE", /row 2/);
    expectCoreError(
      () => seriesStatistics([0.1, 0.2], { benchmark: [0.1, Infinity] }),
      "NON_FINITE"
    );
  });

  it("throws LENGTH_MISMATCH on a benchmark of another length", () => {
    expectCoreError(
      () => seriesStatistics([0.1, 0.2, 0.3], { benchmark: [0.1, 0.2] }),
      "LENGTH_MISMATCH",
      /benchmark has 2 rows but returns has 3/
    );
  });

  it("throws INVALID_ARGUMENT on bad options", () => {
    const r = [0.1, -0.2, 0.3];
    expectCoreError(() => seriesStatistics(r, { confidence: 1 }), "INVALID_ARGUMENT", /confidence/);
    expectCoreError(() => seriesStatistics(r, { periodsPerYear: 0 }), "INVALID_ARGUMENT");
    expectCoreError(() => seriesStatistics(r, { riskFree: NaN }), "INVALID_ARGUMENT", /riskFree/);
    expectCoreError(() => seriesStatistics(r, { mar: Infinity }), "INVALID_ARGUMENT", /mar/);
  });

  it("leaves its inputs unchanged", () => {
    const r = frozen([0.03, -0.02, 0.01, -0.05]);
    const b = frozen([0.01, -0.01, 0.02, -0.03]);
    seriesStatistics(r, { benchmark: b });
    expect(r).toEqual([0.03, -0.02, 0.01, -0.05]);
    expect(b).toEqual([0.01, -0.01, 0.02, -0.03]);
  });
});
