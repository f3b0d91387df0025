import { backtest } from "../../../src/core/backtest/backtest";
import { cappedMarketCapWeights } from "../../../src/core/indexing/cappedMarketCapWeights";
import {
  INDEX_DEFINITIONS,
  type IndexDefinition,
} from "../../../src/data/indices/indexDefinitions";
import { PaneError } from "../../../src/taskpane/state/paneError";
import {
  type ReportSettings,
  reportIndexStrategy,
} from "../../../src/taskpane/state/reportIndexStrategy";

const TOKENS = ["BTC", "ETH", "SOL", "ADA", "XRP", "DOGE", "DOT", "LINK", "AVAX", "TRX"];
const CAPS = [900, 400, 90, 30, 60, 25, 12, 10, 11, 15];
const BLANK: ReportSettings = { trendWindow: "", volTarget: "", cashRate: "", feeBps: "" };
const byId = (id: string): IndexDefinition => {
  const found = INDEX_DEFINITIONS.find((d) => d.id === id);
  if (found === undefined) throw new Error(`no index ${id}`);
  return found;
};

describe("reportIndexStrategy", () => {
  it("capped market cap: fixed weights from the caps, BACKTEST with lookback 0", () => {
    const out = reportIndexStrategy(byId("top10-capped25"), TOKENS, CAPS, BLANK, 1000);
    const expected = Array.from(cappedMarketCapWeights(CAPS, { cap: 0.25 }));
    expect(Array.from(out.strategy.rule as ArrayLike<number>)).toEqual(expected);
    expect(out.strategy.lookback).toBe(0);
    expect(out.cells).toEqual({
      weightsOrMethod: expected,
      lookback: null,
      adaptive: null,
      cashRate: null,
    });
    expect(out.feeBps).toBe(0);
  });

  it("equal weight: 1/N; a scheme: BACKTEST's method with its window as lookback", () => {
    const equal = reportIndexStrategy(byId("top10-equal"), TOKENS, CAPS, BLANK, 1000);
    expect(Array.from(equal.strategy.rule as ArrayLike<number>)).toEqual(TOKENS.map(() => 0.1));
    const erc = reportIndexStrategy(
      byId("top20-erc"),
      TOKENS,
      CAPS,
      { ...BLANK, feeBps: "10" },
      1000
    );
    expect(typeof erc.strategy.rule).toBe("function");
    expect(erc.strategy.lookback).toBe(365);
    expect(erc.cells).toEqual({
      weightsOrMethod: "erc",
      lookback: 365,
      adaptive: null,
      cashRate: null,
    });
    expect(erc.feeBps).toBe(10);
  });

  it("an adaptive definition: its rule text, lookback ≥ the rule's need, signal lag 1, cash at the field's rate", () => {
    const out = reportIndexStrategy(
      byId("top20-erc-trend200"),
      TOKENS,
      CAPS,
      { ...BLANK, cashRate: "4%" },
      1000
    );
    expect(out.adaptiveText).toBe("trend 200");
    expect(out.strategy).toMatchObject({ lookback: 365, signalLag: 1, cashRate: 0.04 });
    expect(out.cells).toEqual({
      weightsOrMethod: "erc",
      lookback: 365,
      adaptive: "trend 200",
      cashRate: 0.04,
    });
  });

  it("the fields replace the definition's clause or add one", () => {
    const replaced = reportIndexStrategy(
      byId("top20-erc-trend200"),
      TOKENS,
      CAPS,
      { ...BLANK, trendWindow: "50" },
      1000
    );
    expect(replaced.adaptiveText).toBe("trend 50");
    const added = reportIndexStrategy(
      byId("top10-capped25"),
      TOKENS,
      CAPS,
      { ...BLANK, trendWindow: "100", volTarget: "60%" },
      1000
    );
    expect(added.adaptiveText).toBe("trend 100; voltarget 0.6");
    // Fixed weights under a rule: the rule's own lookback (BACKTEST raises 0 to it), cash 0.
    expect(added.strategy).toMatchObject({ signalLag: 1, cashRate: 0 });
    // A 100-day average needs 99 returns.
    expect(added.strategy.lookback).toBeGreaterThanOrEqual(99);
    expect(added.cells).toMatchObject({
      lookback: null,
      adaptive: "trend 100; voltarget 0.6",
      cashRate: 0,
    });
  });

  it("the adaptive rule is a rule the backtest engine runs (weights with cash, no look-ahead lag)", () => {
    const out = reportIndexStrategy(
      byId("top10-capped25"),
      TOKENS,
      CAPS,
      { ...BLANK, volTarget: "0.6" },
      200
    );
    const rows = 200;
    const data = new Float64Array(rows * TOKENS.length);
    for (let j = 0; j < TOKENS.length; j++)
      for (let t = 0; t < rows; t++) data[j * rows + t] = 100 * (1 + 0.02 * Math.sin(t * (j + 1)));
    const result = backtest({
      prices: { kind: "prices", rows, cols: TOKENS.length, data, labels: TOKENS },
      dates: Array.from({ length: rows }, (_, t) => 19000 + t),
      rule: out.strategy.rule,
      lookback: out.strategy.lookback,
      signalLag: out.strategy.signalLag,
      cashRate: out.strategy.cashRate,
    });
    expect(result.startRow).toBe((out.strategy.lookback ?? 0) + 1);
    expect(result.equity.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
  });

  it("refuses bad fields with a message naming the field and the fix", () => {
    const fails: Array<[Partial<ReportSettings>, RegExp]> = [
      [
        { cashRate: "abc" },
        /^Cash rate must be an annual rate as a number, such as 0.04 or 4% .*got "abc"/,
      ],
      [
        { trendWindow: "ten" },
        /^Trend window must be a whole number of days such as 200; got "ten"/,
      ],
      [{ trendWindow: "12.5" }, /^Trend window must be a whole number/],
      [
        { volTarget: "high" },
        /^Volatility target must be a fraction such as 0.6 or 60%; got "high"/,
      ],
      [{ feeBps: "-1" }, /^Fee \(bp\) must be a fee in basis points/],
    ];
    for (const [part, message] of fails) {
      expect(() =>
        reportIndexStrategy(byId("top10-capped25"), TOKENS, CAPS, { ...BLANK, ...part }, 1000)
      ).toThrow(message);
    }
    expect(() =>
      reportIndexStrategy(
        byId("top10-capped25"),
        TOKENS,
        CAPS,
        { ...BLANK, trendWindow: "5000" },
        1000
      )
    ).toThrow(
      /needs 5000 days of prices before its first signal, but the Prices table has 1000 days; shorten the trend window/
    );
    expect(() =>
      reportIndexStrategy(byId("top10-capped25"), TOKENS, CAPS, { ...BLANK, volTarget: "0" }, 1000)
    ).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringMatching(
          /^Rule: "voltarget 0": target must be an annual volatility above 0/
        ),
      })
    );
    expect(() => reportIndexStrategy(byId("top20-erc"), TOKENS, CAPS, BLANK, 300)).toThrow(
      /estimates its weights on 365 days of returns, but the Prices table has 300 days/
    );
    // The 40-token barbell's tiers cannot be filled from 10 tokens: the core says which tier.
    expect(() =>
      reportIndexStrategy(byId("barbell-voltarget60"), TOKENS, CAPS, BLANK, 1000)
    ).toThrow(
      expect.objectContaining({
        code: "INFEASIBLE",
        message: expect.stringMatching(/^tier mid has a budget of 0.2/),
      })
    );
    const noCaps = CAPS.map((c, j) => (j === 3 ? NaN : c));
    expect(() => reportIndexStrategy(byId("top10-capped25"), TOKENS, noCaps, BLANK, 1000)).toThrow(
      PaneError
    );
    expect(() => reportIndexStrategy(byId("top10-capped25"), TOKENS, noCaps, BLANK, 1000)).toThrow(
      /no market cap for ADA; rebuild the index/
    );
  });
});
