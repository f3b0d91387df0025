import { isCoreError } from "../../../src/core/errors";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { panelStatistics } from "../../../src/core/stats/panelStatistics";
import { type SeriesStatistics, seriesStatistics } from "../../../src/core/stats/seriesStatistics";
import type { ReturnsPanel } from "../../../src/core/types";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { type ExpectedMetrics, expectClose, expectCoreError, readFixture } from "./helpers";

function panel(columns: number[][], labels: string[]): ReturnsPanel {
  const rows = columns[0].length;
  const data = new Float64Array(rows * columns.length);
  columns.forEach((c, j) => data.set(c, j * rows));
  return { kind: "returns", rows, cols: columns.length, data, labels };
}

function statsOf(entry: SeriesStatistics | Error): SeriesStatistics {
  if (isCoreError(entry)) throw new Error(`expected statistics, got ${entry.message}`);
  return entry as SeriesStatistics;
}

describe("panelStatistics", () => {
  it("measures each asset on its own span between leading and trailing blanks", () => {
    // B is listed from row 2 and delisted after row 4: its statistics are those of [0.02, −0.01, 0.03].
    const returns = panel(
      [
        [0.01, 0.02, -0.03, 0.04, 0.0],
        [NaN, 0.02, -0.01, 0.03, NaN],
      ],
      ["A", "B"]
    );
    const out = panelStatistics(returns, { periodsPerYear: 12, benchmarkColumn: 0 });
    const b = statsOf(out[1]);
    expect(b.periods).toBe(3);
    expect(b.annualisedMean).toBeCloseTo(((0.02 - 0.01 + 0.03) / 3) * 12, 14);
    expect(b).toEqual(
      seriesStatistics([0.02, -0.01, 0.03], { periodsPerYear: 12, benchmark: [0.02, -0.03, 0.04] })
    );
    expect(statsOf(out[0]).beta).toBeCloseTo(1, 14);
  });

  it("puts an asset's failure in its slot, naming column, label and row", () => {
    const returns = panel(
      [
        [0.01, 0.02, -0.03, 0.04],
        [NaN, NaN, NaN, NaN],
        [0.01, NaN, 0.02, 0.03],
        [NaN, NaN, NaN, 0.05],
        [0.01, 0.01, 0.01, Infinity],
      ],
      ["A", "B", "C", "D", "E"]
    );
    const out = panelStatistics(returns);
    expect(isCoreError(out[0])).toBe(false);
    const codes = out.slice(1).map((e) => (isCoreError(e) ? e.code : "ok"));
    expect(codes).toEqual(["NOT_AVAILABLE", "GAP_IN_SERIES", "TOO_FEW_POINTS", "NON_FINITE"]);
    expect((out[2] as Error).message).toBe(
      'returns: column 3 (C), row 2 is empty between returns; fill the gap (fill="previous")'
    );
    expect((out[3] as Error).message).toMatch(/^returns: column 4 \(D\) has 1 value/);
    expect((out[4] as Error).message).toMatch(/^returns: column 5 \(E\), row 4 is Infinity/);
    expect((out[4] as { row?: number }).row).toBe(3);
  });

  it("reports a constant asset's undefined ratios in their fields, not as a failed asset", () => {
    const out = panelStatistics(panel([[0.01, 0.01, 0.01, 0.01]], ["USDT"]));
    const stats = statsOf(out[0]);
    expect(stats.annualisedVolatility).toBe(0);
    expect((stats.sharpeRatio as { code: string }).code).toBe("ZERO_VARIANCE");
  });

  it("throws INVALID_ARGUMENT on a benchmark column outside the panel and on bad options", () => {
    const returns = panel([[0.01, 0.02, -0.03]], ["A"]);
    expectCoreError(
      () => panelStatistics(returns, { benchmarkColumn: 1 }),
      "INVALID_ARGUMENT",
      /benchmark must be a column from 1 to 1; got 2/
    );
    expectCoreError(() => panelStatistics(returns, { confidence: 0 }), "INVALID_ARGUMENT");
  });

  it("leaves the panel unchanged", () => {
    const returns = panel([[NaN, 0.01, 0.02, -0.03, NaN]], ["A"]);
    const before = Array.from(returns.data);
    panelStatistics(returns);
    expect(Array.from(returns.data)).toEqual(before);
  });
});

describeWithSharedData("panelStatistics on crypto-daily-close.csv", () => {
  interface RealCase {
    symbol: string;
    first: number;
    last: number;
    expected: ExpectedMetrics;
  }
  const fixture = readFixture<{ cases: RealCase[] }>("stats", "crypto-daily-close.json");

  it("matches the numpy/scipy values for BTC, ETH, SOL (late listing), MATIC (delisted) and PAXG", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const returns = returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }));
    const out = panelStatistics(returns, { benchmarkColumn: csv.symbols.indexOf("BTC") });
    for (const c of fixture.cases) {
      const stats = statsOf(out[csv.symbols.indexOf(c.symbol)]);
      const row = c.expected.var[1]; // confidence 0.95, the default
      expect(stats.periods).toBe(c.last - c.first + 1);
      const pairs: Array<[unknown, number | undefined]> = [
        [stats.cagr, c.expected.cagr],
        [stats.annualisedVolatility, c.expected.annualisedVolatility],
        [stats.sharpeRatio, c.expected.sharpeRatio],
        [stats.sortinoRatio, c.expected.sortinoRatio],
        [stats.maxDrawdown, c.expected.maxDrawdown],
        [stats.calmarRatio, c.expected.calmarRatio],
        [stats.historicalVaR, row.historicalVaR],
        [stats.historicalCVaR, row.historicalCVaR],
        [stats.gaussianVaR, row.gaussianVaR],
        [stats.cornishFisherVaR, row.cornishFisherVaR],
        [stats.skewness, c.expected.skewness],
        [stats.excessKurtosis, c.expected.excessKurtosis],
        [stats.beta, c.expected.beta],
        [stats.correlationTo, c.expected.correlationTo],
        [stats.trackingError, c.expected.trackingError],
      ];
      for (const [actual, want] of pairs) expectClose(actual as number, want ?? NaN, 1e-9);
    }
  });
});
