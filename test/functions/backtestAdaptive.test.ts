/**
 * BACKTEST's adaptive rules and cash sleeve (the `adaptive` and `cashRate` arguments), called as
 * Excel calls it: the spill equals the core backtest run with the same core rule (lookback raised
 * to its minLookback, signalLag 1), no signal trades before its next day, and every bad input is a
 * #VALUE! naming the argument and the fix.
 */
import { momentumTilt } from "../../src/core/adaptive/momentumTilt";
import { regimeSwitch } from "../../src/core/adaptive/regimeSwitch";
import { trailingWindow } from "../../src/core/adaptive/trailingWindow";
import { trendFilter } from "../../src/core/adaptive/trendFilter";
import { volatilityTarget } from "../../src/core/adaptive/volatilityTarget";
import { backtest as coreBacktest } from "../../src/core/backtest/backtest";
import type { PricePanel } from "../../src/core/types";
import { backtest } from "../../src/functions/rebalancing";
import { ruleFor } from "../../src/functions/worker/backtestRules";
import { rejectionOf } from "../helpers/excelErrorOf";

const none = null as unknown as number;
const noText = null as unknown as string;

/** Excel serial of 1970-01-01: day numbers are serial − 25569. */
const EPOCH = 25569;
const FIRST_SERIAL = 45292; // 2024-01-01

/** Seeded dated prices for three assets with regimes (calm, then wild, then calm), header row. */
function datedPrices(days: number): Array<Array<string | number>> {
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const level = [100, 50, 10];
  const rows: Array<Array<string | number>> = [["Date", "BTC", "ETH", "SOL"]];
  for (let t = 0; t < days; t++) {
    const wild = t > days / 3 && t < (2 * days) / 3 ? 3 : 1;
    const drift = Math.sin(t / 40) * 0.004;
    for (let j = 0; j < 3; j++)
      level[j] *= 1 + drift * (j + 1) + wild * 0.02 * (j + 1) * (random() - 0.5);
    rows.push([FIRST_SERIAL + t, ...level]);
  }
  return rows;
}

/** The core's inputs for the same rows: a price panel (column-major) and day numbers. */
function coreInputs(rows: Array<Array<string | number>>): {
  prices: PricePanel;
  dates: number[];
} {
  const body = rows.slice(1);
  const cols = rows[0].length - 1;
  const data = new Float64Array(body.length * cols);
  for (let j = 0; j < cols; j++)
    for (let t = 0; t < body.length; t++) data[j * body.length + t] = body[t][j + 1] as number;
  return {
    prices: {
      kind: "prices",
      rows: body.length,
      cols,
      data,
      labels: rows[0].slice(1) as string[],
    },
    dates: body.map((r) => (r[0] as number) - EPOCH),
  };
}

const ROWS = datedPrices(400);
const WEIGHTS = [[0.5, 0.3, 0.2]];

describe("BACKTEST with an adaptive rule equals the core backtest with the same rule", () => {
  it('fixed weights, "trend 50; voltarget 0.6", 4 % cash, 10 bp: equity and buy-and-hold', async () => {
    const out = await backtest(
      ROWS,
      WEIGHTS,
      "monthly",
      none,
      10,
      none,
      "equity",
      none,
      "trend 50; voltarget 0.6",
      0.04
    );
    const { prices, dates } = coreInputs(ROWS);
    const rule = volatilityTarget(trendFilter([0.5, 0.3, 0.2], { window: 50 }), {
      target: 0.6,
      periodsPerYear: 365,
    });
    expect(rule.minLookback).toBe(49);
    const common = { prices, dates, lookback: rule.minLookback, signalLag: 1, cashRate: 0.04 };
    const core = coreBacktest({ ...common, rule, feeBps: 10 });
    const hold = coreBacktest({ ...common, rule: [0.5, 0.3, 0.2], rebalance: "none" });
    expect(core.startRow).toBe(50);
    expect(out[0]).toEqual(["Date", "Portfolio", "Buy and hold", "BTC only"]);
    expect(out).toHaveLength(1 + 400 - core.startRow);
    out.slice(1).forEach((row, k) => {
      const t = core.startRow + k;
      expect(row[0]).toBe(FIRST_SERIAL + t);
      expect(row[1]).toBe(core.equity[t]);
      expect(row[2]).toBe(hold.equity[t]);
    });
    // The rule did something: some month held cash (weights summing below 1).
    expect(core.weights.some((w) => w.reduce((a, b) => a + b, 0) < 0.99)).toBe(true);
  });

  it('"erc" under "regime volatility 0.8 100 minvar": weights with a Cash column, and stats', async () => {
    const args = [ROWS, "erc", "weekly", none, 0, 30] as const;
    const spec = "regime volatility 0.8 100 minvar";
    const weights = await backtest(...args, "weights", none, spec, none);
    const stats = await backtest(...args, "stats", none, spec, none);
    const { prices, dates } = coreInputs(ROWS);
    const rule = regimeSwitch(
      trailingWindow(ruleFor("erc", "sample"), 30),
      trailingWindow(ruleFor("minvar", "sample"), 30),
      { indicator: "volatility", quantile: 0.8, history: 100 }
    );
    const core = coreBacktest({
      prices,
      dates,
      rule,
      rebalance: "weekly",
      lookback: rule.minLookback,
      signalLag: 1,
      cashRate: 0,
    });
    expect(weights[0]).toEqual(["Date", "BTC", "ETH", "SOL", "Cash"]);
    expect(weights).toHaveLength(1 + core.rebalanceRows.length);
    weights.slice(1).forEach((row, k) => {
      expect(row[0]).toBe(FIRST_SERIAL + core.rebalanceRows[k]);
      expect(row.slice(1, 4)).toEqual(Array.from(core.weights[k]));
      expect(row[4]).toBe(0); // both rules are fully invested
    });
    // The two rules differ, and the regime did switch: minvar in the wild middle third.
    const ercOnly = coreBacktest({
      prices,
      dates,
      rule: trailingWindow(ruleFor("erc", "sample"), 30),
      rebalance: "weekly",
      lookback: rule.minLookback,
      signalLag: 1,
    });
    expect(core.weights.some((w, k) => w[0] !== ercOnly.weights[k][0])).toBe(true);
    const cell = (name: string) => stats.find((r) => r[0] === name)?.[1];
    expect(cell("Final value")).toBe(core.equity[core.equity.length - 1]);
    expect(cell("Turnover")).toBe(core.turnover);
    expect(cell("Rebalances")).toBe(core.rebalanceRows.length);
  });

  it('"trend 60 momentum holdings" and "regime correlation 0.7 60 cash" compose in order', async () => {
    const out = await backtest(
      ROWS,
      "invvol",
      "monthly",
      none,
      none,
      none,
      "weights",
      none,
      "trend 60 momentum holdings; regime correlation 0.7 60",
      none
    );
    const { prices, dates } = coreInputs(ROWS);
    const rule = regimeSwitch(
      trendFilter(trailingWindow(ruleFor("invvol", "sample"), 90), {
        window: 60,
        signal: "momentum",
        freed: "holdings",
      }),
      "cash",
      { indicator: "correlation", quantile: 0.7, history: 60 }
    );
    const core = coreBacktest({
      prices,
      dates,
      rule,
      lookback: Math.max(90, rule.minLookback),
      signalLag: 1,
      cashRate: 0,
    });
    expect(out.slice(1).map((r) => r.slice(1, 4))).toEqual(core.weights.map((w) => Array.from(w)));
    // Stressed months are all cash: Cash column 1.
    expect(out.slice(1).some((r) => r[4] === 1)).toBe(true);
  });

  it('"momentum 30 0.5" tilts all assets as one tier: the core momentumTilt with one tier label', async () => {
    const out = await backtest(
      ROWS,
      WEIGHTS,
      "monthly",
      none,
      none,
      none,
      "weights",
      none,
      "momentum 30 0.5",
      none
    );
    const { prices, dates } = coreInputs(ROWS);
    const rule = momentumTilt([0.5, 0.3, 0.2], {
      tiers: ["one", "one", "one"],
      window: 30,
      strength: 0.5,
    });
    const core = coreBacktest({
      prices,
      dates,
      rule,
      lookback: rule.minLookback,
      signalLag: 1,
      cashRate: 0,
    });
    expect(core.startRow).toBe(31);
    expect(out[0]).toEqual(["Date", "BTC", "ETH", "SOL", "Cash"]);
    expect(out.slice(1).map((r) => r.slice(1, 4))).toEqual(core.weights.map((w) => Array.from(w)));
    // A tilt keeps the invested total (no cash) and moves weight between the assets.
    out.slice(1).forEach((r) => expect(r[4]).toBe(0));
    expect(out.slice(1).some((r) => Math.abs((r[1] as number) - 0.5) > 0.01)).toBe(true);
  });

  it("reads words case-insensitively, percentages, and a range of rules as one rule per cell", async () => {
    const args = [ROWS, WEIGHTS, "monthly", none, none, none, "equity", none] as const;
    const typed = await backtest(...args, "trend 50; voltarget 0.6 30 ewma", none);
    expect(await backtest(...args, "  Trend 50 ;VOLTARGET 60% 30 EWMA ", none)).toEqual(typed);
    expect(await backtest(...args, [["trend 50"], ["voltarget 0.6 30 ewma"]], none)).toEqual(typed);
    // Blank cells in the range are skipped; a blank argument is no adaptive rule.
    expect(
      await backtest(
        ...args,
        [
          ["trend 50", ""],
          ["voltarget 0.6 30 ewma", null],
        ],
        none
      )
    ).toEqual(typed);
    expect(await backtest(...args, "", none)).toEqual(await backtest(ROWS, WEIGHTS));
    // Excel desktop passes an empty referenced cell as 0: no rule, as blank.
    expect(await backtest(...args, 0, none)).toEqual(await backtest(ROWS, WEIGHTS));
    expect(
      await backtest(...args, [[0], ["trend 50"], [0], ["voltarget 0.6 30 ewma"]], none)
    ).toEqual(typed);
  });

  it("an Invocation in the adaptive or cashRate slot (stale metadata) reads as omitted", async () => {
    const invocation = { address: "Sheet1!A1", functionName: "BACKTEST", onCanceled: null };
    const plain = await backtest(ROWS, WEIGHTS, "monthly", none, 10);
    expect(
      await backtest(ROWS, WEIGHTS, "monthly", none, 10, none, noText, none, invocation)
    ).toEqual(plain);
    expect(
      await backtest(
        ROWS,
        WEIGHTS,
        "monthly",
        none,
        10,
        none,
        noText,
        none,
        none,
        invocation as unknown as number
      )
    ).toEqual(plain);
  });

  it("cashRate alone: fixed weights may sum below 1, the rest earns the rate", async () => {
    const out = await backtest(
      ROWS,
      [[0.4, 0.2, 0.1]],
      "quarterly",
      none,
      none,
      none,
      "weights",
      none,
      none,
      "5%" as unknown as number // a rate typed as text
    );
    expect(out[0]).toEqual(["Date", "BTC", "ETH", "SOL", "Cash"]);
    expect(out[1][4]).toBeCloseTo(0.3, 12);
    const equity = await backtest(
      ROWS,
      [[0.4, 0.2, 0.1]],
      "quarterly",
      none,
      none,
      none,
      "equity",
      none,
      none,
      0.05
    );
    const { prices, dates } = coreInputs(ROWS);
    const core = coreBacktest({
      prices,
      dates,
      rule: [0.4, 0.2, 0.1],
      rebalance: "quarterly",
      cashRate: 0.05,
    });
    expect(equity.slice(1).map((r) => r[1])).toEqual(Array.from(core.equity));
    // Without cashRate the same weights are refused: they must sum to 1.
    expect((await rejectionOf(backtest(ROWS, [[0.4, 0.2, 0.1]]))).code).toBe("#VALUE!");
  });

  it("without the new arguments BACKTEST is unchanged: no Cash column, signal lag 0", async () => {
    const out = await backtest(ROWS, "invvol", "monthly", none, 0, 30, "weights");
    expect(out[0]).toEqual(["Date", "BTC", "ETH", "SOL"]);
    const { prices, dates } = coreInputs(ROWS);
    const core = coreBacktest({ prices, dates, rule: ruleFor("invvol", "sample"), lookback: 30 });
    expect(out[1][0]).toBe(FIRST_SERIAL + 30);
    expect(out.slice(1).map((r) => r.slice(1))).toEqual(core.weights.map((w) => Array.from(w)));
  });
});

describe("BACKTEST adaptive: no look-ahead through the function", () => {
  it.each([
    ["trend 50; voltarget 0.6", WEIGHTS],
    ["regime correlation 0.8 60 minvar", "hrp"],
    ["voltarget 0.5 20 ewma", "erc"],
  ])(
    "%s on %p: prices after day t change neither the weights to t+1 nor equity to t",
    async (spec, base) => {
      const days = 260;
      const rows = datedPrices(days);
      const run = (r: typeof rows, output: string) =>
        backtest(r, base, "daily", none, 10, 30, output, none, spec, 0.03);
      const weights = await run(rows, "weights");
      const equity = await run(rows, "equity");
      let changedLater = 0;
      for (const t of [120, 181, 230]) {
        // Rows of `rows` are 1 + day index; perturb every price strictly after day t.
        const perturbed = rows.map((row, i) =>
          i <= t + 1
            ? row
            : row.map((v, j) => (j === 0 ? v : (v as number) * (1 + 0.3 * Math.sin(i * j))))
        );
        const weightsAfter = await run(perturbed, "weights");
        const equityAfter = await run(perturbed, "equity");
        const upTo = (table: unknown[][], last: number) =>
          table.slice(1).filter((r) => (r[0] as number) <= FIRST_SERIAL + last);
        expect(upTo(weightsAfter, t + 1)).toEqual(upTo(weights, t + 1));
        expect(upTo(weightsAfter, t + 1).length).toBeGreaterThan(0);
        expect(upTo(equityAfter, t)).toEqual(upTo(equity, t));
        if (JSON.stringify(weightsAfter) !== JSON.stringify(weights)) changedLater++;
      }
      // The check has teeth: the perturbation does change later weights.
      expect(changedLater).toBeGreaterThan(0);
    }
  );
});

describe("BACKTEST adaptive: bad input is #VALUE! naming the argument and the fix", () => {
  const call = (adaptive: unknown, cashRate?: unknown, rows = ROWS) =>
    rejectionOf(
      backtest(rows, WEIGHTS, noText, none, none, none, noText, none, adaptive, cashRate as number)
    );

  it.each([
    [
      "a moving average longer than the history",
      "trend 500",
      /adaptive: "trend 500" needs 499 rows of returns before its first signal \(it trades the day after\), but prices has 400 rows; shorten the rule's window or history, or give more price history/,
    ],
    [
      "a regime history longer than the data",
      "regime volatility 0.8 400",
      /adaptive: "regime volatility 0.8 400" needs 429 rows of returns/,
    ],
    [
      "a volatility target of 0",
      "voltarget 0",
      /adaptive: "voltarget 0": target must be an annual volatility above 0 and at most 10, e\.g\. 0\.6 for 60 %/,
    ],
    [
      "a negative volatility target",
      "voltarget -0.2",
      /adaptive: "voltarget -0.2": target must be .* got -0.2/,
    ],
    [
      "a percentage typed as a number",
      "voltarget 60",
      /give a fraction, not a percentage\); got 60/,
    ],
    [
      "voltarget without a target",
      "voltarget",
      /adaptive: "voltarget": give the target annual volatility as a fraction, e\.g\. 0\.6 for 60 %; write "voltarget <target> \[window\] \[sample\|ewma\]"/,
    ],
    [
      "an unknown option word",
      "trend 50 fast",
      /adaptive: "trend 50 fast": "fast" is not an option of trend; write "trend <window> \[sma\|momentum\] \[cash\|holdings\]"/,
    ],
    ["two signals at once", "trend 50 sma momentum", /give one of sma or momentum, not both/],
    ["too many numbers", "trend 50 60", /trend takes at most 1 number/],
    [
      "an unknown rule",
      "wobble 3",
      /adaptive: "wobble 3": "wobble" is not a rule; use "voltarget <target>/,
    ],
    [
      "a momentum tilt with an unknown word",
      "momentum 90 fast",
      /adaptive: "momentum 90 fast": "fast" is not an option of momentum; write "momentum <window> \[strength\]"/,
    ],
    [
      "a momentum tilt stronger than 1",
      "momentum 90 1.5",
      /adaptive: "momentum 90 1.5": strength must be from 0 \(no tilt\) to 1/,
    ],
    [
      "a moving average of 1 day",
      "trend 1",
      /adaptive: "trend 1": window must be a whole number of days, 2 or more; got 1/,
    ],
    [
      "a fractional window",
      "voltarget 0.5 10.5",
      /adaptive: "voltarget 0.5 10.5": window must be a whole number/,
    ],
    [
      "a quantile of 1",
      "regime volatility 1",
      /adaptive: "regime volatility 1": quantile must be a fraction strictly between 0 and 1/,
    ],
    [
      "a number instead of text",
      200,
      /adaptive must be text naming a rule; got 200; use "voltarget/,
    ],
  ])("%s", async (_name, adaptive, message) => {
    const error = await call(adaptive);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  it("a cash rate that is text, or absurd", async () => {
    const text = await call("trend 50", "four percent");
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toMatch(
      /cashRate must be an annual rate as a decimal, e\.g\. 0\.04 for 4 %; got text "four percent"/
    );
    expect((await call("trend 50", 40)).message).toMatch(/cashRate must be an annual rate.*got 40/);
  });

  it("fixed weights above 1 under an adaptive rule", async () => {
    const error = await rejectionOf(
      backtest(ROWS, [[0.6, 0.6, 0.2]], noText, none, none, none, noText, none, "trend 50", none)
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/adaptive: "trend 50": base sum to 1.4/);
  });
});
