import { indexReport } from "../../../src/core/report/indexReport";
import { reportLayout } from "../../../src/taskpane/state/reportLayout";
import { seededPanel } from "../../core/report/reportTestKit";

const { prices, dates } = seededPanel(200);
const serials = dates.map((d) => d + 25569);
const report = indexReport({
  prices,
  dates,
  index: { name: "Fixed", rule: [0.4, 0.3, 0.2, 0.1] },
  marketCaps: [4, 3, 2, 1],
  rollingWindow: 30,
});
const header = {
  indexName: "Fixed",
  source: "CoinGecko",
  demo: false,
  asOf: serials[199],
  settings: "monthly",
  cells: "DIVERSIFY.BACKTEST(Prices[#All],{0.4,0.3,0.2,0.1})",
};

describe("reportLayout", () => {
  const sheet = reportLayout(report, header, serials, prices.labels);
  const block = (name: string) => {
    const found = sheet.blocks.find((b) => b.name === name);
    if (found === undefined) throw new Error(name);
    return found;
  };

  it("lays out the header, statistics, curve and the dated tables without overlap", () => {
    expect(sheet.blocks.map((b) => [b.name, b.row, b.column])).toEqual([
      ["header", 0, 0],
      ["stats", 7, 0],
      ["diversification curve", 22, 0],
      ["rolling Sharpe", 0, 7],
      ["drawdown", 0, 14],
    ]);
    expect(block("header").values[1][0]).toBe("Data source: CoinGecko");
    expect(block("header").values[2][0]).toBe(
      "As of 2023-07-19; period 2023-01-01 to 2023-07-19 (199 days, from the index's first investment)"
    );
  });

  it("the statistics: one row per figure, one column per strategy, formats by row", () => {
    const stats = block("stats");
    expect(stats.values[0]).toEqual([
      "Metric",
      "Fixed",
      "BTC only",
      "ETH only",
      "Equal weight",
      "Market-cap weight",
    ]);
    expect(stats.values[1]).toEqual(["CAGR", ...report.strategies.map((s) => s.metrics.cagr)]);
    expect(stats.values[8][0]).toBe("Time under water (days)");
    expect(stats.rowFormats?.[1]).toBe("0.00%");
    expect(stats.rowFormats?.[3]).toBe("0.00");
  });

  it("dated tables from the start row; blank before a full rolling window; 0 drawdown at a new high", () => {
    const sharpe = block("rolling Sharpe").values;
    expect(sharpe).toHaveLength(201);
    expect(sharpe[0]).toEqual(["Date", ...report.strategies.map((s) => `Sharpe 30d: ${s.name}`)]);
    expect(sharpe[1][0]).toBe(serials[0]);
    expect(sharpe[30][1]).toBe("");
    expect(sharpe[31][1]).toBe(report.strategies[0].rollingSharpe[30]);
    expect(block("drawdown").values[1].slice(1)).toEqual([0, 0, 0, 0, 0]);
  });

  it("the curve names the tokens added; demo data is labelled as such; an omitted strategy is said", () => {
    expect(block("diversification curve").values.map((r) => r[1])).toEqual([
      "Added",
      "BTC",
      "ETH",
      "SOL",
      "ADA",
    ]);
    const demo = reportLayout(
      indexReport({
        prices,
        dates,
        index: { name: "Fixed", rule: [0.4, 0.3, 0.2, 0.1] },
        rollingWindow: 30,
      }),
      { ...header, demo: true },
      serials,
      prices.labels
    );
    const lines = demo.blocks[0].values.map((r) => String(r[0]));
    expect(lines[1]).toBe("Data source: demo data (simulated prices, not market data)");
    expect(lines[5]).toBe("Not shown: Market-cap weight (no market caps were given).");
  });

  it("three charts over the dated tables and the curve", () => {
    expect(sheet.charts.map((c) => [c.name, c.block, c.firstColumn, c.columns])).toEqual([
      ["Diversify report Sharpe", "rolling Sharpe", 1, 5],
      ["Diversify report drawdown", "drawdown", 1, 5],
      ["Diversify report diversification curve", "diversification curve", 2, 2],
    ]);
  });
});
