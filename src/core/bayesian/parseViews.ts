import { CoreError } from "../errors";
import type { BlackLittermanViews } from "./types";

/** The columns a views table can have, in the order of the header-less layouts. */
type ViewColumn = "asset" | "over" | "return" | "confidence";

/** Header words (lower case, trimmed) and the column each names. */
const HEADER_WORDS: Readonly<Record<string, ViewColumn>> = {
  asset: "asset",
  view: "asset",
  long: "asset",
  over: "over",
  versus: "over",
  vs: "over",
  "relative to": "over",
  short: "over",
  return: "return",
  "expected return": "return",
  outperformance: "return",
  q: "return",
  confidence: "confidence",
};

/** Header-less layouts by width. */
const LAYOUTS: Readonly<Record<number, readonly ViewColumn[]>> = {
  2: ["asset", "return"],
  3: ["asset", "over", "return"],
  4: ["asset", "over", "return", "confidence"],
};

/** The other header-less 3-column layout: absolute views with their confidences. */
const ABSOLUTE_WITH_CONFIDENCE: readonly ViewColumn[] = ["asset", "return", "confidence"];

/** A number written as text, optionally a percentage: "0.4", "40%", "-5 %", "1e-2". */
const NUMERIC_TEXT = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i;

/** How many asset labels a message lists before "…". */
const LABELS_IN_MESSAGE = 10;

/**
 * Parses a views table, as an Excel range passes it, into the picking matrix P and view returns Q.
 *
 * Rows are views. An absolute view "SOL 40 %" (asset SOL, return 0.4) is the P row e_SOL with
 * Q = 0.4; a relative view "ETH over BTC by 5 %" (asset ETH, over BTC, return 0.05) is the P row
 * e_ETH − e_BTC with Q = 0.05, as in He & Litterman (1999) and PyPortfolioOpt's P, Q.
 * Layout: a first row of header words maps the columns by name ("asset", "over" / "versus" / "vs",
 * "return", "confidence"; case-insensitive); without one, 2 columns are asset | return, 3 are
 * asset | over | return and 4 are asset | over | return | confidence, except that 3 columns whose
 * second column holds numbers and no asset names ("SOL", 0.4, 0.6) are asset | return | confidence
 * (a 0 there counts as blank, as Excel desktop passes an empty "over" cell).
 * Cells: blank is "", null or (Excel desktop) 0 in a text column; a return or confidence may be a
 * number (0.4, or a cell formatted 40 %, which Excel passes as 0.4) or text "40%". Asset names match
 * the covariance labels case-insensitively. Rows with no asset and no values are skipped (the empty
 * end of a table). With a confidence column every view needs a confidence in [0, 1]; note that
 * Excel desktop passes a blank confidence as 0, which means "no confidence" (the view is ignored).
 * Messages give the row as the user counts it in the range (1-based, header included); the error's
 * `row` is 0-based after the header, as everywhere in the core.
 * Complexity: O(K·N + K²) for K views on N assets (the pairwise check for repeated views).
 *
 * @param table the views range, row-major (what Excel passes)
 * @param labels the asset labels of the covariance matrix, in its order
 * @returns P (K × N), Q, the confidences when given, a name and the source row per view
 * @throws CoreError INVALID_ARGUMENT (no rows; an unknown layout or header; an unknown asset; an
 *   asset over itself; a missing or non-numeric return; a confidence outside [0, 1] or missing;
 *   the same view twice; contradictory views on the same assets), each with the row
 * @throws CoreError NON_FINITE (a return or confidence that is NaN or ±Infinity)
 * @example parseViews([["SOL", 0.4], ["ETH", 0.1]], ["BTC", "ETH", "SOL"]).P;
 * // => Float64Array [0, 0, 1, 0, 1, 0]   (Q = [0.4, 0.1])
 * @example parseViews([["asset", "over", "return"], ["ETH", "BTC", "5%"]], ["BTC", "ETH"]).P;
 * // => Float64Array [-1, 1]   (Q = [0.05], name "ETH over BTC")
 */
export function parseViews(
  table: readonly (readonly unknown[])[],
  labels: readonly string[]
): BlackLittermanViews {
  const argument = "views";
  const n = labels.length;
  if (!Array.isArray(table) || table.length === 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} is empty; give one row per view: asset, [over asset], return, [confidence]`,
      { argument }
    );
  }
  const width = Math.max(...table.map((row) => (Array.isArray(row) ? row.length : 0)));
  const header = readHeader(table[0]);
  const columns =
    header ??
    (width === 3 && secondColumnIsNumeric(table) ? ABSOLUTE_WITH_CONFIDENCE : LAYOUTS[width]);
  if (columns === undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has ${width} column${width === 1 ? "" : "s"}; give asset | return, asset | over | return, asset | return | confidence or asset | over | return | confidence, or a header row naming the columns (asset, over, return, confidence)`,
      { argument }
    );
  }
  const at = (name: ViewColumn) => columns.indexOf(name);
  const index = new Map<string, number>();
  labels.forEach((label, i) => index.set(label.trim().toLowerCase(), i));
  const known =
    labels.slice(0, LABELS_IN_MESSAGE).join(", ") + (n > LABELS_IN_MESSAGE ? ", …" : "");
  const first = header === undefined ? 0 : 1;
  const hasConfidence = at("confidence") >= 0;

  const picks: { asset: number; over: number; q: number; confidence: number; row: number }[] = [];
  for (let r = first; r < table.length; r++) {
    const cells = Array.isArray(table[r]) ? table[r] : [];
    const cell = (name: ViewColumn) => (at(name) >= 0 ? cells[at(name)] : undefined);
    const where = `${argument}: row ${r + 1}`;
    const location = { argument, row: r - first };
    const assetName = text(cell("asset"));
    const overName = text(cell("over"));
    const rest = [cell("return"), cell("confidence")];
    if (assetName === "" && overName === "" && rest.every(isBlankValue)) continue;
    if (assetName === "") {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${where} has no asset; give the asset the view is about, or clear the row`,
        location
      );
    }
    const lookup = (name: string): number => {
      const i = index.get(name.toLowerCase());
      if (i === undefined) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `${where}: asset "${name}" is not among the assets (${known}); check the spelling or add its prices`,
          location
        );
      }
      return i;
    };
    const asset = lookup(assetName);
    const over = overName === "" ? -1 : lookup(overName);
    const name = over < 0 ? labels[asset] : `${labels[asset]} over ${labels[over]}`;
    if (over === asset) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${where}: a view of ${labels[asset]} over itself says nothing; name two different assets, or leave "over" blank for an absolute view`,
        { ...location, column: asset, label: labels[asset] }
      );
    }
    const q = number(cell("return"), `${where} (${name}): return`, location);
    let confidence = NaN;
    if (hasConfidence) {
      confidence = number(cell("confidence"), `${where} (${name}): confidence`, location);
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `${where} (${name}): confidence ${confidence} is outside [0, 1]; give a fraction such as 0.6 or 60%`,
          location
        );
      }
    }
    picks.push({ asset, over, q, confidence, row: r });
  }

  // Two views on the same assets (identical or opposite P rows) are either a repeat or a contradiction.
  for (let a = 0; a < picks.length; a++) {
    for (let b = a + 1; b < picks.length; b++) {
      const x = picks[a];
      const y = picks[b];
      const same = x.asset === y.asset && x.over === y.over;
      const opposite = x.over >= 0 && x.asset === y.over && x.over === y.asset;
      if (!same && !opposite) continue;
      const implied = same ? x.q : -x.q;
      const nameOf = (p: typeof x) =>
        p.over < 0 ? labels[p.asset] : `${labels[p.asset]} over ${labels[p.over]}`;
      const what =
        y.q === implied
          ? `repeat the same view (${nameOf(x)})`
          : `contradict each other: ${nameOf(x)} by ${x.q} and ${nameOf(y)} by ${y.q}`;
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: rows ${x.row + 1} and ${y.row + 1} ${what}; keep one view per asset (or pair of assets)`,
        { argument, row: y.row - first }
      );
    }
  }

  const k = picks.length;
  const P = new Float64Array(k * n);
  const Q = new Float64Array(k);
  const confidences = hasConfidence ? new Float64Array(k) : undefined;
  const names: string[] = [];
  const rows: number[] = [];
  picks.forEach((pick, v) => {
    P[v * n + pick.asset] = 1;
    if (pick.over >= 0) P[v * n + pick.over] = -1;
    Q[v] = pick.q;
    if (confidences !== undefined) confidences[v] = pick.confidence;
    names.push(
      pick.over < 0 ? labels[pick.asset] : `${labels[pick.asset]} over ${labels[pick.over]}`
    );
    rows.push(pick.row - first);
  });
  return { count: k, assets: n, P, Q, confidences, names, rows };
}

/** The column order named by a header row, or undefined when the row is not a header. */
function readHeader(row: readonly unknown[]): ViewColumn[] | undefined {
  if (!Array.isArray(row)) return undefined;
  const words = row.map((cell) => (typeof cell === "string" ? cell.trim().toLowerCase() : ""));
  if (!words.some((word) => word in HEADER_WORDS)) return undefined;
  const columns: ViewColumn[] = [];
  words.forEach((word, i) => {
    const column = HEADER_WORDS[word];
    if (column === undefined) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `views: header cell ${i + 1} "${String(row[i])}" is not a column name; use asset, over, return and confidence`,
        { argument: "views", column: i }
      );
    }
    if (columns.includes(column)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `views: the header names the ${column} column twice; name each column once`,
        { argument: "views", column: i }
      );
    }
    columns.push(column);
  });
  for (const needed of ["asset", "return"] as const) {
    if (!columns.includes(needed)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `views: the header has no ${needed} column; name the columns asset, [over], return, [confidence]`,
        { argument: "views" }
      );
    }
  }
  return columns;
}

/**
 * Whether a header-less table's second column reads as returns rather than "over" assets: at least
 * one non-zero number (or numeric text such as "40%") and no other text. Zeros and blanks say
 * nothing either way (Excel desktop passes an empty cell as 0).
 */
function secondColumnIsNumeric(table: readonly (readonly unknown[])[]): boolean {
  let numeric = false;
  for (const row of table) {
    const cell = Array.isArray(row) ? row[1] : undefined;
    if (isBlankValue(cell)) continue;
    if (typeof cell === "number" || (typeof cell === "string" && NUMERIC_TEXT.test(cell.trim()))) {
      numeric = true;
    } else {
      return false;
    }
  }
  return numeric;
}

/** A text cell's trimmed content; "" for blank (including Excel desktop's 0 for a blank cell). */
function text(cell: unknown): string {
  if (cell === null || cell === undefined || cell === 0) return "";
  return String(cell).trim();
}

function isBlankValue(cell: unknown): boolean {
  return (
    cell === null ||
    cell === undefined ||
    cell === 0 ||
    (typeof cell === "string" && cell.trim() === "")
  );
}

/** A numeric cell: a number, or text such as "0.4", "40%" or "-5 %". */
function number(cell: unknown, what: string, location: { argument: string; row: number }): number {
  let value: number;
  if (typeof cell === "number") {
    value = cell;
  } else if (typeof cell === "string" && cell.trim() !== "") {
    const match = NUMERIC_TEXT.exec(cell.trim());
    if (match === null) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${what} is "${cell}", not a number; give a number such as 0.4 or 40%`,
        location
      );
    }
    value = Number(match[1]) / (match[2] === "%" ? 100 : 1);
  } else {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${what} is ${cell === null || cell === undefined || cell === "" ? "blank" : String(cell)}; give a number such as 0.4 or 40%`,
      location
    );
  }
  if (!Number.isFinite(value)) {
    throw new CoreError("NON_FINITE", `${what} is ${value}; give a finite number`, location);
  }
  return value;
}
