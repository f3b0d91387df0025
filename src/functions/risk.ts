import { drawdownEpisodes } from "../core/drawdown/drawdownEpisodes";
import { drawdownSeries } from "../core/drawdown/drawdownSeries";
import { longestUnderwater } from "../core/drawdown/longestUnderwater";
import { maxDrawdown } from "../core/drawdown/maxDrawdown";
import { type CoreError, isCoreError } from "../core/errors";
import { portfolioReturns } from "../core/returns/portfolioReturns";
import { cornishFisherVaR } from "../core/stats/cornishFisherVaR";
import { gaussianCVaR } from "../core/stats/gaussianCVaR";
import { gaussianVaR } from "../core/stats/gaussianVaR";
import { historicalCVaR } from "../core/stats/historicalCVaR";
import { historicalVaR } from "../core/stats/historicalVaR";
import { panelStatistics } from "../core/stats/panelStatistics";
import { type SeriesStatistics } from "../core/stats/seriesStatistics";
import { seriesSpan } from "../core/stats/seriesSpan";
import { excelBoundary, unwrap } from "./boundary";
import { cellOrError, metricCell, readReturns, resolveBenchmark } from "./common";
import { isBlankCell, isOmitted } from "./parse/cell";
import { parseChoice } from "./parse/options";
import { parseAnnualRate, parseNumber, parsePeriodsPerYear } from "./parse/scalars";
import { usingPrices } from "./prices";
import { type SpillCell, finiteCell } from "./spill";
import { readWeights } from "./weights";

function parseConfidence(value: unknown): number {
  return unwrap(
    parseNumber(value, "confidence", 0.95, {
      min: 0,
      max: 1,
      aboveMin: true,
      belowMax: true,
      expected: "a level between 0 and 1, like 0.95",
    })
  );
}

const percent = (confidence: number) => `${+(confidence * 100).toFixed(2)}%`;

/**
 * Risk and return statistics of each asset: CAGR, annualised return and volatility, Sharpe,
 * Sortino, maximum drawdown, Calmar, VaR and CVaR, skewness, excess kurtosis, best and worst period,
 * share of positive periods, and beta, correlation and tracking error against a benchmark.
 * Each asset is measured from its first to its last price. A metric that is undefined for one asset
 * (a constant series has no Sharpe) shows an error in that cell only.
 * @customfunction STATS
 * @helpurl https://localhost:3000/help.html#stats
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [ppy] Periods per year: 365 (default, daily crypto), 252, 52 or 12.
 * @param [riskFree] Annual risk-free rate for the Sharpe ratio, e.g. 0.04 (default 0).
 * @param [benchmark] Benchmark asset name or column number (default the first column, e.g. BTC); "none" for no benchmark rows.
 * @param [confidence] Confidence level of VaR and CVaR (default 0.95).
 * @param [mar] Annual minimum acceptable return for the Sortino ratio (default 0).
 * @returns A table: one row per metric, one column per asset.
 */
export function stats(
  prices: any[][],
  ppy?: number,
  riskFree?: number,
  benchmark?: any,
  confidence?: number,
  mar?: number
): any[][] {
  return excelBoundary("STATS", () => {
    const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
    const rate = unwrap(parseAnnualRate(riskFree, "riskFree"));
    const minimum = unwrap(parseAnnualRate(mar, "mar"));
    const level = parseConfidence(confidence);
    const { returns, labels } = readReturns(prices);
    const noBenchmark = typeof benchmark === "string" && benchmark.trim().toLowerCase() === "none";
    const b = noBenchmark ? undefined : resolveBenchmark(benchmark, labels);
    const results = panelStatistics(returns, {
      periodsPerYear,
      riskFree: rate,
      mar: minimum,
      confidence: level,
      benchmarkColumn: b,
    });
    const rows: Array<[string, (s: SeriesStatistics) => number | CoreError | undefined]> = [
      ["CAGR", (s) => s.cagr],
      ["Annualised return", (s) => s.annualisedMean],
      ["Annualised volatility", (s) => s.annualisedVolatility],
      ["Sharpe ratio", (s) => s.sharpeRatio],
      ["Sortino ratio", (s) => s.sortinoRatio],
      ["Max drawdown", (s) => s.maxDrawdown],
      ["Calmar ratio", (s) => s.calmarRatio],
      [`VaR ${percent(level)} (historical)`, (s) => s.historicalVaR],
      [`CVaR ${percent(level)} (historical)`, (s) => s.historicalCVaR],
      [`VaR ${percent(level)} (Gaussian)`, (s) => s.gaussianVaR],
      [`VaR ${percent(level)} (Cornish-Fisher)`, (s) => s.cornishFisherVaR],
      ["Skewness", (s) => s.skewness],
      ["Excess kurtosis", (s) => s.excessKurtosis],
      ["Best period", (s) => s.bestPeriod],
      ["Worst period", (s) => s.worstPeriod],
      ["Positive periods", (s) => s.shareOfPositivePeriods],
      ["Periods", (s) => s.periods],
    ];
    if (b !== undefined) {
      rows.push(
        [`Beta to ${labels[b]}`, (s) => s.beta],
        [`Correlation to ${labels[b]}`, (s) => s.correlationTo],
        [`Tracking error to ${labels[b]}`, (s) => s.trackingError]
      );
    }
    const out: SpillCell[][] = [["Metric", ...labels]];
    for (const [name, pick] of rows) {
      out.push([
        name,
        ...results.map((result, j) => {
          if (isCoreError(result)) return metricCell(result, "");
          const value = pick(result);
          return value === undefined
            ? ""
            : metricCell(value, `${name} of ${labels[j]} is undefined`);
        }),
      ]);
    }
    return out;
  });
}

/**
 * Drawdowns of each asset: the maximum drawdown and longest time under water, the drawdown series
 * (how far below its running peak each price is), or the table of the worst episodes.
 * @customfunction DRAWDOWN
 * @helpurl https://localhost:3000/help.html#drawdown
 * @param prices Prices: dates down (oldest first), assets across, optional header row; a first column headed "Date" dates the episodes.
 * @param [output] "max" (default): maximum drawdown and longest time under water; "series": the drawdown of every date; "episodes": the worst episodes.
 * @param [top] For "episodes": how many worst episodes per asset (default 5).
 * @returns For "max" two rows per asset column; for "series" dates x assets (0 at a new high, negative below it); for "episodes" one row per episode.
 */
export function drawdown(prices: any[][], output?: string, top?: number): any[][] {
  return excelBoundary("DRAWDOWN", () => {
    const what = unwrap(
      parseChoice(output, "output", ["max", "series", "episodes"] as const, "max")
    );
    const count = unwrap(
      parseNumber(top, "top", 5, {
        min: 1,
        integer: true,
        expected: "a whole number of episodes ≥ 1",
      })
    );
    return usingPrices(prices, null, ({ panel, hasHeader, dates }) => {
      const { rows, labels } = panel;
      const spans = labels.map((_, j) => {
        const series = panel.data.subarray(j * rows, (j + 1) * rows);
        const span = seriesSpan(series);
        return { first: span.first, prices: series.subarray(span.first, span.last + 1) };
      });
      const tooShort = (j: number) => `${labels[j]} has one price only; a drawdown needs two`;
      if (what === "max") {
        return [
          ["", ...labels],
          [
            "Max drawdown",
            ...spans.map((s, j) => cellOrError(() => maxDrawdown(s.prices), tooShort(j))),
          ],
          [
            "Longest under water (periods)",
            ...spans.map((s, j) => cellOrError(() => longestUnderwater(s.prices), tooShort(j))),
          ],
        ];
      }
      if (what === "series") {
        const columns = spans.map((s) =>
          s.prices.length >= 2 ? drawdownSeries(s.prices) : undefined
        );
        const out: SpillCell[][] = hasHeader ? [[...labels]] : [];
        for (let t = 0; t < rows; t++) {
          out.push(
            spans.map((s, j) => {
              const column = columns[j];
              const k = t - s.first;
              if (k < 0 || k >= s.prices.length) return "";
              return column === undefined
                ? finiteCell(NaN, tooShort(j))
                : finiteCell(column[k], "drawdown undefined");
            })
          );
        }
        return out;
      }
      const when = (row: number | null, first: number): SpillCell => {
        if (row === null) return "not recovered";
        const t = first + row;
        const date = dates?.[t];
        return date === undefined || isBlankCell(date) ? t + 1 : (date as SpillCell);
      };
      const out: SpillCell[][] = [
        [
          "Asset",
          "Rank",
          "Peak",
          "Trough",
          "Recovery",
          "Depth",
          "Length (periods)",
          "Time to recover (periods)",
        ],
      ];
      spans.forEach((s, j) => {
        if (s.prices.length < 2) return;
        drawdownEpisodes(s.prices, count).forEach((episode, rank) => {
          out.push([
            labels[j],
            rank + 1,
            when(episode.peakIndex, s.first),
            when(episode.troughIndex, s.first),
            when(episode.recoveryIndex, s.first),
            episode.depth,
            episode.length,
            episode.timeToRecover === null ? "not recovered" : episode.timeToRecover,
          ]);
        });
      });
      if (out.length === 1)
        out.push(["no drawdowns: every price is a new high", "", "", "", "", "", "", ""]);
      return out;
    });
  });
}

/**
 * Value at risk and conditional value at risk (expected shortfall) of each asset or of a portfolio,
 * as positive fractions lost over one period: historical, Gaussian and Cornish-Fisher.
 * @customfunction VAR
 * @helpurl https://localhost:3000/help.html#var
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [weights] Portfolio weights (a row or column, optionally with names): the VaR of the portfolio, rebalanced every period, instead of each asset's.
 * @param [confidence] Confidence level, e.g. 0.95 (default) or 0.99.
 * @param [method] "all" (default), "historical", "gaussian" or "cornishfisher".
 * @returns Rows of VaR/CVaR by method, one column per asset (or one for the portfolio).
 */
export function valueAtRisk(
  prices: any[][],
  weights?: any[][],
  confidence?: number,
  method?: string
): any[][] {
  return excelBoundary("VAR", () => {
    const level = parseConfidence(confidence);
    const how = unwrap(
      parseChoice(
        method,
        "method",
        ["all", "historical", "gaussian", "cornishfisher"] as const,
        "all"
      )
    );
    const { returns, labels } = readReturns(prices);
    const series: Array<{ name: string; values: ArrayLike<number> }> = [];
    if (!isOmitted(weights)) {
      series.push({
        name: "Portfolio",
        values: portfolioReturns(returns, readWeights(weights, labels)),
      });
    } else {
      labels.forEach((name, j) => {
        const column = returns.data.subarray(j * returns.rows, (j + 1) * returns.rows);
        const span = seriesSpan(column);
        series.push({
          name,
          values: span.first < 0 ? new Float64Array(0) : column.subarray(span.first, span.last + 1),
        });
      });
    }
    const p = percent(level);
    const measures: Array<[string, (r: ArrayLike<number>) => number]> = [];
    if (how === "all" || how === "historical") {
      measures.push(
        [`VaR ${p} (historical)`, (r) => historicalVaR(r, level)],
        [`CVaR ${p} (historical)`, (r) => historicalCVaR(r, level)]
      );
    }
    if (how === "all" || how === "gaussian") {
      measures.push(
        [`VaR ${p} (Gaussian)`, (r) => gaussianVaR(r, level)],
        [`CVaR ${p} (Gaussian)`, (r) => gaussianCVaR(r, level)]
      );
    }
    if (how === "all" || how === "cornishfisher") {
      measures.push([`VaR ${p} (Cornish-Fisher)`, (r) => cornishFisherVaR(r, level)]);
    }
    return [
      ["", ...series.map((s) => s.name)],
      ...measures.map(([name, measure]) => [
        name,
        ...series.map((s) =>
          cellOrError(() => measure(s.values), `${name} of ${s.name} is undefined`)
        ),
      ]),
    ];
  });
}
