/** A block of cells to read: sheet, 0-based top-left cell, size, and which property. */
export interface BoxRead {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly property: "values" | "formulas";
}

/** Office.js error code of a response over the payload limit (Excel on the web, 5 MB). */
export const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/**
 * Reads blocks of cells, all in one request when the response fits, and otherwise in runs of rows:
 * when Excel on the web refuses a response as too large (ResponsePayloadSizeLimitExceeded, 5 MB;
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * the number of cells per request is halved and the rows not yet read are asked again, as
 * Microsoft advises for large ranges ("run separate read or write operations for smaller subsets":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large). A refused
 * response leaves nothing loaded, so nothing is read twice.
 *
 * Complexity: one request when it fits; otherwise about 2·S/L requests for S characters of
 * response and a limit of L (halving overshoots by at most a factor of two). A single row that does
 * not fit alone is refused with Excel's error.
 *
 * @param workbook the request context's workbook
 * @param reads the blocks, each at least 1 × 1
 * @param sync the caller's sync (so it can count requests)
 * @returns one grid per read, rows × columns, in the order given
 * @throws the OfficeExtension.Error of any other refusal, or of a one-row read still too large
 * @example await readBoxes(context.workbook, [{ sheet: "Prices", row: 0, column: 0, rows: 2, columns: 2, property: "values" }], () => context.sync());
 *   // => [[["Date", "BTC"], [45658, 97000]]]
 */
export async function readBoxes(
  workbook: Excel.Workbook,
  reads: readonly BoxRead[],
  sync: () => Promise<void>
): Promise<unknown[][][]> {
  const grids: unknown[][][] = reads.map(() => []);
  /** First row of each read not yet read. */
  const next = reads.map(() => 0);
  let budget = reads.reduce((cells, r) => cells + r.rows * r.columns, 0);
  for (;;) {
    const batch: Array<{ read: number; count: number; range: Excel.Range }> = [];
    let cells = 0;
    reads.forEach((read, k) => {
      let start = next[k];
      while (start < read.rows) {
        const room = Math.floor((budget - cells) / read.columns);
        // Every request carries at least one row, even a row wider than the budget.
        const count = Math.min(read.rows - start, batch.length === 0 ? Math.max(room, 1) : room);
        if (count < 1) return;
        const range = workbook.worksheets
          .getItem(read.sheet)
          .getRangeByIndexes(read.row + start, read.column, count, read.columns)
          .load(read.property);
        batch.push({ read: k, count, range });
        cells += count * read.columns;
        start += count;
      }
    });
    if (batch.length === 0) return grids;
    try {
      await sync();
    } catch (error) {
      const oneRow = batch.length === 1 && batch[0].count === 1;
      if (errorCode(error) !== RESPONSE_TOO_LARGE || oneRow) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      continue;
    }
    for (const { read, range } of batch) {
      const rows = (
        reads[read].property === "values" ? range.values : range.formulas
      ) as unknown[][];
      // A loop, not push(...rows): a spread of a million rows would overflow the stack.
      for (const row of rows) grids[read].push(row);
      next[read] += rows.length;
    }
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
