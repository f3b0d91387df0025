import { isCoreError } from "../core/errors";
import { makeExcelError } from "./excelError";
import type { Parsed } from "./parse/result";
import { refuseOversizedResult } from "./payloadSize";

/** Thrown by {@link unwrap} inside a boundary; carries a parse failure to {@link excelBoundary}. */
export class ParseFailure extends Error {
  readonly kind: "value" | "na";
  constructor(reason: string, kind: "value" | "na") {
    super(reason);
    this.name = "ParseFailure";
    this.kind = kind;
  }
}

/** The data of a successful parse; a failed one stops the function with its reason. */
export function unwrap<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.data;
  throw new ParseFailure(parsed.reason, parsed.kind);
}

/**
 * Runs the body of a custom function and turns every failure into an Excel error, so that no
 * exception escapes to Excel and every message names the function:
 * - a parse failure or `CoreError` → `#VALUE!` with its message (`NOT_AVAILABLE` → `#N/A`);
 * - anything unexpected → `#VALUE!` "internal error in NAME: …";
 * - a result too large for Excel to carry (5 MB, see refuseOversizedResult) → `#VALUE!` saying
 *   how large and what to do, where Excel would leave the cell on #BUSY!.
 * Errors are thrown (not returned) because Excel shows a thrown `CustomFunctions.Error` in the cell.
 */
export function excelBoundary<T>(functionName: string, body: () => T): T {
  try {
    const result = body();
    refuseOversizedResult(result);
    return result;
  } catch (error) {
    throw toExcelError(functionName, error);
  }
}

/** The async twin of {@link excelBoundary}, for functions that fetch data. */
export async function excelBoundaryAsync<T>(
  functionName: string,
  body: () => Promise<T>
): Promise<T> {
  try {
    const result = await body();
    refuseOversizedResult(result);
    return result;
  } catch (error) {
    throw toExcelError(functionName, error);
  }
}

/** Maps any thrown value to the Excel error a cell should show. */
export function toExcelError(functionName: string, error: unknown): CustomFunctions.Error {
  if (error instanceof ParseFailure) return makeExcelError(error.kind, error.message);
  if (isCoreError(error)) {
    return makeExcelError(error.code === "NOT_AVAILABLE" ? "na" : "value", error.message);
  }
  if (isExcelError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return makeExcelError("value", `internal error in ${functionName}: ${detail}`);
}

function isExcelError(error: unknown): error is CustomFunctions.Error {
  if (typeof CustomFunctions !== "undefined" && error instanceof CustomFunctions.Error) return true;
  return error instanceof Error && error.name === "CustomFunctions.Error";
}
