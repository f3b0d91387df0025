/** What one cell of an owned table holds: text, a finite number, a boolean, or "" for blank. */
export type CellValue = string | number | boolean;

/**
 * One table the pane owns, ready to write: its name (the table and its sheet are looked up by this
 * name and the ownership marker, never by position), the sheet it lives on when it is first
 * created, its header and its data rows (every row as wide as the header).
 */
export interface TableBlock {
  /** Excel table name, e.g. "Prices" (letters, digits, "_" and "."; starts with a letter or "_"). */
  readonly name: string;
  /** Sheet to create the table on when it does not exist yet (an existing owned table stays where it is). */
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly CellValue[]>;
  /**
   * Number format per column (e.g. "@" for text, "yyyy-mm-dd", "0.00%"; see state/numberFormats.ts),
   * set on the data rows before their values in the same request. undefined or "" = leave the
   * cells' format, except that text cells of such a column get "@": Excel parses a string written
   * to a General cell as if typed ("00" → 0, "TRUE" → true, "-X" → a formula).
   */
  readonly formats?: ReadonlyArray<string | undefined>;
}

/** What {@link writeOwnedTables} did, for the status line and the tests. */
export interface WriteReport {
  /** context.sync() calls made, reads included. */
  readonly syncs: number;
  readonly tables: ReadonlyArray<{
    readonly name: string;
    readonly sheet: string;
    readonly rows: number;
    readonly columns: number;
    /** True when the table was created, false when an existing owned table was resized in place. */
    readonly created: boolean;
  }>;
}
