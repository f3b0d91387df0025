import type { DateCell } from "./readDateCell";

/** Whether year-last dates (`01/02/2024`) put the day or the month first. */
export type DayOrder = "dayFirst" | "monthFirst";

/** The day order of a date column and the cell that showed it. */
export interface DayOrderEvidence {
  readonly order: DayOrder;
  readonly line: number;
  readonly text: string;
}

/**
 * The order of a column's year-last dates, told by the column, as a person reads it: the first
 * date (in file order) whose first part is above 12 makes the column day first (`31/01/2024`:
 * Europe, Latin America, Excel's dd/mm/yyyy), the first whose second part is above 12 makes it
 * month first (`01/31/2024`: the US). A later date that only reads the other way is then an error
 * for the caller, naming this one. If no date tells (every part ≤ 12, as in a file of the first
 * twelve days of a month), the result is undefined and the caller refuses the ambiguous dates with
 * a message asking for yyyy-mm-dd, rather than guess: 01/02/2024 is 1 February in one place and
 * 2 January in another, and no file-level default is safe.
 *
 * Complexity: O(rows) time, O(1) memory.
 *
 * @param cells the column's date cells in file order, with their lines and texts
 * @example detectDayOrder([{ line: 2, text: "13/01/2024", cell: { kind: "yearLast", first: 13, second: 1, year: 2024 } }]); // => { order: "dayFirst", line: 2, text: "13/01/2024" }
 */
export function detectDayOrder(
  cells: readonly { readonly line: number; readonly text: string; readonly cell: DateCell }[]
): DayOrderEvidence | undefined {
  for (const { line, text, cell } of cells) {
    if (cell.kind !== "yearLast") continue;
    if (cell.first > 12 && cell.second <= 12) return { order: "dayFirst", line, text };
    if (cell.second > 12 && cell.first <= 12) return { order: "monthFirst", line, text };
  }
  return undefined;
}
