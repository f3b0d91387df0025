import { backtest } from "../../../src/core/backtest/backtest";
import { trendFilter } from "../../../src/core/adaptive/trendFilter";
import { volatilityTarget } from "../../../src/core/adaptive/volatilityTarget";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";

/** Annualised sample volatility (365) of an equity curve's daily returns after row `start`. */
function realisedVolatility(equity: Float64Array, start: number): number {
  const r: number[] = [];
  for (let t = start + 1; t < equity.length; t++) r.push(equity[t] / equity[t - 1] - 1);
  const mean = r.reduce((s, x) => s + x, 0) / r.length;
  return Math.sqrt((r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1)) * 365);
}

describeWithSharedData("adaptive rules on real BTC prices (2020-06 … 2024-12)", () => {
  const csv = readSharedCsv("crypto-daily-close.csv");
  const column = csv.symbols.indexOf("BTC");
  const keep = csv.dates
    .map((d, t) => (d >= "2020-06-01" && d <= "2024-12-31" ? t : -1))
    .filter((t) => t >= 0);
  const raw = keep.map((t) => csv.rows[t][column]);
  const prices = pricePanel(
    raw.map((p) => [p]),
    { labels: ["BTC"] }
  );
  const dates = keep.map(
    (t) =>
      Date.UTC(
        Number(csv.dates[t].slice(0, 4)),
        Number(csv.dates[t].slice(5, 7)) - 1,
        Number(csv.dates[t].slice(8, 10))
      ) / 86400000
  );

  it("volatility targeting brings the realised volatility near the target, well below BTC's own", () => {
    const btc = realisedVolatility(
      backtest({ prices, dates, rule: [1], rebalance: "none", lookback: 31 }).equity,
      31
    );
    expect(btc).toBeGreaterThan(0.5);
    for (const target of [0.2, 0.4]) {
      const rule = volatilityTarget([1], { target });
      const out = backtest({
        prices,
        dates,
        rule,
        rebalance: "daily",
        lookback: rule.minLookback,
        signalLag: 1,
        cashRate: 0,
      });
      // A 30-day estimate lags volatility bursts, so realised runs a little above target.
      const realised = realisedVolatility(out.equity, out.startRow);
      expect(realised).toBeGreaterThan(0.8 * target);
      expect(realised).toBeLessThan(1.25 * target);
    }
  });

  it("the 200-day SMA filter holds BTC exactly on the days after its close was above the average", () => {
    const rule = trendFilter([1], { window: 200 });
    const out = backtest({
      prices,
      dates,
      rule,
      rebalance: "daily",
      lookback: rule.minLookback,
      signalLag: 1,
      cashRate: 0.04,
    });
    let held = 0;
    out.rebalanceRows.forEach((row, k) => {
      const t = row - 1;
      let sum = 0;
      for (let u = t - 199; u <= t; u++) sum += raw[u];
      const gap = raw[t] / (sum / 200) - 1;
      if (Math.abs(gap) > 1e-9) expect(out.weights[k][0]).toBe(gap > 0 ? 1 : 0);
      held += out.weights[k][0];
    });
    // BTC spent most, not all, of 2020–2024 above its 200-day average.
    expect(held / out.rebalanceRows.length).toBeGreaterThan(0.4);
    expect(held / out.rebalanceRows.length).toBeLessThan(0.9);
  });
});
