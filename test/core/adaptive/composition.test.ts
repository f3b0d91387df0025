import { backtest } from "../../../src/core/backtest/backtest";
import { momentumTilt } from "../../../src/core/adaptive/momentumTilt";
import { regimeSwitch } from "../../../src/core/adaptive/regimeSwitch";
import { trailingWindow } from "../../../src/core/adaptive/trailingWindow";
import { trendFilter } from "../../../src/core/adaptive/trendFilter";
import { volatilityTarget } from "../../../src/core/adaptive/volatilityTarget";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { expectNoLookAhead } from "./adaptiveTestKit";

describe("adaptive rules in the backtest", () => {
  it("trades a volatility-targeted position at t+1 with the rest earning the cash rate (hand-worked)", () => {
    // One token 100, 102, 100, 103, 103; window 2, signalLag 1 → start row 3. The rule for row 3
    // sees the returns of rows 1–2: +2 % and 100/102 − 1 = −1.9608 %; their sd is |a − b|/√2 =
    // .039608/√2 = .028007 a day → σ̂ = .028007·√365 = .53507; k = .2/.53507 = .37378.
    // Row 3 invests k in the token, 1 − k in cash (capital 1, no fee). Row 4 (dates 3 → 5, two days):
    // token flat, cash × 1.05^(2/365) → V4 = k + (1 − k)·1.05^(2/365).
    const prices = pricePanel([[100], [102], [100], [103], [103]]);
    const rule = volatilityTarget([1], { target: 0.2, window: 2 });
    const out = backtest({
      prices,
      dates: [0, 1, 2, 3, 5],
      rule,
      rebalance: "none",
      lookback: rule.minLookback,
      signalLag: 1,
      cashRate: 0.05,
    });
    const a = 0.02;
    const b = 100 / 102 - 1;
    const k = 0.2 / ((Math.abs(a - b) / Math.SQRT2) * Math.sqrt(365));
    expect(k).toBeCloseTo(0.37378, 5);
    expect(out.startRow).toBe(3);
    expect(Array.from(out.equity.slice(0, 4))).toEqual([1, 1, 1, 1]);
    expect(out.weights[0][0]).toBeCloseTo(k, 14);
    expect(out.equity[4]).toBeCloseTo(k + (1 - k) * Math.pow(1.05, 2 / 365), 14);
  });

  it("would see tomorrow without signalLag: the check above is not vacuous", () => {
    // With signalLag 0 the rule for row r sees row r's own return, so changing row r's price
    // changes the weights traded on row r (= t + 1 for t = r − 1): what expectNoLookAhead forbids.
    const rows = [[100], [103], [99], [104], [101], [102]];
    const rule = volatilityTarget([1], { target: 0.2, window: 3 });
    const run = (p: number[][], signalLag: number) =>
      backtest({
        prices: pricePanel(p),
        dates: [0, 1, 2, 3, 4, 5],
        rule,
        rebalance: "daily",
        lookback: 3,
        signalLag,
        cashRate: 0,
      });
    const shocked = rows.map((row, t) => (t === 4 ? [150] : row));
    const at = (out: ReturnType<typeof backtest>, row: number) =>
      out.weights[Array.from(out.rebalanceRows).indexOf(row)][0];
    expect(at(run(shocked, 0), 4)).not.toBe(at(run(rows, 0), 4));
    expect(at(run(shocked, 1), 4)).toBe(at(run(rows, 1), 4));
  });

  it("composes (vol target of a trend filter of a momentum tilt, switched to cash in stress) without look-ahead (property)", () => {
    const tilt = momentumTilt([0.3, 0.3, 0.4], { tiers: ["a", "a", "b"], window: 3 });
    const index = regimeSwitch(
      volatilityTarget(trendFilter(tilt, { window: 4, freed: "holdings" }), {
        target: 0.8,
        window: 4,
      }),
      "cash",
      { window: 3, history: 4 }
    );
    expect(index.minLookback).toBe(6);
    expectNoLookAhead(index, 3, 30);
    expectNoLookAhead(trailingWindow(index, 8), 3, 20);
  });
});
