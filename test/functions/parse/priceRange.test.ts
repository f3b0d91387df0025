import fc from "fast-check";
import { parsePriceRange } from "../../../src/functions/parse/priceRange";
import { referenceParsePriceRange } from "./priceRangeReference";

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

describe("parsePriceRange against the row-at-a-time parser it replaced", () => {
  /** A cell of any kind Excel passes, weighted towards plain prices so that 8-row groups pass. */
  const cell = fc.oneof(
    { weight: 30, arbitrary: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }) },
    {
      weight: 4,
      arbitrary: fc.constantFrom<unknown>("", null, undefined, 0, "  ", -0),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        -3,
        NaN,
        Infinity,
        -Infinity,
        "x",
        true,
        { code: "#N/A" },
        { type: "Error", basicValue: "#REF!" },
        { type: "Double", basicValue: 2.5 },
        { type: "FormattedNumber", basicValue: 0, numberFormat: "0" },
        { type: "Double", basicValue: -1 },
        { type: "Entity", text: "Bitcoin" },
        { functionName: "DIVERSIFY.BACKTEST", address: "A1" }
      ),
    }
  );
  /** A price grid: header or not, a Date column or not, 1..40 rows (groups of 8 and a remainder). */
  const range = fc
    .record({
      rows: fc.integer({ min: 1, max: 40 }),
      cols: fc.integer({ min: 1, max: 6 }),
      header: fc.constantFrom("none", "labels", "date"),
      plain: fc.boolean(),
      seed: fc.array(cell, { minLength: 240, maxLength: 240 }),
      price: fc.array(fc.double({ min: 1e-3, max: 1e5, noNaN: true }), {
        minLength: 240,
        maxLength: 240,
      }),
    })
    .map(({ rows, cols, header, plain, seed, price }) => {
      const grid: unknown[][] = [];
      if (header !== "none") {
        grid.push([
          ...(header === "date" ? ["Date"] : []),
          ...Array.from({ length: cols }, (_, j) => (j === 1 ? "" : `A${j}`)),
        ]);
      }
      for (let t = 0; t < rows; t++) {
        const row: unknown[] = header === "date" ? [45000 + t] : [];
        for (let j = 0; j < cols; j++) {
          // Mostly plain rows when `plain`, so the eight-row path runs and fails only here and there.
          const k = (t * cols + j) % 240;
          row.push(plain && k % 17 !== 3 ? price[k] : seed[k]);
        }
        grid.push(row);
      }
      return grid;
    });

  it("gives the same data, labels, dates, positions and messages on random ranges", () => {
    fc.assert(
      fc.property(range, (grid) => {
        const got = parsePriceRange(grid);
        const want = referenceParsePriceRange(grid);
        expect(got.ok).toBe(want.ok);
        if (!got.ok || !want.ok) {
          expect(got).toEqual(want);
          return;
        }
        const { data, ...rest } = got.data;
        const { data: wantData, ...wantRest } = want.data;
        expect(rest).toEqual(wantRest);
        expect(data.length).toBe(wantData.length);
        for (let i = 0; i < data.length; i++) expect(Object.is(data[i], wantData[i])).toBe(true);
      }),
      { numRuns: 600 }
    );
  });

  it("reports the first bad cell in row-major order when later rows of its group of eight hold earlier-column errors", () => {
    // Row 2 of the group has text in column B; row 5 has an error in column A: row 2 comes first.
    const grid: unknown[][] = [["A", "B", "C"]];
    for (let t = 0; t < 16; t++) grid.push([t + 1, t + 2, t + 3]);
    grid[2][1] = "x";
    grid[5][0] = { code: "#N/A" };
    grid[3][2] = "";
    expect(parsePriceRange(grid)).toEqual({
      ok: false,
      kind: "value",
      reason: 'prices: cell B3 (B) holds text "x"; prices must be numbers',
      row: 2,
      column: 1,
    });
    expect(referenceParsePriceRange(grid)).toEqual(parsePriceRange(grid));
  });

  it("writes every element of a reused array, blanks as NaN, over stale contents", () => {
    const grid: unknown[][] = [["A", "B"]];
    for (let t = 0; t < 19; t++) grid.push([t + 1, t % 5 === 0 ? "" : 100 - t]);
    const stale = new Float64Array(38).fill(-7);
    const parsed = parsePriceRange(grid, "prices", (n) => stale.subarray(0, n));
    expect(parsed.ok).toBe(true);
    const want = [
      ...Array.from({ length: 19 }, (_, t) => t + 1),
      ...Array.from({ length: 19 }, (_, t) => (t % 5 === 0 ? NaN : 100 - t)),
    ];
    expect(Array.from(stale)).toEqual(want);
  });
});
