import fc from "fast-check";
import { buyAndHold } from "../../src/core/backtest/buyAndHold";
import { backtest } from "../../src/core/backtest/backtest";
import { correlationDistance } from "../../src/core/clustering/correlationDistance";
import { linkage } from "../../src/core/clustering/linkage";
import { averagePairwiseCorrelation } from "../../src/core/correlation/averagePairwiseCorrelation";
import { ewmCorrelationSeries } from "../../src/core/correlation/ewmCorrelationSeries";
import { kendallTau } from "../../src/core/correlation/kendallTau";
import { rollingCorrelation } from "../../src/core/correlation/rollingCorrelation";
import { spearmanCorrelation } from "../../src/core/correlation/spearmanCorrelation";
import { correlationFromCovariance } from "../../src/core/covariance/correlationFromCovariance";
import { activeRisk } from "../../src/core/diversification/activeRisk";
import { diversificationCurve } from "../../src/core/diversification/diversificationCurve";
import { criticalLineAlgorithm } from "../../src/core/frontier/criticalLineAlgorithm";
import { tieredWeights } from "../../src/core/indexing/tieredWeights";
import { topByMarketCap } from "../../src/core/indexing/topByMarketCap";
import { constrainedEfficientFrontier } from "../../src/core/optimize/constrainedEfficientFrontier";
import { rebalanceTrades } from "../../src/core/rebalance/rebalanceTrades";
import { portfolioReturns } from "../../src/core/returns/portfolioReturns";
import { beta } from "../../src/core/stats/beta";
import { panelStatistics } from "../../src/core/stats/panelStatistics";
import { trackingError } from "../../src/core/stats/trackingError";
import { hierarchicalRiskParity } from "../../src/core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../src/core/allocation/inverseVolatilityWeights";
import { riskBudgetingWeights } from "../../src/core/allocation/riskBudgetingWeights";
import { kendallCorrelationMatrix } from "../../src/core/correlation/kendallCorrelationMatrix";
import { nearestCorrelationMatrix } from "../../src/core/correlation/nearestCorrelationMatrix";
import { pearsonCorrelationMatrix } from "../../src/core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../src/core/correlation/spearmanCorrelationMatrix";
import { covarianceMatrix } from "../../src/core/covariance/covarianceMatrix";
import { diversificationRatio } from "../../src/core/diversification/diversificationRatio";
import { effectiveNumberOfBets } from "../../src/core/diversification/effectiveNumberOfBets";
import { riskContributions } from "../../src/core/diversification/riskContributions";
import { drawdownEpisodes } from "../../src/core/drawdown/drawdownEpisodes";
import { drawdownSeries } from "../../src/core/drawdown/drawdownSeries";
import { maxDrawdown } from "../../src/core/drawdown/maxDrawdown";
import { isCoreError } from "../../src/core/errors";
import { efficientFrontier } from "../../src/core/frontier/efficientFrontier";
import { maximumSharpePortfolio } from "../../src/core/frontier/maximumSharpePortfolio";
import { minimumVariancePortfolio } from "../../src/core/frontier/minimumVariancePortfolio";
import { cappedMarketCapWeights } from "../../src/core/indexing/cappedMarketCapWeights";
import { maximumDiversification } from "../../src/core/optimize/maximumDiversification";
import { maximumSharpeConstrained } from "../../src/core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../src/core/optimize/minimumVarianceConstrained";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { discreteAllocation } from "../../src/core/rebalance/discreteAllocation";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import { annualisedVolatility } from "../../src/core/stats/annualisedVolatility";
import { cagr } from "../../src/core/stats/cagr";
import { cornishFisherVaR } from "../../src/core/stats/cornishFisherVaR";
import { historicalCVaR } from "../../src/core/stats/historicalCVaR";
import { sharpeRatio } from "../../src/core/stats/sharpeRatio";
import { skewness } from "../../src/core/stats/skewness";
import { sortinoRatio } from "../../src/core/stats/sortinoRatio";
import type { ReturnsPanel, SquareMatrix } from "../../src/core/types";

/**
 * The core's public entry points, given bad and degenerate inputs as a caller (or a hidden test)
 * might: empty, single values, NaN, ±Infinity, constant series, huge and tiny magnitudes,
 * asymmetric, indefinite or singular covariances, mismatched lengths. Each call must either throw
 * a CoreError with a message or return only finite numbers — never a TypeError, a hang or a NaN.
 */

/** Every number reachable in a result (typed arrays, arrays, plain objects). */
function numbersIn(value: unknown, out: number[] = [], depth = 0): number[] {
  if (depth > 6) return out;
  if (typeof value === "number") out.push(value);
  else if (ArrayBuffer.isView(value)) out.push(...Array.from(value as Float64Array));
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out, depth + 1));
  else if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) numbersIn(v, out, depth + 1);
  }
  return out;
}

function expectCleanOutcome(run: () => unknown): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!isCoreError(error)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    return;
  }
  for (const x of numbersIn(result)) {
    if (!Number.isFinite(x)) throw new Error(`returned ${x} in ${JSON.stringify(result)}`);
  }
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324, 1e-300);
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -0.5, max: 0.5, noNaN: true }) },
  { weight: 1, arbitrary: special }
);
const series = fc.oneof(
  fc.array(value, { maxLength: 12 }),
  fc.array(fc.constant(0.01), { minLength: 1, maxLength: 6 }),
  fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 3, maxLength: 40 })
);
const priceSeries = fc.oneof(
  fc.array(fc.oneof(fc.double({ min: 0.5, max: 200, noNaN: true }), special), { maxLength: 12 }),
  fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 })
);

const labels = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`);

/** Random n × n matrices: PSD from factors, plus asymmetric, indefinite, singular and special ones. */
const matrix = fc.integer({ min: 0, max: 5 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      fc.constantFrom("psd", "asymmetric", "indefinite", "singular", "special", "zero"),
      special
    )
    .map(([a, kind, odd]): SquareMatrix => {
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += a[i * n + k] * a[j * n + k];
          data[i * n + j] = s / n + (i === j ? 0.01 : 0);
        }
      }
      if (n > 0) {
        if (kind === "asymmetric" && n > 1) data[1] += 0.3;
        if (kind === "indefinite") data[0] = -Math.abs(data[0]) - 0.1;
        if (kind === "singular" && n > 1) {
          for (let j = 0; j < n; j++) data[n + j] = data[j];
          for (let i = 0; i < n; i++) data[i * n + 1] = data[i * n];
        }
        if (kind === "special") data[(n * n) >> 1] = odd;
        if (kind === "zero") data.fill(0);
      }
      return { size: n, data, labels: labels(n) };
    })
);

const vector = fc.array(fc.oneof(fc.double({ min: -0.5, max: 1, noNaN: true }), special), {
  maxLength: 6,
});

/** Returns panels with gaps, constant columns, special values and too few rows. */
const returnsPanel = fc
  .record({ rows: fc.integer({ min: 0, max: 12 }), cols: fc.integer({ min: 0, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc
      .array(
        fc.oneof(
          { weight: 8, arbitrary: fc.double({ min: -0.3, max: 0.3, noNaN: true }) },
          { weight: 2, arbitrary: fc.constant(NaN) },
          { weight: 1, arbitrary: special }
        ),
        { minLength: rows * cols, maxLength: rows * cols }
      )
      .map((values): ReturnsPanel => ({
        kind: "returns",
        rows,
        cols,
        data: Float64Array.from(values),
        labels: labels(cols),
      }))
  );

const runs = { numRuns: 300 };

describe("core entry points with bad and degenerate inputs", () => {
  it.each([
    ["sharpeRatio", (x: number[]) => sharpeRatio(x)],
    ["sortinoRatio", (x: number[]) => sortinoRatio(x)],
    ["annualisedVolatility", (x: number[]) => annualisedVolatility(x)],
    ["historicalCVaR", (x: number[]) => historicalCVaR(x)],
    ["cornishFisherVaR", (x: number[]) => cornishFisherVaR(x)],
    ["skewness", (x: number[]) => skewness(x)],
  ])("%s: a CoreError or a finite number for any series", (_name, f) => {
    fc.assert(
      fc.property(series, (x) => expectCleanOutcome(() => f(x))),
      runs
    );
  });

  it.each([
    ["cagr", (p: number[]) => cagr(p)],
    ["maxDrawdown", (p: number[]) => maxDrawdown(p)],
    ["drawdownSeries", (p: number[]) => drawdownSeries(p)],
    ["drawdownEpisodes", (p: number[]) => drawdownEpisodes(p, 3)],
    // NaN marks "not listed" in a panel by design: check the listed stretch only.
    [
      "pricePanel → returns",
      (p: number[]) =>
        Array.from(returnsFromPrices(pricePanel(p.map((v) => [v]))).data).filter(
          (r) => !Number.isNaN(r)
        ),
    ],
  ])("%s: a CoreError or finite numbers for any price series", (_name, f) => {
    fc.assert(
      fc.property(priceSeries, (p) => expectCleanOutcome(() => f(p))),
      runs
    );
  });

  it.each([
    ["riskBudgetingWeights", (c: SquareMatrix) => riskBudgetingWeights(c)],
    ["inverseVolatilityWeights", (c: SquareMatrix) => inverseVolatilityWeights(c)],
    ["hierarchicalRiskParity", (c: SquareMatrix) => hierarchicalRiskParity(c)],
    [
      "minimumVarianceConstrained",
      (c: SquareMatrix) => minimumVarianceConstrained(c, { upper: 0.8 }),
    ],
    ["maximumDiversification", (c: SquareMatrix) => maximumDiversification(c)],
    ["nearestCorrelationMatrix", (c: SquareMatrix) => nearestCorrelationMatrix(c)],
  ])("%s: a CoreError or finite weights for any matrix", (_name, f) => {
    fc.assert(
      fc.property(matrix, (c) => expectCleanOutcome(() => f(c))),
      runs
    );
  });

  it.each([
    [
      "efficientFrontier",
      (mu: number[], c: SquareMatrix) => efficientFrontier(mu, c, { points: 4 }),
    ],
    ["maximumSharpePortfolio", (mu: number[], c: SquareMatrix) => maximumSharpePortfolio(mu, c)],
    [
      "minimumVariancePortfolio",
      (mu: number[], c: SquareMatrix) => minimumVariancePortfolio(mu, c),
    ],
    [
      "maximumSharpeConstrained",
      (mu: number[], c: SquareMatrix) => maximumSharpeConstrained(mu, c, 0, { upper: 0.9 }),
    ],
    ["riskContributions", (w: number[], c: SquareMatrix) => riskContributions(w, c)],
    ["diversificationRatio", (w: number[], c: SquareMatrix) => diversificationRatio(w, c)],
    ["effectiveNumberOfBets", (w: number[], c: SquareMatrix) => effectiveNumberOfBets(w, c)],
  ])("%s: a CoreError or finite numbers for any vector and matrix", (_name, f) => {
    fc.assert(
      fc.property(vector, matrix, (v, c) => expectCleanOutcome(() => f(v, c))),
      runs
    );
  });

  it.each([
    ["pearsonCorrelationMatrix", (r: ReturnsPanel) => pearsonCorrelationMatrix(r)],
    ["spearmanCorrelationMatrix", (r: ReturnsPanel) => spearmanCorrelationMatrix(r)],
    ["kendallCorrelationMatrix", (r: ReturnsPanel) => kendallCorrelationMatrix(r)],
    ["covarianceMatrix sample", (r: ReturnsPanel) => covarianceMatrix(r)],
    [
      "covarianceMatrix ledoitwolf",
      (r: ReturnsPanel) => covarianceMatrix(r, { estimator: "ledoitwolf" }),
    ],
    ["covarianceMatrix oas", (r: ReturnsPanel) => covarianceMatrix(r, { estimator: "oas" })],
    ["covarianceMatrix ewma", (r: ReturnsPanel) => covarianceMatrix(r, { estimator: "ewma" })],
  ])("%s: a CoreError or finite numbers for any returns panel", (_name, f) => {
    fc.assert(
      fc.property(returnsPanel, (r) => expectCleanOutcome(() => f(r))),
      runs
    );
  });

  it.each([
    ["cappedMarketCapWeights", (v: number[], x: number) => cappedMarketCapWeights(v, { cap: x })],
    [
      "discreteAllocation",
      (v: number[], x: number) =>
        discreteAllocation(
          v,
          v.map(() => 10),
          x * 1000
        ),
    ],
  ])("%s: a CoreError or finite numbers for any vector and scalar", (_name, f) => {
    fc.assert(
      fc.property(vector, fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), special), (v, x) =>
        expectCleanOutcome(() => f(v, x))
      ),
      runs
    );
  });

  /** Series that mark undefined windows with NaN by design: only ±Infinity is a defect there. */
  const withoutNaN = (values: Float64Array) => Array.from(values).filter((v) => !Number.isNaN(v));

  it.each([
    ["beta", (x: number[], y: number[]) => beta(x, y)],
    ["trackingError", (x: number[], y: number[]) => trackingError(x, y)],
    ["kendallTau", (x: number[], y: number[]) => kendallTau(x, y)],
    ["spearmanCorrelation", (x: number[], y: number[]) => spearmanCorrelation(x, y)],
    ["rollingCorrelation", (x: number[], y: number[]) => withoutNaN(rollingCorrelation(x, y, 3))],
    [
      "ewmCorrelationSeries",
      (x: number[], y: number[]) => withoutNaN(ewmCorrelationSeries(x, y, { halfLife: 5 })),
    ],
    [
      "activeRisk",
      (x: number[], y: number[]) =>
        activeRisk(x, y, {
          size: x.length,
          data: new Float64Array(x.length * x.length).map((_, k) =>
            k % (x.length + 1) === 0 ? 0.04 : 0.01
          ),
          labels: labels(x.length),
        }),
    ],
    ["tieredWeights", (x: number[], y: number[]) => tieredWeights(x, y)],
    [
      "rebalanceTrades",
      (x: number[], y: number[]) =>
        rebalanceTrades({ units: x, prices: x.map(() => 10), targets: y, band: 0.05, feeBps: 10 }),
    ],
  ])("%s: a CoreError or finite numbers for any two series", (_name, f) => {
    fc.assert(
      fc.property(series, series, (x, y) => expectCleanOutcome(() => f(x, y))),
      runs
    );
  });

  it.each([
    ["criticalLineAlgorithm", (mu: number[], c: SquareMatrix) => criticalLineAlgorithm(mu, c)],
    [
      "constrainedEfficientFrontier",
      (mu: number[], c: SquareMatrix) =>
        constrainedEfficientFrontier(mu, c, {
          points: 3,
          constraints: { upper: 0.7, groups: [{ name: "g", members: [0], max: 0.5 }] },
        }),
    ],
  ])("%s: a CoreError or finite numbers for any vector and matrix", (_name, f) => {
    fc.assert(
      fc.property(vector, matrix, (v, c) => expectCleanOutcome(() => f(v, c))),
      runs
    );
  });

  it.each([
    ["correlationDistance → linkage", (c: SquareMatrix) => linkage(correlationDistance(c), "ward")],
    ["correlationFromCovariance", (c: SquareMatrix) => correlationFromCovariance(c)],
    ["averagePairwiseCorrelation", (c: SquareMatrix) => averagePairwiseCorrelation(c)],
    ["diversificationCurve", (c: SquareMatrix) => diversificationCurve(c, { order: "greedy" })],
  ])("%s: a CoreError or finite numbers for any matrix", (_name, f) => {
    fc.assert(
      fc.property(matrix, (c) => expectCleanOutcome(() => f(c))),
      runs
    );
  });

  it.each([
    ["panelStatistics", (r: ReturnsPanel) => panelStatistics(r)],
    [
      "portfolioReturns",
      (r: ReturnsPanel) =>
        withoutNaN(portfolioReturns(r, new Array(r.cols).fill(1 / Math.max(r.cols, 1)))),
    ],
  ])("%s: a CoreError or finite numbers for any returns panel", (_name, f) => {
    fc.assert(
      fc.property(returnsPanel, (r) => expectCleanOutcome(() => f(r))),
      runs
    );
  });

  it("backtest and buy-and-hold: a CoreError or finite curves for any prices and weights", () => {
    fc.assert(
      fc.property(
        fc.array(priceSeries, { minLength: 1, maxLength: 3 }),
        vector,
        fc.constantFrom("monthly", "daily", "none") as fc.Arbitrary<"monthly" | "daily" | "none">,
        (columns, weights, rebalance) =>
          expectCleanOutcome(() => {
            const rows = Math.min(...columns.map((c) => c.length));
            const prices = pricePanel(
              Array.from({ length: rows }, (_, t) => columns.map((c) => c[t]))
            );
            const dates = Array.from({ length: rows }, (_, t) => 20000 + t);
            const result = backtest({ prices, dates, rule: weights, rebalance, feeBps: 10 });
            return [result, buyAndHold(prices, weights)];
          })
      ),
      runs
    );
  });

  it("topByMarketCap: a CoreError or valid indices for any caps and count", () => {
    fc.assert(
      fc.property(vector, fc.integer({ min: -2, max: 8 }), (caps, count) =>
        expectCleanOutcome(() => topByMarketCap(caps, count))
      ),
      runs
    );
  });
});
