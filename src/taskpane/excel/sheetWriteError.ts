/** Why the sheet writer refused or failed; the pane shows `message`, which says what to do. */
export type SheetWriteErrorKind =
  /** A table with our name exists and Diversify did not create it. */
  | "clash"
  /** A cell the table would be written over or grow into holds something (the user's data). */
  | "occupied"
  /** The data handed to the writer is malformed (a bug upstream, never the user's data). */
  | "invalid"
  /** A table the caller asked to read does not exist. */
  | "notFound"
  /** Cancelled before anything was written. */
  | "cancelled"
  /** Excel refused a request. */
  | "excel"
  /** This Excel lacks the requirement set the action needs (e.g. charts on ExcelApi 1.6). */
  | "unsupported";

/**
 * An error of the sheet writer, with a message in plain words for the pane's MessageBar.
 *
 * @example new SheetWriteError("clash", 'A table named "Prices" …').kind; // => "clash"
 */
export class SheetWriteError extends Error {
  readonly kind: SheetWriteErrorKind;
  constructor(kind: SheetWriteErrorKind, message: string) {
    super(message);
    this.name = "SheetWriteError";
    this.kind = kind;
  }
}
