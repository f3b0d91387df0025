import { DataError } from "../../../src/data/dataError";
import { type Clock, systemClock } from "../../../src/data/http/clock";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import type { DataProvider } from "../../../src/data/types";
import { refreshIndex } from "../../../src/taskpane/state/refreshIndex";
import { runRebalance } from "../../../src/taskpane/state/runRebalance";
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
