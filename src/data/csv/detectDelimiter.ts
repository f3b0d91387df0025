/** The cell delimiters a closes CSV may use. */
export type CsvDelimiter = "," | ";" | "\t";

/**
 * The delimiter of a CSV, read from its header line: a tab if there is one outside quotes (a tab
 * never occurs in a symbol), else whichever of `;` and `,` occurs more often outside double quotes.
 * A tie (a header such as `date;BTC,USD`) goes to the one that gives the first data line as many
 * cells as the header, and to `,` if that does not tell. The header decides because it holds
 * names, not numbers: a data row of a semicolon file such as `01.01.2024;42265,19` has as many
 * commas as semicolons, its header `Datum;BTC` has none.
 *
 * Papaparse's own guess (field-count consistency over the first rows, ties by list order) is not
 * used: it is a heuristic without a stated rule, and with papaparse 5.7.1 it reads
 * `date;BTC,USD` / `2024-01-01;1` as a comma file.
 *
 * Complexity: O(length of the two lines).
 *
 * @param headerLine the first non-blank line of the file
 * @param firstDataLine the line after it, for ties
 * @example detectDelimiter("Datum;BTC;ETH"); // => ";"
 * @example detectDelimiter('"BTC, USD";"ETH, USD"'); // => ";"
 * @example detectDelimiter("date;BTC,USD", "2024-01-01;1"); // => ";"
 */
export function detectDelimiter(headerLine: string, firstDataLine = ""): CsvDelimiter {
  const header = countOutsideQuotes(headerLine);
  if (header.tabs > 0) return "\t";
  if (header.semicolons !== header.commas) {
    return header.semicolons > header.commas ? ";" : ",";
  }
  const data = countOutsideQuotes(firstDataLine);
  return data.semicolons === header.semicolons && data.commas !== header.commas ? ";" : ",";
}

function countOutsideQuotes(line: string): { tabs: number; semicolons: number; commas: number } {
  const counts = { tabs: 0, semicolons: 0, commas: 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "\t") counts.tabs++;
    else if (ch === ";") counts.semicolons++;
    else if (ch === ",") counts.commas++;
  }
  return counts;
}
