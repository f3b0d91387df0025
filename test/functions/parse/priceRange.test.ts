import { parsePriceRange } from "../../../src/functions/parse/priceRange";

const columns = (parsed: ReturnType<typeof parsePriceRange>) => {
  if (!parsed.ok) throw new Error(parsed.reason);
  const { data, rows } = parsed.data;
  return Array.from({ length: data.length / rows }, (_, j) =>
    Array.from(data.subarray(j * rows, (j + 1) * rows))
  );
};

describe("parsePriceRange", () => {
  it("reads a header row of names and writes the prices column-major", () => {
    const parsed = parsePriceRange([
      ["BTC", "ETH"],
      [100, 10],
      [110, 11],
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      data: { labels: ["BTC", "ETH"], headerRows: 1, rows: 2 },
    });
    expect(columns(parsed)).toEqual([
      [100, 110],
      [10, 11],
    ]);
  });

  it("treats blanks, null and desktop zeros as no price and drops blank rows at the bottom", () => {
    const parsed = parsePriceRange([
      [1, ""],
      [2, null],
      [3, 0],
      ["", ""],
      [0, null],
    ]);
    expect(columns(parsed)).toEqual([
      [1, 2, 3],
      [NaN, NaN, NaN],
    ]);
  });

  it("skips a leading Date column and keeps its cells", () => {
    const parsed = parsePriceRange([
      ["Date", "BTC"],
      [45000, 1],
      [45001, 2],
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      data: { labels: ["BTC"], skippedColumns: 1, dates: [45000, 45001] },
    });
  });

  it('also skips a dated header such as "Date (demo data, as of 2025-06-30)" from HISTORY', () => {
    const parsed = parsePriceRange([
      ["Date (CoinGecko, as of 2025-06-30)", "BTC"],
      [45000, 1],
      [45001, 2],
    ]);
    expect(parsed).toMatchObject({ ok: true, data: { labels: ["BTC"], skippedColumns: 1 } });
    expect(
      parsePriceRange([
        ["Dated", "BTC"],
        [1, 2],
      ])
    ).toMatchObject({ ok: true, data: { skippedColumns: 0 } });
  });

  it("names blank header cells and transposes across row blocks (more than 64 rows)", () => {
    const grid: unknown[][] = [["A", ""]];
    for (let t = 0; t < 150; t++) grid.push([t + 1, 1000 - t]);
    const parsed = parsePriceRange(grid);
    expect(parsed).toMatchObject({ ok: true, data: { labels: ["A", "Asset 2"], rows: 150 } });
    const [a, b] = columns(parsed);
    expect(a[149]).toBe(150);
    expect(b[64]).toBe(936);
  });

  it("keeps negative prices for the core to reject, and names text, errors and non-finite cells", () => {
    expect(columns(parsePriceRange([[1], [-2]]))).toEqual([[1, -2]]);
    expect(parsePriceRange([["A"], [1], ["x"]])).toMatchObject({
      ok: false,
      reason: 'prices: cell A3 (A) holds text "x"; prices must be numbers',
      row: 2,
      column: 0,
    });
    expect(parsePriceRange([[1], [{ code: "#DIV/0!" }]])).toMatchObject({
      reason: "prices: cell A2 holds the error #DIV/0!; fix the source cell",
    });
    expect(parsePriceRange([[1], [Infinity]])).toMatchObject({
      reason: "prices: cell A2 is not a finite number",
    });
    expect(parsePriceRange([[1], [true]])).toMatchObject({
      reason: "prices: cell A2 holds TRUE; prices must be numbers",
    });
  });

  it("rejects empty, ragged, header-only, date-only and mixed-header ranges", () => {
    expect(parsePriceRange(null)).toMatchObject({ ok: false });
    expect(parsePriceRange([[1, 2], [3]])).toMatchObject({
      reason: "prices: row 2 has 1 cells but row 1 has 2",
    });
    expect(parsePriceRange([["A", "B"]])).toMatchObject({
      reason: "prices has no prices below its header; select the prices too",
    });
    expect(parsePriceRange([["Date"], [45000]])).toMatchObject({
      reason: "prices holds only a date column; select the price columns too",
    });
    expect(
      parsePriceRange([
        ["A", 3],
        [1, 2],
      ])
    ).toMatchObject({ ok: false, column: 1 });
  });
});
