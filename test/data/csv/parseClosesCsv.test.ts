import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { parseClosesCsv } from "../../../src/data/csv/parseClosesCsv";
import { describeWithSharedData, readSharedCsv, sharedDataDir } from "../../helpers/sharedData";

function failure(text: string) {
  const result = parseClosesCsv(text);
  if (result.ok) throw new Error("expected a parse failure");
  return result;
}

describe("parseClosesCsv", () => {
  it("parses dates × symbols column-major with blanks as NaN (hand-worked)", () => {
    const result = parseClosesCsv("date,BTC,ETH\n2024-01-01,42000,\n2024-01-02,44000.5,2300\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.symbols).toEqual(["BTC", "ETH"]);
    expect(result.data.dates).toEqual(["2024-01-01", "2024-01-02"]);
    // column-major: BTC's two closes, then ETH's (blank → NaN)
    expect(Array.from(result.data.closes)).toEqual([42000, 44000.5, NaN, 2300]);
  });

  it("accepts yyyy/mm/dd, dd.mm.yyyy, ISO date-times, ; and tab delimiters, quotes, CRLF and a BOM", () => {
    const forms = [
      "\uFEFFdate,BTC\r\n2024/1/31,1\r\n2024/02/01,2\r\n",
      "Date;BTC\n31.01.2024;1\n1.2.2024;2",
      "date\tBTC\n2024-01-31T00:00:00Z\t1\n2024-02-01 00:00\t2",
      '"date","BTC"\n"2024-01-31","1"\n\n"2024-02-01","2"',
    ];
    for (const text of forms) {
      const result = parseClosesCsv(text);
      expect(result.ok && result.data.dates).toEqual(["2024-01-31", "2024-02-01"]);
      expect(result.ok && Array.from(result.data.closes)).toEqual([1, 2]);
    }
  });

  it("refuses an empty text, a header without symbols and a header without rows", () => {
    expect(failure("")).toMatchObject({ line: 1 });
    expect(failure("date\n2024-01-01")).toMatchObject({
      line: 1,
      reason: "line 1: the header has no symbol columns; write it as date,BTC,ETH,…",
    });
    expect(failure("date,BTC\n").reason).toBe(
      "the CSV has a header but no rows of prices; add one row per date"
    );
  });

  it("refuses blank and duplicate symbols, naming the column", () => {
    expect(failure("date,BTC,\n2024-01-01,1,2")).toMatchObject({ line: 1, column: 3 });
    expect(failure("date,BTC,btc\n2024-01-01,1,2")).toEqual({
      ok: false,
      line: 1,
      column: 3,
      reason: "line 1, column 3: btc appears twice (also column 2); remove or rename one",
    });
  });

  it("refuses a bad date, including ambiguous dd/mm/yyyy and impossible days", () => {
    for (const bad of ["2024-02-30", "yesterday", "2024-13-01", "31.02.2024", "13/13/2024"]) {
      expect(failure(`date,BTC\n${bad},1`)).toEqual({
        ok: false,
        line: 2,
        column: 1,
        reason: `line 2, column 1: "${bad}" is not a date; write dates as yyyy-mm-dd (also dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy/mm/dd or Excel date numbers)`,
      });
    }
    // Day or month first cannot be told when no date of the column has a part above 12.
    expect(failure("date,BTC\n01/02/2024,1")).toEqual({
      ok: false,
      line: 2,
      column: 1,
      reason:
        'line 2, column 1: "01/02/2024" could be 1 February or January 2, 2024, and no date in the column has a day above 12 to tell which; write the dates as yyyy-mm-dd',
    });
  });

  it("refuses a duplicate date and unsorted rows without sorting them", () => {
    expect(failure("date,BTC\n2024-01-01,1\n2024-01-01,2")).toEqual({
      ok: false,
      line: 3,
      column: 1,
      reason:
        "line 3, column 1: date 2024-01-01 appears twice (also line 2); keep one row per date",
    });
    expect(failure("date,BTC\n2024-01-02,1\n2024-01-01,2")).toEqual({
      ok: false,
      line: 3,
      column: 1,
      reason:
        "line 3, column 1: date 2024-01-01 is older than 2024-01-02 on line 2; sort the rows by date, oldest first",
    });
  });

  it("refuses ragged rows, naming the first missing or extra column", () => {
    expect(failure("date,BTC,ETH\n2024-01-01,1")).toEqual({
      ok: false,
      line: 2,
      column: 3,
      reason:
        "line 2: has 2 cells but the header has 3; every row needs a date and one cell per symbol (blank = no price)",
    });
    expect(failure("date,BTC\n2024-01-01,1,2")).toMatchObject({ line: 2, column: 3 });
  });

  it("refuses non-numeric cells and prices ≤ 0 with line, column and symbol", () => {
    expect(failure("date,BTC,ETH\n2024-01-01,1,abc")).toEqual({
      ok: false,
      line: 2,
      column: 3,
      reason:
        'line 2, column 3 (ETH): "abc" is not a number; use digits with a decimal point, or leave the cell blank',
    });
    expect(failure("date,BTC\n2024-01-01,1,234")).toMatchObject({ line: 2 });
    expect(failure("date,BTC\n2024-01-01,1e999").reason).toBe(
      "line 2, column 2 (BTC): 1e999 is not a positive price; fix it or leave the cell blank"
    );
    expect(failure("date,BTC\n2024-01-01,0").reason).toBe(
      "line 2, column 2 (BTC): 0 is not a positive price; fix it or leave the cell blank"
    );
    expect(failure("date,BTC\n2024-01-01,-5")).toMatchObject({ line: 2, column: 2 });
    expect(failure("date,BTC\n2024-01-01,1,5")).toMatchObject({ line: 2 });
  });

  it("round-trips any well-formed table (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 15000, max: 20000 }),
        fc.array(fc.option(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { nil: undefined }), {
          minLength: 150,
          maxLength: 150,
        }),
        (cols, rows, firstDay, cells) => {
          const symbols = Array.from({ length: cols }, (_, j) => `S${j}`);
          const dates = Array.from({ length: rows }, (_, t) =>
            new Date((firstDay + 2 * t) * 86_400_000).toISOString().slice(0, 10)
          );
          const value = (t: number, j: number) => cells[(t * cols + j) % cells.length];
          const text = [
            `date,${symbols.join(",")}`,
            ...dates.map((d, t) => [d, ...symbols.map((_, j) => value(t, j) ?? "")].join(",")),
          ].join("\n");
          const result = parseClosesCsv(text);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.data.dates).toEqual(dates);
          let same = true;
          for (let j = 0; j < cols; j++)
            for (let t = 0; t < rows; t++)
              same &&= Object.is(result.data.closes[j * rows + t], value(t, j) ?? NaN);
          expect(same).toBe(true);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("never throws on arbitrary text: a table of positive closes, or a reason with its line (property)", () => {
    // Text built from the characters a CSV is made of, so the generator reaches the deep paths.
    const piece = fc.constantFrom(
      "date",
      "BTC",
      "ETH",
      ",",
      ";",
      "\t",
      "\n",
      "\r\n",
      '"',
      "2024-01-0",
      "2024/1/",
      "1",
      "9",
      "0",
      "-",
      ".",
      "e",
      "1e308",
      "NaN",
      "Infinity",
      " ",
      "\uFEFF",
      "31.12.2023",
      "T00:00Z"
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const result = parseClosesCsv(pieces.join(""));
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(10);
          expect(result.line).toBeGreaterThanOrEqual(1);
          return;
        }
        const { symbols, dates, closes } = result.data;
        expect(closes.length).toBe(symbols.length * dates.length);
        for (const close of closes)
          expect(Number.isNaN(close) || (close > 0 && close < Infinity)).toBe(true);
        for (let t = 1; t < dates.length; t++) expect(dates[t] > dates[t - 1]).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });

  it("leaves its input text unchanged (strings are immutable; checks the same text parses twice alike)", () => {
    const text = "date,BTC\n2024-01-01,1";
    expect(parseClosesCsv(text)).toEqual(parseClosesCsv(text));
    expect(text).toBe("date,BTC\n2024-01-01,1");
  });
});

describeWithSharedData("parseClosesCsv on the real data", () => {
  it("reads crypto-daily-close.csv exactly as the shared reader does", () => {
    const text = fs.readFileSync(path.join(sharedDataDir, "crypto-daily-close.csv"), "utf8");
    const result = parseClosesCsv(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const reference = readSharedCsv("crypto-daily-close.csv");
    expect(result.data.symbols).toEqual(reference.symbols);
    expect(result.data.dates).toEqual(reference.dates);
    const n = reference.dates.length;
    let same = true;
    reference.rows.forEach((row, t) =>
      row.forEach((v, j) => (same &&= Object.is(result.data.closes[j * n + t], v)))
    );
    expect(same).toBe(true);
    expect(n).toBe(3064);
  });
});
