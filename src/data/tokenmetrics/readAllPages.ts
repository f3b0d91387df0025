import { DataError } from "../dataError";
import { FIRST_PAGE } from "./tokenMetricsContract";

/** What {@link readAllPages} read. */
export interface PagedRows<Row> {
  /** Every distinct row (by key), in the order first seen. */
  readonly rows: Row[];
  /** Requests made (Token Metrics bills one credit each). */
  readonly requests: number;
  /**
   * True when a full page came back again as the next page (the server ignored `page`, as Token
   * Metrics' TypeScript SDK warns it may): rows beyond the first page may then be missing.
   */
  readonly pageIgnored: boolean;
}

/** Options of {@link readAllPages}. */
export interface ReadAllPagesOptions<Row> {
  /** Rows asked per page (`limit`). */
  readonly pageSize: number;
  /** Most requests before giving up with a DataError (a guard, never a silent truncation). */
  readonly maxPages: number;
  /** Identity of a row (e.g. TOKEN_ID + DATE): a key seen before is a duplicate and dropped. */
  readonly keyOf: (row: Row) => string;
  /** What is read, for the error message, e.g. "/daily-ohlcv". */
  readonly what: string;
}

/**
 * Reads a Token Metrics list page by page (`page` = 1, 2, … as the MCP server documents) and stops
 * at the first short page, or when a page repeats the previous one (same keys in the same order:
 * the server ignored `page`; the TypeScript SDK `src/base.ts` @2da4d06 says "the API's page
 * parameter doesn't work as expected", read 2026-12-03), or when a full page brings nothing new.
 * Rows whose key was already seen are dropped, so no duplicate ever gets through (an index of 100
 * holdings read with `page` ignored once gave weights summing to 20).
 *
 * Complexity: O(total rows) time and memory, plus one request per page.
 *
 * @param fetchPage fetches one page by number (rejects with a DataError)
 * @param options page size, page guard, row key, name for messages
 * @returns the distinct rows, the request count and whether `page` was ignored
 * @throws DataError badResponse (more than `maxPages` full pages)
 * @example await readAllPages((page) => get("/indices", { page }), { pageSize: 100, maxPages: 20, keyOf: (r) => String(r.ID), what: "/indices" });
 */
export async function readAllPages<Row>(
  fetchPage: (page: number) => Promise<readonly Row[]>,
  options: ReadAllPagesOptions<Row>
): Promise<PagedRows<Row>> {
  const rows: Row[] = [];
  const seen = new Set<string>();
  let requests = 0;
  let previous: string | undefined;
  for (let page = FIRST_PAGE; ; page++) {
    if (requests >= options.maxPages) {
      throw new DataError(
        "badResponse",
        `Token Metrics sent more than ${options.maxPages} full pages for ${options.what}; ask for fewer symbols or days`
      );
    }
    const data = await fetchPage(page);
    requests++;
    const keys = data.map(options.keyOf);
    // A NUL never occurs in Token Metrics ids or dates, so the joined keys identify the page.
    const signature = keys.join("\u0000");
    if (previous !== undefined && signature === previous) {
      return { rows, requests, pageIgnored: true };
    }
    let added = 0;
    data.forEach((row, i) => {
      if (seen.has(keys[i])) return;
      seen.add(keys[i]);
      rows.push(row);
      added++;
    });
    if (data.length < options.pageSize) return { rows, requests, pageIgnored: false };
    if (added === 0) return { rows, requests, pageIgnored: true };
    previous = signature;
  }
}
