import {
  CAPABILITIES,
  checkRequirementSets,
  hostIsSetSupported,
  type IsSetSupported,
} from "../../../src/taskpane/excel/requirementSets";
import { loadOfficeDouble } from "../helpers/loadOfficeDouble";

/** A host that has exactly these sets, at most at these versions (minor versions compared). */
const hostWith =
  (sets: Record<string, number>): IsSetSupported =>
  (name, version) =>
    sets[name] !== undefined && Number(version.split(".")[1] ?? 0) <= sets[name];

describe("checkRequirementSets", () => {
  it("finds nothing missing on a current Excel", () => {
    const report = checkRequirementSets(
      hostWith({ SharedRuntime: 1, CustomFunctionsRuntime: 4, ExcelApi: 17 })
    );
    expect(report).toEqual({ missing: [], messages: [] });
  });

  it("says which parts are off and which version this Excel has, in one sentence each", () => {
    const report = checkRequirementSets(
      hostWith({ SharedRuntime: 1, CustomFunctionsRuntime: 2, ExcelApi: 6 })
    );
    expect(report.missing.map((c) => c.id)).toEqual(["tables", "refresh", "charts"]);
    expect(report.messages).toEqual([
      "Writing tables (Index, Rebalance and Charts tabs) needs ExcelApi 1.7; this Excel has ExcelApi 1.6; the pane's tables are off; the functions still work.",
      "Refreshing a table in place needs ExcelApi 1.13; this Excel has ExcelApi 1.6; tables can be built once but not refreshed.",
      "Charts need ExcelApi 1.7; this Excel has ExcelApi 1.6; charts are off.",
    ]);
  });

  it("says when a set is absent altogether", () => {
    const report = checkRequirementSets(hostWith({ SharedRuntime: 1, ExcelApi: 13 }));
    expect(report.messages).toEqual([
      "The DIVERSIFY functions' error messages need CustomFunctionsRuntime 1.2; this Excel has no CustomFunctionsRuntime; cells show #VALUE! without saying why.",
    ]);
  });

  it("compares versions as numbers: ExcelApi 1.12 lacks 1.13 but has 1.7", () => {
    const report = checkRequirementSets(
      hostWith({ SharedRuntime: 1, CustomFunctionsRuntime: 3, ExcelApi: 12 })
    );
    expect(report.missing.map((c) => c.id)).toEqual(["refresh"]);
    expect(report.messages[0]).toContain("this Excel has ExcelApi 1.12");
  });

  it("lists every capability's set and version once", () => {
    expect(CAPABILITIES.map((c) => `${c.id}: ${c.set} ${c.version}`)).toEqual([
      "sharedRuntime: SharedRuntime 1.1",
      "functionMessages: CustomFunctionsRuntime 1.2",
      "tables: ExcelApi 1.7",
      "refresh: ExcelApi 1.13",
      "charts: ExcelApi 1.7",
    ]);
  });
});

describe("hostIsSetSupported", () => {
  it("asks Office.context.requirements, so the double can play an older Excel", () => {
    const workbook = loadOfficeDouble();
    workbook.setRequirementSets({
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.3",
      ExcelApi: "1.9",
    });
    const report = checkRequirementSets(hostIsSetSupported());
    expect(report.missing.map((c) => c.id)).toEqual(["refresh"]);
    expect(report.messages[0]).toContain("this Excel has ExcelApi 1.9");
    workbook.setRequirementSets(null);
    expect(checkRequirementSets(hostIsSetSupported()).missing).toEqual([]);
  });
});
