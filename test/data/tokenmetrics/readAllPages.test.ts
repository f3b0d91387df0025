import fc from "fast-check";
import { DataError } from "../../../src/data/dataError";
import { readAllPages } from "../../../src/data/tokenmetrics/readAllPages";

/** A list server: `rows` split in pages of `size` (page 1 first), or page 1 always when ignoring. */
const server = (rows: readonly string[], size: number, ignorePage: boolean) => {
  const asked: number[] = [];
  const fetchPage = async (page: number) => {
    asked.push(page);
    const p = ignorePage ? 1 : page;
    return rows.slice((p - 1) * size, p * size);
  };
  return { fetchPage, asked };
};
const options = (pageSize: number, maxPages = 50) => ({
  pageSize,
  maxPages,
  keyOf: (row: string) => row,
  what: "/indices",
});

describe("readAllPages", () => {
  it("reads pages 1, 2, … until a short page (hand-worked: 7 rows by 3 → pages 1, 2, 3)", async () => {
    const rows = ["a", "b", "c", "d", "e", "f", "g"];
    const { fetchPage, asked } = server(rows, 3, false);
    const read = await readAllPages(fetchPage, options(3));
    expect(read).toEqual({ rows, requests: 3, pageIgnored: false });
    expect(asked).toEqual([1, 2, 3]);
  });

  it("stops when a page repeats the previous one: exactly 100 holdings are read once, not 20 times", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `token-${i}`);
    const { fetchPage, asked } = server(rows, 100, true);
    const read = await readAllPages(fetchPage, options(100, 20));
    expect(read.rows).toEqual(rows);
    expect(read.pageIgnored).toBe(true);
    expect(asked).toEqual([1, 2]);
  });

  it("never lets a duplicate through and never loops, whether the server honours page or not", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        async (rows, size, ignorePage) => {
          const { fetchPage, asked } = server(rows, size, ignorePage);
          const read = await readAllPages(fetchPage, options(size, 1000));
          expect(new Set(read.rows).size).toBe(read.rows.length);
          expect(read.requests).toBe(asked.length);
          expect(read.requests).toBeLessThanOrEqual(Math.floor(rows.length / size) + 1);
          // Order is first-seen order of the pages fetched.
          if (!ignorePage)
            expect(read.rows).toEqual([...new Set(rows.slice(0, asked.length * size))]);
          // Every distinct row of the pages actually fetched is kept.
          const fetched = new Set(rows.slice(0, (ignorePage ? 1 : asked.length) * size));
          expect(new Set(read.rows)).toEqual(fetched);
        }
      )
    );
  });

  it("gives up with badResponse past maxPages full pages instead of truncating silently", async () => {
    const endless = async (page: number) => [`row-${page}`];
    const error = await readAllPages(endless, options(1, 4)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      kind: "badResponse",
      message:
        "Token Metrics sent more than 4 full pages for /indices; ask for fewer symbols or days",
    });
  });
});
