/**
 * The adaptive index definitions (issue 14) built by buildIndex on the demo universe: weights with
 * the CASH row sum to 1, they equal DIVERSIFY.BACKTEST's weights for the same rule at a rebalance
 * the day after the as-of date (BACKTEST and buildIndex computed side by side), prices after the
 * as-of date never change the index, and bad rules or too short a history fail naming the fix.
 */
import fc from "fast-check";
import { composeAdaptiveRule } from "../../../src/core/adaptive/composeAdaptiveRule";
import { momentumTilt } from "../../../src/core/adaptive/momentumTilt";
import { isCoreError } from "../../../src/core/errors";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import { CASH_SYMBOL, buildIndex, type BuiltIndex } from "../../../src/data/indices/buildIndex";
import {
  INDEX_DEFINITIONS,
  type IndexDefinition,
} from "../../../src/data/indices/indexDefinitions";
import type { DailyCloses, MarketAsset } from "../../../src/data/types";
import { backtest } from "../../../src/functions/rebalancing";
import { backtestJob } from "../../../src/functions/worker/jobs";
import { fakeClock } from "../helpers/fakeServer";

const TODAY = Date.UTC(2025, 5, 30, 15); // 2025-06-30
// Each test builds risk-parity or HRP windows of 20 tokens a few times: room for a loaded 2-core
// machine (a limit against spurious failures, not a speed check; speed is benchmarked).
jest.setTimeout(30_000);
const none = null as unknown as number;
/** Excel serial of 1970-01-01: day numbers are serial − 25569. */
const EPOCH = 25569;
const DAY_MS = 86_400_000;

const ADAPTIVE = INDEX_DEFINITIONS.filter((d) => d.adaptive !== undefined);
const byId = (id: string) => INDEX_DEFINITIONS.find((d) => d.id === id)!;

const provider = createDemoProvider({ clock: fakeClock(TODAY) });
const clock = fakeClock(TODAY);

/** The universe of a definition and its full demo history (since 2020-01-01). */
async function demoData(
  definition: IndexDefinition
): Promise<{ markets: MarketAsset[]; closes: DailyCloses }> {
  const markets = await provider.listMarkets({ limit: definition.universe.top });
  const closes = await provider.dailyCloses(
    markets.map((m) => m.symbol),
    provider.capabilities.maxHistoryDays ?? 2000
  );
  return { markets, closes };
}

/**
 * The last `rows` dates of closes (up to today) as a BACKTEST price range: a Date column of
 * serials, a header row, "" where a token has no close (Excel's blank).
 */
function priceGrid(closes: DailyCloses, rows: number): Array<Array<string | number>> {
  const total = closes.dates.length;
  const grid: Array<Array<string | number>> = [["Date", ...closes.symbols]];
  for (let t = total - rows; t < total; t++) {
    const serial = Date.parse(`${closes.dates[t]}T00:00:00Z`) / DAY_MS + EPOCH;
    grid.push([
      serial,
      ...closes.symbols.map((_, j) => {
        const value = closes.closes[j * total + t];
        return Number.isFinite(value) ? value : "";
      }),
    ]);
  }
  return grid;
}

/** The weights of the constituents other than CASH, and the CASH weight (0 when no row). */
function split(built: BuiltIndex): { tokens: number[]; cash: number } {
  return {
    tokens: built.constituents.filter((c) => c.cash !== true).map((c) => c.weight),
    cash: built.constituents.find((c) => c.cash === true)?.weight ?? 0,
  };
}

describe("buildIndex with adaptive definitions", () => {
  it("INDEX_DEFINITIONS holds four adaptive indices, each with a rule and clauses", () => {
    expect(ADAPTIVE.map((d) => d.id)).toEqual([
      "top20-erc-trend200",
      "barbell-voltarget60",
      "top20-hrp-regime-minvar",
      "barbell-momentum",
    ]);
    ADAPTIVE.forEach((d) => {
      expect(d.adaptive!.clauses.length).toBeGreaterThan(0);
      expect(d.adaptive!.clauses.map((c) => c.text).join("; ")).toBe(d.adaptive!.rule);
    });
  });

  it.each(ADAPTIVE.map((d) => [d.id, d] as const))(
    "%s on the demo data: long only, sums to 1 with CASH, CASH last and flagged, deterministic",
    async (_, def) => {
      const built = await buildIndex(def, provider, { clock });
      const weights = built.constituents.map((c) => c.weight);
      weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      expect(built.asOf).toBe("2025-06-30");
      expect(built.source).toBe("demo data");
      const holdsCash = def.adaptive!.clauses.some((c) => c.kind !== "momentum");
      const cashRows = built.constituents.filter((c) => c.symbol === CASH_SYMBOL);
      if (def.id === "top20-hrp-regime-minvar" || def.id === "barbell-momentum") {
        // Minimum variance and a tilt stay invested: no cash sleeve.
        expect(cashRows).toHaveLength(0);
      } else {
        expect(holdsCash).toBe(true);
        expect(cashRows).toHaveLength(1);
        const last = built.constituents[built.constituents.length - 1];
        expect(last).toMatchObject({ symbol: "CASH", cash: true, tier: "cash" });
        expect(Number.isNaN(last.marketCap)).toBe(true);
        expect(last.weight).toBeCloseTo(built.adaptive!.cash, 15);
      }
      expect(built.constituents.filter((c) => c.cash !== true)).toHaveLength(def.universe.top);
      expect(built.adaptive?.rule).toBe(def.adaptive!.rule);
      const again = await buildIndex(def, createDemoProvider({ clock: fakeClock(TODAY) }), {
        clock,
      });
      expect(again).toEqual(built);
    }
  );

  it("the barbell volatility target keeps each tier's 70/20/10 proportions, scaled by one factor", async () => {
    const staticBarbell = await buildIndex(byId("barbell-70-20-10"), provider, { clock });
    const targeted = await buildIndex(byId("barbell-voltarget60"), provider, { clock });
    const { tokens, cash } = split(targeted);
    const scale = 1 - cash;
    expect(scale).toBeGreaterThan(0);
    expect(scale).toBeLessThanOrEqual(1);
    staticBarbell.constituents.forEach((c, i) =>
      expect(tokens[i]).toBeCloseTo(c.weight * scale, 14)
    );
  });

  it("the momentum barbell keeps each tier's budget (70/20/10) and tilts inside it", async () => {
    const built = await buildIndex(byId("barbell-momentum"), provider, { clock });
    const staticBarbell = await buildIndex(byId("barbell-70-20-10"), provider, { clock });
    const budget = (b: BuiltIndex, tier: string) =>
      b.constituents.filter((c) => c.tier === tier).reduce((a, c) => a + c.weight, 0);
    for (const tier of new Set(staticBarbell.constituents.map((c) => String(c.tier)))) {
      expect(budget(built, tier)).toBeCloseTo(budget(staticBarbell, tier), 12);
    }
    // A tilt, not a copy: some weights moved.
    expect(
      built.constituents.some(
        (c, i) => Math.abs(c.weight - staticBarbell.constituents[i].weight) > 1e-4
      )
    ).toBe(true);
  });
});

describe("an adaptive index equals BACKTEST's weights for the same rule", () => {
  /**
   * BACKTEST on the last R + 2 demo rows (up to today) with rebalance "none" invests once, on the
   * last row, with the rule's signal from the row before (signalLag 1): its weights are the index
   * as of that row's date, yesterday.
   */
  async function compare(
    def: IndexDefinition,
    weightsOrMethod: unknown,
    lookback: number | null,
    rows: number
  ): Promise<void> {
    const { closes } = await demoData(def);
    const grid = priceGrid(closes, rows + 2);
    const out = await backtest(
      grid,
      weightsOrMethod,
      "none",
      none,
      0,
      lookback ?? none,
      "weights",
      365,
      def.adaptive!.rule,
      0
    );
    expect(out).toHaveLength(2);
    const header = out[0] as string[];
    expect(header).toEqual(["Date", ...closes.symbols, "Cash"]);
    const cells = out[1] as number[];
    expect(cells[0]).toBe(grid[rows + 2][0]);
    const asOf = closes.dates[closes.dates.length - 2];
    const built = await buildIndex(def, provider, { clock, asOf });
    expect(built.asOf).toBe(asOf);
    expect(built.adaptive!.rows).toBe(rows);
    const { tokens, cash } = split(built);
    expect(built.constituents.filter((c) => !c.cash).map((c) => c.symbol)).toEqual(closes.symbols);
    tokens.forEach((w, j) => expect(w).toBeCloseTo(cells[1 + j], 12));
    expect(cash).toBeCloseTo(cells[cells.length - 1], 12);
    // Not a vacuous match: the rule invests in some tokens that day.
    expect(tokens.some((w) => w > 0.01)).toBe(true);
  }

  it('top20-erc-trend200 = BACKTEST(prices, "erc", "none", , 0, 365, "weights", 365, "trend 200", 0)', async () => {
    await compare(byId("top20-erc-trend200"), "erc", 365, 365);
  });

  it('barbell-voltarget60 = BACKTEST(prices, barbell weights, …, "voltarget 0.6", 0)', async () => {
    const barbell = await buildIndex(byId("barbell-70-20-10"), provider, { clock });
    await compare(
      byId("barbell-voltarget60"),
      [barbell.constituents.map((c) => c.weight)],
      null,
      30
    );
  });

  it('top20-hrp-regime-minvar = BACKTEST(prices, "hrp", …, 365, …, "regime volatility 0.8 365 minvar")', async () => {
    // The regime needs m + H − 1 = 30 + 365 − 1 = 394 rows, more than HRP's 365.
    await compare(byId("top20-hrp-regime-minvar"), "hrp", 365, 394);
  });

  it("barbell-momentum = BACKTEST's job with the same clause and the index's tiers", async () => {
    const def = byId("barbell-momentum");
    const { closes } = await demoData(def);
    const barbell = await buildIndex(byId("barbell-70-20-10"), provider, { clock });
    const tiers = barbell.constituents.map((c) => String(c.tier));
    const rows = 90;
    const grid = priceGrid(closes, rows + 2);
    const data = new Float64Array((rows + 2) * closes.symbols.length);
    closes.symbols.forEach((_, j) => {
      for (let t = 0; t < rows + 2; t++) data[j * (rows + 2) + t] = grid[t + 1][j + 1] as number;
    });
    const result = backtestJob({
      prices: {
        kind: "prices",
        rows: rows + 2,
        cols: closes.symbols.length,
        data,
        labels: closes.symbols,
      },
      dates: grid.slice(1).map((r) => (r[0] as number) - EPOCH),
      rule: { weights: barbell.constituents.map((c) => c.weight) },
      rebalance: "none",
      lookback: rows,
      feeBps: 0,
      cashRate: 0,
      adaptive: {
        clauses: def.adaptive!.clauses.map((c) => ({ ...c, tiers })),
        periodsPerYear: 365,
        estimationRows: 90,
      },
      signalLag: 1,
    });
    expect(Array.from(result.rebalanceRows)).toEqual([rows + 1]);
    const built = await buildIndex(def, provider, {
      clock,
      asOf: closes.dates[closes.dates.length - 2],
    });
    const { tokens } = split(built);
    tokens.forEach((w, j) => expect(w).toBeCloseTo(result.weights[0][j], 12));
    // And the tilt is the core's momentumTilt within the tiers, composed as BACKTEST composes it.
    const rule = composeAdaptiveRule(
      barbell.constituents.map((c) => c.weight),
      [{ kind: "momentum", text: "momentum 90 0.5", window: 90, strength: 0.5, tiers }],
      { periodsPerYear: 365, estimationRows: 90 }
    );
    expect(rule.minLookback).toBe(momentumTilt([1], { tiers: ["x"], window: 90 }).minLookback);
  });
});

describe("no look-ahead", () => {
  /** The closes with every price after `lastDate` multiplied by a factor per symbol. */
  function perturbedAfter(closes: DailyCloses, lastDate: string, factors: number[]): DailyCloses {
    const total = closes.dates.length;
    const out = Float64Array.from(closes.closes);
    closes.dates.forEach((date, t) => {
      if (date <= lastDate) return;
      closes.symbols.forEach((_, j) => (out[j * total + t] *= factors[j % factors.length]));
    });
    return { ...closes, closes: out };
  }

  it.each(ADAPTIVE.map((d) => [d.id, d] as const))(
    "%s: perturbing prices after the as-of date never changes the index",
    async (_, def) => {
      const { markets, closes } = await demoData(def);
      const total = closes.dates.length;
      const runs = def.weighting.method === "tiered" ? 12 : 4;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 500, max: total - 2 }),
          fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: 1, maxLength: 7 }),
          async (row, factors) => {
            const asOf = closes.dates[row];
            const data = { markets, source: "demo data" };
            const plain = await buildIndex(def, { ...data, closes }, { asOf });
            const moved = await buildIndex(
              def,
              { ...data, closes: perturbedAfter(closes, asOf, factors) },
              { asOf }
            );
            expect(moved).toEqual(plain);
            expect(plain.asOf).toBe(asOf);
          }
        ),
        { numRuns: runs, seed: 14 }
      );
    }
  );

  it("a price on the as-of date itself does change the index (the property is not vacuous)", async () => {
    const def = byId("barbell-momentum");
    const { markets, closes } = await demoData(def);
    const row = closes.dates.length - 10;
    const asOf = closes.dates[row];
    const before = closes.dates[row - 1];
    const data = { markets, source: "demo data" };
    const plain = await buildIndex(def, { ...data, closes }, { asOf });
    const moved = await buildIndex(
      def,
      { ...data, closes: perturbedAfter(closes, before, [3, 0.3]) },
      { asOf }
    );
    expect(moved).not.toEqual(plain);
  });
});

describe("bad input", () => {
  it("a 200-day moving average longer than the history: TOO_FEW_POINTS naming the rule and the fix", async () => {
    const def = byId("top20-erc-trend200");
    const { markets, closes } = await demoData(def);
    const short: DailyCloses = {
      ...closes,
      dates: closes.dates.slice(0, 150),
      closes: Float64Array.from(
        closes.symbols.flatMap((_, j) =>
          Array.from(closes.closes.subarray(j * closes.dates.length, j * closes.dates.length + 150))
        )
      ),
    };
    const error = await buildIndex(def, { markets, closes: short, source: "demo data" }).catch(
      (e: unknown) => e
    );
    expect(isCoreError(error)).toBe(true);
    expect(error).toMatchObject({ code: "TOO_FEW_POINTS", argument: "definition" });
    expect((error as Error).message).toMatch(
      /^index "top20-erc-trend200" \(rule "trend 200"\) needs 366 days of prices up to 2020-05-29 \(365 daily returns\), but the closes hold 150; choose a later as-of date, a provider with more history, or an index with a shorter window$/
    );
  });

  it("an as-of date before the demo history can hold the window: the same message", async () => {
    const error = await buildIndex(byId("barbell-voltarget60"), provider, {
      clock,
      asOf: "2020-01-15",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TOO_FEW_POINTS" });
    expect((error as Error).message).toMatch(
      /needs 31 days of prices up to 2020-01-15.*but the closes hold 15/
    );
  });

  it.each([
    [
      "a volatility target of 0",
      { kind: "voltarget" as const, text: "voltarget 0", target: 0 },
      /^index "custom": "voltarget 0": target must be/,
    ],
    [
      "a negative volatility target",
      { kind: "voltarget" as const, text: "voltarget -0.2", target: -0.2 },
      /^index "custom": "voltarget -0.2": target must be/,
    ],
    [
      "a 1-day moving average",
      { kind: "trend" as const, text: "trend 1", window: 1 },
      /^index "custom": "trend 1": window must be a whole number of days, 2 or more; got 1/,
    ],
    [
      "a momentum strength above 1",
      { kind: "momentum" as const, text: "momentum 90 2", window: 90, strength: 2 },
      /^index "custom": "momentum 90 2": strength must be from 0 \(no tilt\) to 1/,
    ],
  ])(
    "%s: INVALID_ARGUMENT naming the index and the clause, before any close is read",
    async (_, clause, message) => {
      const def: IndexDefinition = {
        ...byId("barbell-voltarget60"),
        id: "custom",
        adaptive: { rule: clause.text, clauses: [clause] },
      };
      let fetched = 0;
      const error = await buildIndex(def, provider, {
        clock,
        dailyCloses: async () => {
          fetched++;
          throw new Error("not reached");
        },
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID_ARGUMENT", argument: 'index "custom"' });
      expect((error as Error).message).toMatch(message);
      expect(fetched).toBe(0);
    }
  );
});
