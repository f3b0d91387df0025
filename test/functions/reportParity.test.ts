/**
 * Issue 14: the report's numbers equal the cells'. The report (core indexReport, with the index
 * as the pane builds it from its definition) and the custom functions BACKTEST ("stats" and
 * "equity" outputs), STATS, DRAWDOWN and DIVCURVE are run on the same dated prices, called as
 * Excel calls them, and every figure the report shows is compared with its cell.
 */
import { indexReport } from "../../src/core/report/indexReport";
import type { IndexReport, StrategyMetrics } from "../../src/core/report/types";
import { INDEX_DEFINITIONS, type IndexDefinition } from "../../src/data/indices/indexDefinitions";
import { divCurve } from "../../src/functions/diagnostics";
import { backtest } from "../../src/functions/rebalancing";
import { drawdown, stats } from "../../src/functions/risk";
import { reportIndexStrategy } from "../../src/taskpane/state/reportIndexStrategy";
import type { PricePanel } from "../../src/core/types";

const none = null as unknown as number;
const EPOCH = 25569;
const FIRST_SERIAL = 45292; // 2024-01-01
const SYMBOLS = ["BTC", "ETH", "SOL", "ADA", "XRP"];
const CAPS = [900, 400, 80, 30, 60];

/** Seeded dated prices (header row, a Date column of serials), SOL listed on row 30. */
function datedPrices(days: number): Array<Array<string | number>> {
  let seed = 99;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const level = [40000, 2500, 100, 0.5, 0.6];
  const rows: Array<Array<string | number>> = [["Date", ...SYMBOLS]];
  for (let t = 0; t < days; t++) {
    const wild = t > days / 3 && t < days / 2 ? 2.5 : 1;
    const market = wild * 0.03 * (random() - 0.5) + 0.0005 * Math.sin(t / 50);
    const row: Array<string | number> = [FIRST_SERIAL + t];
    for (let j = 0; j < SYMBOLS.length; j++) {
      level[j] *= 1 + market * (1 + j / 4) + wild * 0.02 * (random() - 0.5);
      row.push(j === 2 && t < 30 ? "" : level[j]);
    }
    rows.push(row);
  }
  return rows;
}

const ROWS = datedPrices(900);

function corePanel(rows: Array<Array<string | number>>): {
  prices: PricePanel;
  dates: Float64Array;
} {
  const body = rows.slice(1);
  const cols = rows[0].length - 1;
  const data = new Float64Array(body.length * cols);
  for (let j = 0; j < cols; j++)
    for (let t = 0; t < body.length; t++) {
      const v = body[t][j + 1];
      data[j * body.length + t] = v === "" ? NaN : (v as number);
    }
  return {
    prices: { kind: "prices", rows: body.length, cols, data, labels: SYMBOLS },
    dates: Float64Array.from(body, (r) => (r[0] as number) - EPOCH),
  };
}

const byId = (id: string): IndexDefinition => {
  const found = INDEX_DEFINITIONS.find((d) => d.id === id);
  if (found === undefined) throw new Error(`no index ${id}`);
  return found;
};

/** The report as the pane runs it for a definition. */
function reportFor(
  id: string,
  cashRate: string
): { report: IndexReport; index: ReturnType<typeof reportIndexStrategy> } {
  const { prices, dates } = corePanel(ROWS);
  const index = reportIndexStrategy(
    byId(id),
    SYMBOLS,
    CAPS,
    { trendWindow: "", volTarget: "", cashRate, feeBps: "10" },
    prices.rows
  );
  const report = indexReport({
    prices,
    dates,
    index: index.strategy,
    marketCaps: CAPS,
    feeBps: index.feeBps,
    rollingWindow: 365,
  });
  return { report, index };
}

/** A BACKTEST "stats" spill as metric name → Portfolio column value. */
function portfolioColumn(spill: unknown[][]): Map<string, unknown> {
  return new Map(spill.slice(1).map((row) => [String(row[0]), row[1]]));
}

/** STATS (or DRAWDOWN "max") spill as metric name → first asset's value. */
function firstColumn(spill: unknown[][]): Map<string, unknown> {
  return new Map(spill.slice(1).map((row) => [String(row[0]), row[1]]));
}

/** The equity curve cells (Date, Portfolio) of a BACKTEST "equity" spill, with its header. */
function equityRange(spill: unknown[][], rows?: [number, number]): unknown[][] {
  const body = spill.slice(1).map((r) => [r[0], r[1]]);
  return [["Date", "Index"], ...(rows === undefined ? body : body.slice(rows[0], rows[1]))];
}

/** Compares every report figure with the BACKTEST stats, STATS and DRAWDOWN cells. */
async function expectParity(
  m: StrategyMetrics,
  args: [unknown, number | null, string | null, number | null]
): Promise<unknown[][]> {
  const [weightsOrMethod, lookback, adaptive, cashRate] = args;
  const call = (output: string) =>
    backtest(
      ROWS,
      weightsOrMethod,
      "monthly",
      none,
      10,
      lookback ?? none,
      output,
      365,
      adaptive ?? (null as unknown as string),
      cashRate ?? none
    );
  const cells = portfolioColumn(await call("stats"));
  expect(m.cagr).toBe(cells.get("CAGR"));
  expect(m.annualisedVolatility).toBe(cells.get("Annualised volatility"));
  expect(m.sharpeRatio).toBe(cells.get("Sharpe ratio"));
  expect(m.maxDrawdown).toBe(cells.get("Max drawdown"));
  expect(m.calmarRatio).toBe(cells.get("Calmar ratio"));
  expect(m.finalValue).toBeCloseTo(cells.get("Final value") as number, 14);
  expect(m.turnover).toBe(cells.get("Turnover"));
  expect(m.feesPaid).toBe(cells.get("Fees paid"));
  expect(m.rebalances).toBe(cells.get("Rebalances"));
  const curve = await call("equity");
  const range = equityRange(curve);
  const perAsset = firstColumn(stats(range as never[][], 365, none, "none"));
  expect(m.sortinoRatio).toBeCloseTo(perAsset.get("Sortino ratio") as number, 12);
  expect(m.sharpeRatio).toBeCloseTo(perAsset.get("Sharpe ratio") as number, 12);
  const under = firstColumn(drawdown(range as never[][]));
  expect(m.timeUnderWater).toBe(under.get("Longest under water (periods)"));
  // Correlation to BTC: STATS of the curve beside BTC's prices over the same dates.
  const start = ROWS.findIndex((r) => r[0] === curve[1][0]);
  const withBtc = [
    ["Date", "Index", "BTC"],
    ...curve.slice(1).map((r, k) => [r[0], r[1], ROWS[start + k][1]]),
  ];
  const corr = firstColumn(stats(withBtc as never[][], 365, none, "BTC"));
  expect(m.correlationToBenchmark).toBeCloseTo(corr.get("Correlation to BTC") as number, 12);
  return curve;
}

describe("the report equals the BACKTEST, STATS, DRAWDOWN and DIVCURVE cells", () => {
  it("adaptive index (Top 20 ERC, trend 200, 4 % cash) and the four comparisons", async () => {
    const { report, index } = reportFor("top20-erc-trend200", "0.04");
    expect(index.cells).toEqual({
      weightsOrMethod: "erc",
      lookback: 365,
      adaptive: "trend 200",
      cashRate: 0.04,
    });
    const [ix, btc, eth, equal, caps] = report.strategies;
    const curve = await expectParity(ix.metrics, ["erc", 365, "trend 200", 0.04]);
    const start = report.startRow;
    expect(start).toBe(366);
    // Fixed-weight comparisons: BACKTEST of the same weights with lookback = the start row.
    const unit = (j: number) => [SYMBOLS.map((_, k) => (k === j ? 1 : 0))];
    await expectParity(btc.metrics, [unit(0), start, null, null]);
    await expectParity(eth.metrics, [unit(1), start, null, null]);
    await expectParity(equal.metrics, [[SYMBOLS.map(() => 1 / SYMBOLS.length)], start, null, null]);
    const total = CAPS.reduce((a, b) => a + b, 0);
    await expectParity(caps.metrics, [[CAPS.map((c) => c / total)], start, null, null]);
    // Rolling 1-year Sharpe at the last row: STATS' Sharpe of the curve's last 366 values.
    const last = ROWS.length - 2;
    const window = equityRange(curve, [curve.length - 1 - 366, curve.length - 1]);
    const sharpe = firstColumn(stats(window as never[][], 365, none, "none")).get("Sharpe ratio");
    expect(ix.rollingSharpe[last]).toBeCloseTo(sharpe as number, 12);
  });

  it("static indices: capped market cap (fixed weights) and HRP (re-estimated)", async () => {
    const capped = reportFor("top10-capped25", "");
    const weights = capped.index.cells.weightsOrMethod as number[];
    expect(capped.report.startRow).toBe(0);
    await expectParity(capped.report.strategies[0].metrics, [[weights], null, null, null]);
    const hrp = reportFor("top20-hrp", "");
    expect(hrp.report.startRow).toBe(365);
    await expectParity(hrp.report.strategies[0].metrics, ["hrp", 365, null, null]);
  });

  it("the diversification curve equals DIVCURVE of the prices", () => {
    const { report } = reportFor("top10-equal", "");
    const cells = divCurve(ROWS as never[][]);
    report.diversificationCurve.forEach((step, k) => {
      expect(cells[k + 1][0]).toBe(k + 1);
      expect(cells[k + 1][1]).toBe(SYMBOLS[step.added]);
      expect(step.volatility).toBeCloseTo(cells[k + 1][2] as number, 14);
      expect(step.averageVolatility).toBeCloseTo(cells[k + 1][3] as number, 14);
    });
  });
});
