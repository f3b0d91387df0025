import { CoreError, isCoreError } from "../core/errors";
import { returnsFromPrices } from "../core/returns/returnsFromPrices";
import type { ReturnsPanel } from "../core/types";
import { unwrap } from "./boundary";
import { makeExcelError } from "./excelError";
import { describeCell, isBlankCell } from "./parse/cell";
import { parseChoice } from "./parse/options";
import { usingPrices } from "./prices";
import { takeSpareArray } from "./worker/spareArrays";
import { type SpillCell, finiteCell } from "./spill";

/** Returns read from a `prices` argument, with what the spill needs to echo. */
export interface ReturnsArgument {
  readonly returns: ReturnsPanel;
  readonly labels: readonly string[];
  readonly hasHeader: boolean;
  /** Date cells of a leading "Date" column, one per price row. */
  readonly dates?: unknown[];
}

/**
 * Reads prices (see readPrices) and turns them into simple or log returns. The prices live in the
 * shared scratch array (usingPrices): only the returns leave this call, in an array of their own
 * (fresh, or memory a worker handed back: takeSpareArray).
 */
export function readReturns(
  prices: unknown,
  fill: unknown = null,
  method: unknown = null
): ReturnsArgument {
  return usingPrices(prices, fill, (read) => {
    const how = unwrap(parseChoice(method, "method", ["simple", "log"] as const, "simple"));
    return {
      returns: returnsFromPrices(read.panel, how, takeSpareArray),
      labels: read.panel.labels,
      hasHeader: read.hasHeader,
      dates: read.dates,
    };
  });
}

/**
 * The 0-based column of a benchmark given as an asset name ("BTC", any case) or a 1-based column
 * number; omitted gives the first column (put BTC first, as the templates do).
 */
export function resolveBenchmark(value: unknown, labels: readonly string[]): number {
  if (isBlankCell(value)) return 0;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= labels.length)
    return value - 1;
  if (typeof value === "string") {
    const wanted = value.trim().toLowerCase();
    const index = labels.findIndex((label) => label.toLowerCase() === wanted);
    if (index >= 0) return index;
  }
  const names = labels.length <= 12 ? labels.join(", ") : `${labels.slice(0, 12).join(", ")}, …`;
  throw new CoreError(
    "INVALID_ARGUMENT",
    `benchmark must be an asset name (${names}) or a column number from 1 to ${labels.length}; got ${describeCell(value)}`,
    { argument: "benchmark" }
  );
}

/** A number or a CoreError (an undefined metric) as a cell: the error shows in that cell only. */
export function metricCell(metric: number | CoreError, reason: string): SpillCell {
  if (isCoreError(metric))
    return makeExcelError(metric.code === "NOT_AVAILABLE" ? "na" : "value", metric.message);
  return finiteCell(metric, reason);
}

/** Runs `compute`; a CoreError becomes that cell's error instead of failing the whole spill. */
export function cellOrError(compute: () => number, reason: string): SpillCell {
  try {
    return finiteCell(compute(), reason);
  } catch (error) {
    if (isCoreError(error)) return metricCell(error, reason);
    throw error;
  }
}

/** An optional whole-number window of rows: omitted → undefined (use every row). */
export function parseWindow(value: unknown, argument = "window", minimum = 2): number | undefined {
  if (isBlankCell(value)) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be a whole number of rows ≥ ${minimum}, or omitted to use every row; got ${describeCell(value)}`,
      { argument }
    );
  }
  return value;
}
