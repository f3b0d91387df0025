import type { CsvRow } from "./readCsvRows";
import type { CsvDelimiter } from "./detectDelimiter";
import { type DecimalSeparator, readDecimal } from "./readDecimal";

/** Where a file showed its decimal separator. */
export interface DecimalEvidence {
  readonly line: number;
  readonly column: number;
  readonly cell: string;
}

/** The decimal separator of a file, and why. */
export interface DecimalDialect {
  readonly separator: DecimalSeparator;
  /** The first cell that reads as a number with only this separator; undefined if none did. */
  readonly evidence?: DecimalEvidence;
  /**
   * True when no cell tells and the delimiter gives no default (a tab file): a cell that reads as
   * two different numbers (`1,234`, `1.234`) must then be refused, not guessed.
   */
  readonly refuseAmbiguous: boolean;
}

/**
 * The decimal separator of a file's price cells (`.` or `,`; one for the whole file, as a
 * spreadsheet exports in one locale). A cell is evidence when it reads as a number with one
 * separator only ({@link readDecimal}: `2352,04`, `0,5`, `1.234.567` or `42.265,19` say ","; `1.5`,
 * `1,234.5` say "."); the first such cell in reading order decides, and a later cell that reads only
 * with the other separator is then refused by the caller, naming this one. Cells that read with both
 * separators to different values (`1,234`, `1.234`: a 1–3 digit group then exactly 3 digits) are
 * never evidence. When no cell decides, the delimiter does, as Excel chooses it: a `;` file uses a
 * decimal comma (Excel writes `;` exactly in the locales whose decimal separator is `,`), a `,` file
 * a decimal point (a decimal comma would have to be quoted in every cell, and "1,234" in a comma
 * file is one thousand two hundred and thirty-four); a tab file says nothing, so an ambiguous
 * cell there is refused. Integers read alike with either and need no decision.
 *
 * Complexity: O(cells read until the first evidence) time, O(1) memory.
 *
 * @param rows the data rows (header excluded); cell 0 is the date and is skipped
 * @param delimiter the file's delimiter, for the default
 * @example detectDecimalSeparator([{ line: 2, cells: ["01.01.2024", "42.265,19"] }], ";").separator; // => ","
 */
export function detectDecimalSeparator(
  rows: readonly CsvRow[],
  delimiter: CsvDelimiter
): DecimalDialect {
  for (const { line, cells } of rows) {
    for (let j = 1; j < cells.length; j++) {
      const cell = cells[j];
      if (cell === "") continue;
      const withPoint = readDecimal(cell, ".");
      const withComma = readDecimal(cell, ",");
      if (Number.isNaN(withPoint) === Number.isNaN(withComma)) continue;
      const separator = Number.isNaN(withPoint) ? "," : ".";
      return { separator, evidence: { line, column: j + 1, cell }, refuseAmbiguous: false };
    }
  }
  if (delimiter === ";") return { separator: ",", refuseAmbiguous: false };
  return { separator: ".", refuseAmbiguous: delimiter === "\t" };
}
