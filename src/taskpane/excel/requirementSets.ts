/** Asks the host whether it supports a requirement set at a version (Office's isSetSupported). */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** A part of the add-in and the requirement set it cannot work without. */
export interface Capability {
  readonly id: "sharedRuntime" | "functionMessages" | "tables" | "refresh" | "charts";
  /** What the user loses without it, with its verb: the start of the pane's sentence. */
  readonly needs: string;
  readonly set: "SharedRuntime" | "CustomFunctionsRuntime" | "ExcelApi";
  readonly version: string;
  /** What is off when it is missing, the end of the pane's sentence. */
  readonly off: string;
}

/**
 * What Diversify needs, with the newest member each part calls (docs/office-apis.md lists every API
 * and its set; versions from https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * and the custom functions and shared runtime requirement set pages). The manifest declares only
 * SharedRuntime 1.1 and CustomFunctionsRuntime 1.2, without which the add-in does not load; the
 * ExcelApi sets are checked here at start-up, and each part is switched off alone.
 */
export const CAPABILITIES: readonly Capability[] = [
  {
    id: "sharedRuntime",
    needs: "The add-in needs",
    set: "SharedRuntime",
    version: "1.1",
    off: "the functions and the pane cannot share their data",
  },
  {
    id: "functionMessages",
    needs: "The DIVERSIFY functions' error messages need",
    set: "CustomFunctionsRuntime",
    version: "1.2",
    off: "cells show #VALUE! without saying why",
  },
  {
    // DocumentProperties.custom (ownership markers) and Worksheet.getRangeByIndexes: ExcelApi 1.7.
    id: "tables",
    needs: "Writing tables (Index, Rebalance and Charts tabs) needs",
    set: "ExcelApi",
    version: "1.7",
    off: "the pane's tables are off; the functions still work",
  },
  {
    // Table.resize: ExcelApi 1.13.
    id: "refresh",
    needs: "Refreshing a table in place needs",
    set: "ExcelApi",
    version: "1.13",
    off: "tables can be built once but not refreshed",
  },
  {
    // ChartSeries.setXAxisValues and Chart.chartType: ExcelApi 1.7.
    id: "charts",
    needs: "Charts need",
    set: "ExcelApi",
    version: "1.7",
    off: "charts are off",
  },
];

/** What {@link checkRequirementSets} found. */
export interface RequirementReport {
  /** The capabilities this host lacks, in the order of CAPABILITIES. */
  readonly missing: readonly Capability[];
  /** One plain sentence per missing capability, for the pane's MessageBar. */
  readonly messages: readonly string[];
}

/** ExcelApi versions probed to say which one the host has (1.1 … 1.30, beyond today's newest). */
const EXCEL_API_NEWEST_PROBED = 30;

/**
 * Checks each capability's requirement set once, at start-up, and says in plain words what is off:
 * "Charts need ExcelApi 1.7; this Excel has ExcelApi 1.6; charts are off."
 *
 * Algorithm: one isSetSupported call per capability, then, only when something is missing, the
 * newest version the host has of that set, found by probing down from 1.30 (so at most 30 calls per
 * set). Complexity O(capabilities + 30) calls.
 *
 * @param isSupported Office.context.requirements.isSetSupported, or a stand-in in tests
 * @returns the missing capabilities and their messages (both empty on a current Excel)
 * @example checkRequirementSets((set, v) => set !== "ExcelApi" || Number(v.split(".")[1]) <= 6).messages[0];
 *   // => "Writing tables (Index, Rebalance and Charts tabs) needs ExcelApi 1.7; this Excel has ExcelApi 1.6; the pane's tables are off; the functions still work."
 */
export function checkRequirementSets(isSupported: IsSetSupported): RequirementReport {
  const missing = CAPABILITIES.filter((c) => !isSupported(c.set, c.version));
  const messages = missing.map((c) => {
    const has = newestVersion(c.set, isSupported);
    return `${c.needs} ${c.set} ${c.version}; this Excel has ${
      has === undefined ? `no ${c.set}` : `${c.set} ${has}`
    }; ${c.off}.`;
  });
  return { missing, messages };
}

/**
 * The host's isSetSupported, or, outside Office (the pane opened in a plain browser, unit tests
 * without the double), a host that supports everything: there is no Excel to refuse anything.
 */
export function hostIsSetSupported(): IsSetSupported {
  if (typeof Office === "undefined" || Office.context?.requirements === undefined) {
    return () => true;
  }
  return (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion);
}

/** The newest minor version 1.x of a set the host supports, or undefined when it has none. */
function newestVersion(set: string, isSupported: IsSetSupported): string | undefined {
  const newest = set === "ExcelApi" ? EXCEL_API_NEWEST_PROBED : 10;
  for (let minor = newest; minor >= 1; minor--) {
    if (isSupported(set, `1.${minor}`)) return `1.${minor}`;
  }
  return undefined;
}
