import { DataError } from "../../../src/data/dataError";
import { type Clock, systemClock } from "../../../src/data/http/clock";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import { refreshAll } from "../../../src/taskpane/state/refreshAll";
import { refreshCharts } from "../../../src/taskpane/state/refreshCharts";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

/** A fixed "today" (2025-06-30), so the demo history is the same on every run. */
const clock: Clock = { now: () => Date.UTC(2025, 5, 30, 12), sleep: systemClock.sleep };
let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});
const demo = () => createDataContext({ clock, batchDelayMs: 0 });

describe("refreshAll", () => {
  it("refreshes the index tables, and leaves charts out when none were drawn", async () => {
    const result = await refreshAll(demo(), INDEX_DEFINITIONS[0], { historyDays: 60 });
    expect(result.charts).toBeUndefined();
    expect(workbook.table("Prices")?.rows).toHaveLength(60);
    expect(workbook.charts()).toEqual([]);
  });

  it("recomputes Frontier and Drawdowns and updates the same charts when they exist", async () => {
    await refreshAll(demo(), INDEX_DEFINITIONS[0], { historyDays: 60 });
    await refreshCharts();
    const result = await refreshAll(demo(), INDEX_DEFINITIONS[0], { historyDays: 90 });
    expect(result.charts).toMatchObject({ days: 90, charts: { created: [] } });
    expect(workbook.table("Drawdowns")?.rows).toHaveLength(90);
    expect(workbook.charts()).toHaveLength(3);
    expect(workbook.charts()[2].source).toMatch(/^Drawdowns!B1:[A-Z]+91$/);
  });

  it("a provider failure changes nothing: tables, charts and their data stay as they were", async () => {
    await refreshAll(demo(), INDEX_DEFINITIONS[0], { historyDays: 60 });
    await refreshCharts();
    const names = ["Constituents", "Prices", "Frontier", "Drawdowns"];
    const before = names.map((n) => workbook.table(n));
    const charts = workbook.charts();
    const failing = createDataContext({
      clock,
      batchDelayMs: 0,
      createProvider: () => ({
        ...createDemoProvider({ clock }),
        dailyCloses: async () => {
          throw new DataError("providerDown", "The provider answered 503");
        },
      }),
    });
    await expect(
      refreshAll(failing, INDEX_DEFINITIONS[0], { historyDays: 90 })
    ).rejects.toMatchObject({ kind: "providerDown" });
    expect(names.map((n) => workbook.table(n))).toEqual(before);
    expect(workbook.charts()).toEqual(charts);
  });

  it("reports a charts refusal beside the refreshed index (the user's data where Drawdowns grows)", async () => {
    await refreshAll(demo(), INDEX_DEFINITIONS[0], { historyDays: 60 });
    await refreshCharts();
    workbook.setCell("Drawdowns", "B70", "mine");
    const result = await refreshAll(demo(), INDEX_DEFINITIONS[0], { historyDays: 90 });
    expect(result.charts).toEqual({
      refused: expect.stringMatching(/^Drawdowns!B70 holds your data/),
    });
    expect(workbook.table("Prices")?.rows).toHaveLength(90);
    expect(workbook.getCell("Drawdowns", "B70")).toBe("mine");
  });
});
