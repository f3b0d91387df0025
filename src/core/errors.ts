/**
 * The one error type of the math core. Every precondition a core function checks throws a
 * `CoreError` whose `code` says what kind of problem it is and whose message says what is wrong,
 * where, and how to fix it. The functions layer maps codes to Excel errors (see
 * `src/functions/boundary.ts`): `NOT_AVAILABLE` becomes `#N/A`, everything else `#VALUE!`.
 */
export type CoreErrorCode =
  /** A wrong type, shape or option value supplied by the caller. */
  | "INVALID_ARGUMENT"
  /** Fewer observations than the computation needs (say, one row of prices). */
  | "TOO_FEW_POINTS"
  /** A price of zero or below where prices must be strictly positive. */
  | "NON_POSITIVE_PRICE"
  /** A blank inside a series (between its first and last value) and no fill policy asked for. */
  | "GAP_IN_SERIES"
  /** NaN or ±Infinity in an input that must be finite. */
  | "NON_FINITE"
  /** A series with zero variance where a ratio or correlation needs a spread. */
  | "ZERO_VARIANCE"
  /** Inputs whose lengths or dimensions must agree and do not. */
  | "LENGTH_MISMATCH"
  /** Constraints that no portfolio can satisfy (for example lower bounds summing above 1). */
  | "INFEASIBLE"
  /** A matrix that must be invertible or positive definite and is not. */
  | "SINGULAR_MATRIX"
  /** An iterative method that did not reach its tolerance within its iteration budget. */
  | "NOT_CONVERGED"
  /** Data that is not (yet) available: unknown symbol, empty history. Maps to #N/A. */
  | "NOT_AVAILABLE";

/** Where in the caller's input a problem sits; all fields optional, 0-based indices. */
export interface CoreErrorLocation {
  /** The argument name as the user sees it (e.g. "prices"). */
  readonly argument?: string;
  /** 0-based row within the data (after any header row). */
  readonly row?: number;
  /** 0-based column (asset) index. */
  readonly column?: number;
  /** The asset label of that column, when known. */
  readonly label?: string;
}

/** An error raised by a core precondition; `message` is written for the end user. */
export class CoreError extends Error {
  readonly code: CoreErrorCode;
  readonly argument?: string;
  readonly row?: number;
  readonly column?: number;
  readonly label?: string;

  constructor(code: CoreErrorCode, message: string, location: CoreErrorLocation = {}) {
    super(message);
    this.name = "CoreError";
    this.code = code;
    this.argument = location.argument;
    this.row = location.row;
    this.column = location.column;
    this.label = location.label;
  }
}

/** True when `value` is a `CoreError` (works across bundles, unlike a bare `instanceof`). */
export function isCoreError(value: unknown): value is CoreError {
  return (
    value instanceof CoreError ||
    (value instanceof Error && value.name === "CoreError" && "code" in value)
  );
}
