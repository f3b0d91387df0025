/**
 * The result of parsing untrusted cells: either the data, or a reason a user can act on and the
 * position it refers to (0-based, within the argument as the user selected it, header included).
 */
export type Parsed<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly reason: string;
      /** "value" → #VALUE!, "na" → #N/A. */
      readonly kind: "value" | "na";
      readonly row?: number;
      readonly column?: number;
    };

/** A successful parse. */
export function ok<T>(data: T): Parsed<T> {
  return { ok: true, data };
}

/** A failed parse that maps to #VALUE! (wrong type, shape or option). */
export function invalid<T>(reason: string, row?: number, column?: number): Parsed<T> {
  return { ok: false, kind: "value", reason, row, column };
}
