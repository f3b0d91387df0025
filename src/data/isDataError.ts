import { DataError } from "./dataError";

/**
 * True when `value` is a {@link DataError} (also across bundles, where `instanceof` fails).
 *
 * @example isDataError(new DataError("quota", "…")); // => true
 */
export function isDataError(value: unknown): value is DataError {
  return (
    value instanceof DataError ||
    (value instanceof Error && value.name === "DataError" && "kind" in value)
  );
}
