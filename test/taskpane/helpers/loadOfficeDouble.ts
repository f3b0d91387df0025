import * as fs from "node:fs";
import * as path from "node:path";

/** The test hooks of test/e2e/officeDouble.js (the same file the browser tests serve as office.js). */
export interface FakeWorkbook {
  readonly syncCount: number;
  readonly runCount: number;
  readonly payloads: number[];
  payloadLimit: number;
  /** Characters of JSON each sync's loaded values took, and the most one response may take. */
  readonly responses: number[];
  responseLimit: number;
  /** Plays an Excel supporting only these requirement sets ({ ExcelApi: "1.6" }); null: all. */
  setRequirementSets(sets: Record<string, string> | null): void;
  /** A defined name the user made (workbook.names), e.g. addUserName("Budget", "=S!$D$1"). */
  addUserName(name: string, formula: string): void;
  names(): string[];
  resetCounters(): void;
  failNextSync(code: string, message?: string): void;
  reset(): void;
  exportState(): string;
  importState(json: string): void;
  sheetNames(): string[];
  addSheet(name: string): void;
  setCell(sheet: string, address: string, value: unknown): void;
  getCell(sheet: string, address: string): unknown;
  getFormat(sheet: string, address: string): string;
  /** What the cell shows (its value through its number format, as Range.text). */
  getText(sheet: string, address: string): string | undefined;
  frozenPanes(sheet: string): { rows: number; columns: number };
  sheetProperties(sheet: string): Record<string, string>;
  addUserTable(sheet: string, name: string, topLeft: string, values: unknown[][]): string;
  moveTable(name: string, sheet: string, topLeft: string): void;
  tableNames(): string[];
  conditionalFormats(): Array<{ sheet: string; address: string; type: string; criteria: unknown }>;
  charts(): Array<{
    sheet: string;
    name: string;
    type: string;
    title: string;
    source: string;
    seriesBy: string;
    xAxis: string | null;
    position: [string, string | null] | null;
  }>;
  table(name: string): {
    id: string;
    legacyId: string;
    sheet: string;
    address: string;
    headers: unknown[];
    rows: unknown[][];
    text: string[][];
  } | null;
  properties(): Record<string, unknown>;
}

/**
 * Evaluates the Office double into a fresh fake window and installs its Excel and OfficeExtension
 * as globals, as office.js does in the browser. Returns the workbook's test hooks.
 */
export function loadOfficeDouble(): FakeWorkbook {
  const source = fs.readFileSync(
    path.join(__dirname, "..", "..", "e2e", "officeDouble.js"),
    "utf8"
  );
  const fakeWindow: Record<string, unknown> = {};
  new Function("window", source)(fakeWindow);
  const globals = globalThis as Record<string, unknown>;
  globals.Excel = fakeWindow.Excel;
  globals.OfficeExtension = fakeWindow.OfficeExtension;
  globals.Office = fakeWindow.Office;
  return fakeWindow.__fakeWorkbook as FakeWorkbook;
}
