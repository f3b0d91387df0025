import { DataError } from "../../../src/data/dataError";
import { type Clock, systemClock } from "../../../src/data/http/clock";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import type { DataProvider } from "../../../src/data/types";
import { refreshIndex } from "../../../src/taskpane/state/refreshIndex";
import { runRebalance } from "../../../src/taskpane/state/runRebalance";
import { describeError } from "../../../src/taskpane/state/describeError";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

/** A fixed "today" (2025-06-30), so the demo history is the same on every run. */
const clock: Clock = { now: () => Date.UTC(2025, 5, 30, 12), sleep: systemClock.sleep };
let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

/** A demo provider whose closes fail after `okCalls` successful fetches. */
function flakyDemo(okCalls: number): DataProvider {
  const demo = createDemoProvider({ clock });
  let calls = 0;
  return {
    ...demo,
    capabilities: demo.capabilities,
    listMarkets: (o) => demo.listMarkets(o),
    dailyCloses: async (s, d, o) => {
      calls += 1;
      if (calls > okCalls) throw new DataError("providerDown", "The provider answered 503");
      return demo.dailyCloses(s, d, o);
    },
  };
}

describe("refreshIndex", () => {
  it("builds the demo index into Constituents and Prices, labelled demo data, in ≤ 3 syncs", async () => {
    const context = createDataContext({ clock, batchDelayMs: 0 });
    const steps: string[] = [];
    const result = await refreshIndex(context, INDEX_DEFINITIONS[0], {
      historyDays: 90,
      onProgress: (p) => steps.push(p.label),
    });
    expect(result.demo).toBe(true);
    expect(result.report.syncs).toBeLessThanOrEqual(3);
    const constituents = workbook.table("Constituents");
    expect(constituents?.rows).toHaveLength(10);
    expect(constituents?.rows.every((r) => r[7] === "demo data")).toBe(true);
    const weights = constituents?.rows.map((r) => r[5] as number) ?? [];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(workbook.table("Prices")?.rows).toHaveLength(90);
    expect(steps[steps.length - 1]).toBe("Done");
  });

  it("a provider failure on refresh leaves the previous tables exactly as they were", async () => {
    const ok = createDataContext({ clock, batchDelayMs: 0 });
    await refreshIndex(ok, INDEX_DEFINITIONS[0], { historyDays: 30 });
    const before = [workbook.table("Constituents"), workbook.table("Prices")];
    const syncs = workbook.syncCount;
    // The universe and the index's own fetch succeed; the Prices fetch fails.
    const failing = createDataContext({
      clock,
      batchDelayMs: 0,
      createProvider: () => flakyDemo(0),
    });
    await expect(
      refreshIndex(failing, INDEX_DEFINITIONS[0], { historyDays: 60 })
    ).rejects.toMatchObject({ kind: "providerDown" });
    expect([workbook.table("Constituents"), workbook.table("Prices")]).toEqual(before);
    expect(workbook.syncCount).toBe(syncs);
  });

  it("says which coin each ticker shared by several coins resolved to, as the provider tells it", async () => {
    const demo = createDemoProvider({ clock });
    const asked: string[][] = [];
    const context = createDataContext({
      clock,
      batchDelayMs: 0,
      createProvider: () => ({
        ...demo,
        describeSymbols: (symbols: readonly string[]) => {
          asked.push([...symbols]);
          return [`${symbols[0]} = the-coin-chosen (rank 1; 2 coins have this ticker)`];
        },
      }),
    });
    const plain = await refreshIndex(
      createDataContext({ clock, batchDelayMs: 0 }),
      INDEX_DEFINITIONS[0],
      {
        historyDays: 30,
      }
    );
    expect(plain.resolutions).toEqual([]);
    const result = await refreshIndex(context, INDEX_DEFINITIONS[0], { historyDays: 30 });
    // The provider is asked about exactly the tickers written to the Prices table.
    const written = workbook.table("Prices")?.headers.slice(1);
    expect(asked.at(-1)).toEqual(written);
    expect(result.resolutions).toEqual([
      `${String(written?.[0])} = the-coin-chosen (rank 1; 2 coins have this ticker)`,
    ]);
  });

  it("cancelled before writing: nothing is written", async () => {
    const controller = new AbortController();
    const context = createDataContext({ clock, batchDelayMs: 0 });
    const promise = refreshIndex(context, INDEX_DEFINITIONS[0], {
      historyDays: 30,
      signal: controller.signal,
      onProgress: (p) => p.fraction >= 0.4 && controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ kind: "cancelled" });
    expect(workbook.tableNames()).toEqual([]);
  });
});

describe("runRebalance", () => {
  it("asks for an index first, creates Holdings, then writes the Rebalance table", async () => {
    const settings = { band: 0.05, minTrade: 0, feeBps: 10 };
    await expect(runRebalance(settings)).rejects.toThrow(/build an index in the Index tab first/);
    await refreshIndex(createDataContext({ clock, batchDelayMs: 0 }), INDEX_DEFINITIONS[0], {
      historyDays: 30,
    });
    const created = await runRebalance(settings);
    expect(created).toEqual({ kind: "createdHoldings", symbols: 10 });
    expect(workbook.table("Holdings")?.headers).toEqual(["Symbol", "Units"]);
    workbook.setCell("Holdings", "B2", 1);
    const run = await runRebalance(settings);
    expect(run.kind).toBe("planned");
    const rebalance = workbook.table("Rebalance");
    expect(rebalance?.rows).toHaveLength(10);
    expect(rebalance?.rows[0][7]).toBe("sell");
    // The user's Holdings table is read, never rewritten.
    expect(workbook.table("Holdings")?.rows[0]).toEqual([
      workbook.table("Constituents")?.rows[0][0],
      1,
    ]);
  });

  it("writes the Analysis sheet when asked: our formulas on the tables and a heat map sized to the index", async () => {
    const context = createDataContext({ clock, batchDelayMs: 0 });
    const first = await refreshIndex(context, INDEX_DEFINITIONS[0], {
      historyDays: 90,
      analysis: true,
    });
    expect(first.analysis).toBe("created");
    const n = first.built.constituents.length;
    expect(workbook.getCell("Analysis", "A4")).toBe("=DIVERSIFY.STATS(Prices[#All])");
    expect(workbook.getCell("Analysis", "A38")).toBe("=DIVERSIFY.DRAWDOWN(Prices[#All])");
    expect(workbook.getCell("Analysis", "A45")).toBe('=DIVERSIFY.RISKWEIGHTS(Prices[#All],"erc")');
    const [format] = workbook.conditionalFormats();
    expect(format.type).toBe("ColorScale");
    expect(format.address).toMatch(
      new RegExp(`^Analysis!B\\d+:${String.fromCharCode(65 + n)}\\d+$`)
    );
    // A second build refreshes the sheet it made; without the option it is left alone.
    const second = await refreshIndex(context, INDEX_DEFINITIONS[0], {
      historyDays: 90,
      analysis: true,
    });
    expect(second.analysis).toBe("refreshed");
    expect(workbook.conditionalFormats()).toHaveLength(1);
    const third = await refreshIndex(context, INDEX_DEFINITIONS[0], { historyDays: 90 });
    expect(third.analysis).toBeUndefined();
  });

  it("keeps the tables written and says why when an Analysis sheet is the user's", async () => {
    workbook.setCell("Analysis", "A1", "my own analysis");
    const context = createDataContext({ clock, batchDelayMs: 0 });
    const result = await refreshIndex(context, INDEX_DEFINITIONS[0], {
      historyDays: 90,
      analysis: true,
    });
    expect(result.analysis).toEqual({
      refused: expect.stringMatching(/sheet named "Analysis" that Diversify did not create/),
    });
    expect(workbook.getCell("Analysis", "A1")).toBe("my own analysis");
    expect(workbook.table("Prices")?.rows.length).toBeGreaterThan(80);
  });
});

describe("refreshIndex with an adaptive index", () => {
  const trend = INDEX_DEFINITIONS.find((d) => d.id === "top20-erc-trend200")!;
  // A 20-token risk-parity window per build: room for a loaded machine (not a speed check).
  const timeout = 30_000;

  it(
    'writes the CASH row last in Constituents ("cash sleeve", no market cap) and no CASH column in Prices',
    async () => {
      const context = createDataContext({ clock, batchDelayMs: 0 });
      const result = await refreshIndex(context, trend, { historyDays: 90, analysis: true });
      const constituents = workbook.table("Constituents")!;
      expect(constituents.rows).toHaveLength(21);
      const last = constituents.rows[20];
      expect(last.slice(0, 6)).toEqual([
        "CASH",
        "Cash sleeve (stablecoin)",
        "Cash",
        "cash",
        "cash sleeve",
        result.built.adaptive!.cash,
      ]);
      const weights = constituents.rows.map((r) => r[5] as number);
      weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // The same weights as buildIndex computed (the pane writes what DIVERSIFY.INDEX spills).
      expect(weights).toEqual(result.built.constituents.map((c) => c.weight));
      const prices = workbook.table("Prices")!;
      expect(prices.headers).toHaveLength(21);
      expect(prices.headers).not.toContain("CASH");
      expect(prices.rows).toHaveLength(90);
      // PORTSTATS takes the 20 token weights: the CASH row has no Prices column.
      // RISKWEIGHTS (label row 44) spans 20 + 4 rows and a gap of 2: the PORTSTATS label is row 70.
      expect(workbook.getCell("Analysis", "A71")).toBe(
        "=DIVERSIFY.PORTSTATS(INDEX(Constituents[Weight],1):INDEX(Constituents[Weight],20),Prices[#All])"
      );
      expect(result.days).toBe(90);
    },
    timeout
  );

  it(
    "Rebalance keeps working: CASH is a Holdings row priced at 1 with the index's cash weight as target",
    async () => {
      const settings = { band: 0.05, minTrade: 0, feeBps: 0 };
      const built = await refreshIndex(createDataContext({ clock, batchDelayMs: 0 }), trend, {
        historyDays: 30,
      });
      expect(await runRebalance(settings)).toEqual({ kind: "createdHoldings", symbols: 21 });
      const holdings = workbook.table("Holdings")!;
      expect(holdings.rows[20][0]).toBe("CASH");
      workbook.setCell("Holdings", "B2", 1); // 1 unit of the largest token
      workbook.setCell("Holdings", "B22", 1000); // 1000 dollars of stablecoin
      const run = await runRebalance(settings);
      expect(run.kind).toBe("planned");
      const cash = workbook.table("Rebalance")!.rows.find((r) => r[0] === "CASH")!;
      expect(cash[1]).toBe(1000);
      expect(cash[2]).toBe(1); // price
      expect(cash[3]).toBe(1000); // value
      expect(cash[5]).toBeCloseTo(built.built.adaptive!.cash, 12); // target
    },
    timeout
  );

  it(
    "a 200-day rule on too short a history: the pane says which rule, what it needs and the fix, and writes nothing",
    async () => {
      const early: Clock = { now: () => Date.UTC(2020, 2, 1, 12), sleep: systemClock.sleep };
      const context = createDataContext({ clock: early, batchDelayMs: 0 });
      const error = await refreshIndex(context, trend, { historyDays: 30 }).catch(
        (e: unknown) => e
      );
      const shown = describeError(error);
      expect(shown.title).toBe("The numbers do not allow this");
      expect(shown.text).toMatch(
        /^index "top20-erc-trend200" \(rule "trend 200"\) needs 366 days of prices up to 2020-03-01 \(365 daily returns\), but the closes hold 61; choose a later as-of date, a provider with more history, or an index with a shorter window\. Nothing was written\.$/
      );
      expect(workbook.table("Constituents")).toBeNull();
    },
    timeout
  );
});
