import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { parseClosesCsv } from "../../../src/data/csv/parseClosesCsv";
import { toIsoDate } from "../../../src/data/toIsoDate";
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

/** The parsed table with closes as a plain array, for toEqual. */
function table(text: string) {
  const result = parseClosesCsv(text);
  if (!result.ok) throw new Error(`expected a table, got: ${result.reason}`);
  return { ...result.data, closes: Array.from(result.data.closes) };
}

describe("parseClosesCsv on real exports", () => {
  it("reads a German Excel export: BOM, ;, dd.mm.yyyy, thousands points and decimal commas, CRLF", () => {
    // Excel (de-DE) "CSV UTF-8 (Comma delimited)" of a sheet with the #.##0,00 number format.
    const text =
      "\uFEFFDatum;BTC;ETH\r\n01.01.2024;42.265,19;2.352,04\r\n02.01.2024;44.167,33;2.355,72\r\n03.01.2024;42.836,62;\r\n";
    expect(table(text)).toEqual({
      symbols: ["BTC", "ETH"],
      dates: ["2024-01-01", "2024-01-02", "2024-01-03"],
      closes: [42265.19, 44167.33, 42836.62, 2352.04, 2355.72, NaN],
    });
  });

  it("reads a French export: dd/mm/yyyy (the 13th tells day first), no-break-space thousands", () => {
    const text = "Date;BTC\r\n12/01/2024;46\u00A0339,16\r\n13/01/2024;42\u202F799,45\r\n";
    expect(table(text)).toEqual({
      symbols: ["BTC"],
      dates: ["2024-01-12", "2024-01-13"],
      closes: [46339.16, 42799.45],
    });
  });

  it("reads a US export: m/d/yyyy (the 13th tells month first), quoted cells with thousands commas", () => {
    // Excel (en-US) with the #,##0.00 format quotes every number that holds a comma.
    const text = 'Date,BTC,ETH\n1/12/2024,"46,339.16",2529.9\n1/13/2024,"42,799.45","2,576.60"\n';
    expect(table(text)).toEqual({
      symbols: ["BTC", "ETH"],
      dates: ["2024-01-12", "2024-01-13"],
      closes: [46339.16, 42799.45, 2529.9, 2576.6],
    });
  });

  it('never reads "1,234" in a comma file as a decimal: quoted it is 1234, unquoted it is two cells', () => {
    expect(table('date,BTC\n2024-01-01,"1,234"').closes).toEqual([1234]);
    expect(failure("date,BTC\n2024-01-01,1,234")).toMatchObject({ line: 2, column: 3 });
    // …and in a ; file, Excel's decimal-comma dialect, "1,234" is 1.234 and "1.234" is 1234.
    expect(table("date;BTC\n2024-01-01;1,234\n2024-01-02;1.234").closes).toEqual([1.234, 1234]);
    // One cell that reads only one way decides for the whole file, in either delimiter.
    expect(table("date;BTC\n2024-01-01;1.234\n2024-01-02;0.5").closes).toEqual([1.234, 0.5]);
    expect(table('date,BTC\n2024-01-01,"1,234"\n2024-01-02,"0,5"').closes).toEqual([1.234, 0.5]);
  });

  it("reads Excel serial dates (1900 system, the phantom 29 Feb 1900 refused), with time fractions and decimal commas", () => {
    // 45292 = 2024-01-01 (45292 − 25569 days after 1970-01-01); 59 and 61 straddle serial 60.
    expect(table("date,BTC\n59,1\n61,2\n45292,3\n45293.75,4").dates).toEqual([
      "1900-02-28",
      "1900-03-01",
      "2024-01-01",
      "2024-01-02",
    ]);
    expect(table("Datum;BTC\n45292,5;42265,19").dates).toEqual(["2024-01-01"]);
    expect(failure("date,BTC\n59,1\n60,2")).toEqual({
      ok: false,
      line: 3,
      column: 1,
      reason:
        "line 3, column 1: 60 is Excel's 29 February 1900, a day that never existed (Excel keeps Lotus 1-2-3's leap-year bug); fix the date",
    });
    expect(failure("date,BTC\n0,1")).toMatchObject({ line: 2, column: 1 });
    expect(failure("date,BTC\n2958466,1").reason).toContain("from 1 (1900-01-01) to 2958465");
  });

  it("reads ISO dates with and without a time part (Excel's yyyy-mm-dd hh:mm:ss, exporters' Z times)", () => {
    expect(
      table("date,BTC\n2024-01-01,1\n2024-01-02 00:00:00,2\n2024-01-03T00:00:00.000Z,3\n").dates
    ).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
  });

  it("reads dd-mm-yyyy (Dutch) and dates with a time after them", () => {
    expect(table("Datum;BTC\n31-12-2023 00:00;1\n01-01-2024 00:00;2").dates).toEqual([
      "2023-12-31",
      "2024-01-01",
    ]);
    expect(table("Date,BTC\n12/31/2023 12:00:00 AM,1\n1/1/2024 12:00:00 AM,2").dates).toEqual([
      "2023-12-31",
      "2024-01-01",
    ]);
  });

  it("reads lone-CR line ends (old Mac exports) and counts them as lines in messages", () => {
    expect(table("date,BTC\r2024-01-01,1\r2024-01-02,2\r").closes).toEqual([1, 2]);
    expect(failure("date,BTC\r2024-01-01,1\r\n2024-01-02,x\n")).toMatchObject({
      line: 3,
      column: 2,
    });
  });

  it("reads quoted headers with delimiters and doubled quotes, and counts quoted line breaks as lines", () => {
    const text = '"date";"BTC; spot";"ETH ""close"""\n2024-01-01;"1,5";2\n';
    expect(table(text).symbols).toEqual(["BTC; spot", 'ETH "close"']);
    // The header spans lines 1–2, so the bad cell is on line 4, as an editor shows it.
    expect(failure('date,"BTC\nclose"\n2024-01-01,1\n2024-01-02,x')).toMatchObject({
      line: 4,
      column: 2,
    });
  });

  it("skips a trailing blank line, blank lines and Excel's all-blank ;;; rows", () => {
    expect(table("Datum;BTC;ETH\n01.01.2024;1;2\n;;\n\n02.01.2024;3;4\n;;\n\n").closes).toEqual([
      1, 3, 2, 4,
    ]);
  });

  it("refuses a quote that never closes or has text after it, naming its line and column", () => {
    expect(failure('date,BTC\n2024-01-01,"1\n2024-01-02,2')).toEqual({
      ok: false,
      line: 2,
      column: 2,
      reason:
        'line 2, column 2: a quote opens in this cell but never closes; close it, or write a quote inside a quoted cell as two ("")',
    });
    expect(failure('date,BTC\n2024-01-01,"1"5\n')).toMatchObject({ line: 2, column: 2 });
  });

  it("refuses a file that mixes decimal separators, naming the cell that decided", () => {
    expect(
      failure("Datum;BTC;ETH\n01.01.2024;42265,19;2352,04\n02.01.2024;44167.33;2355,72")
    ).toEqual({
      ok: false,
      line: 3,
      column: 2,
      reason:
        'line 3, column 2 (BTC): "44167.33" has a decimal point but line 2, column 2 ("42265,19") has a decimal comma; write every number with the same decimal separator',
    });
  });

  it("refuses a date column that mixes day-first and month-first dates", () => {
    expect(failure("date,BTC\n13/01/2024,1\n01/14/2024,2")).toEqual({
      ok: false,
      line: 3,
      column: 1,
      reason:
        'line 3, column 1: "01/14/2024" has the month first, but "13/01/2024" on line 2 has the day first; write every date in the same order (or as yyyy-mm-dd)',
    });
  });

  it("reads a column of dates ≤ 12 whose day equals its month, but refuses one that could be either", () => {
    expect(table("date,BTC\n01/01/2024,1\n02/02/2024,2").dates).toEqual([
      "2024-01-01",
      "2024-02-02",
    ]);
    expect(failure("date,BTC\n01/01/2024,1\n01/02/2024,2")).toMatchObject({ line: 3, column: 1 });
  });

  it("refuses, in a tab file where no cell tells the decimal separator, a number it could misread", () => {
    expect(failure("date\tBTC\n2024-01-01\t1,234\n2024-01-02\t2")).toEqual({
      ok: false,
      line: 2,
      column: 2,
      reason:
        'line 2, column 2 (BTC): "1,234" reads as 1234 with a decimal point and as 1.234 with a decimal comma, and no other cell of this tab-separated file tells which it uses; write the number without thousands separators, or with all its decimals',
    });
    expect(table("date\tBTC\n2024-01-01\t1,234\n2024-01-02\t2,5").closes).toEqual([1.234, 2.5]);
  });
});

/** How a spreadsheet may write a closes table: the dialects parseClosesCsv accepts. */
interface Dialect {
  readonly delimiter: "," | ";" | "\t";
  readonly decimal: "." | ",";
  /** Thousands separator, or "" for none (only with `fixed2`, as number formats write it). */
  readonly grouping: string;
  /** `shortest`: JavaScript's shortest round-trip digits (Excel's General); `fixed2`: 0.00. */
  readonly digits: "shortest" | "fixed2";
  readonly dateForm:
    "iso" | "isoTime" | "dotted" | "dmy" | "mdy" | "dmyDash" | "ymdSlash" | "serial";
  readonly lineEnd: "\n" | "\r\n" | "\r";
  readonly bom: boolean;
  readonly quoteAll: boolean;
  readonly trailing: "" | "blankLine" | "blankRow";
}

type Pairing = readonly [Dialect["delimiter"], Dialect["decimal"]];
const PAIRINGS: readonly Pairing[] = [
  [",", "."],
  [";", ","],
  [";", "."],
  ["\t", "."],
  ["\t", ","],
  [",", ","],
];
/** The pairings Excel writes: a decimal comma with ;, a decimal point with , and either in tab files. */
const EXCEL_PAIRINGS = PAIRINGS.filter(
  ([delimiter, decimal]) => delimiter === "\t" || (delimiter === ";") === (decimal === ",")
);

const dialects: fc.Arbitrary<Dialect> = fc
  .record({
    pairing: fc.constantFrom(...PAIRINGS),
    group: fc.boolean(),
    spaceGroup: fc.boolean(),
    digits: fc.constantFrom("shortest" as const, "fixed2" as const),
    dateForm: fc.constantFrom(
      "iso" as const,
      "isoTime" as const,
      "dotted" as const,
      "dmy" as const,
      "mdy" as const,
      "dmyDash" as const,
      "ymdSlash" as const,
      "serial" as const
    ),
    lineEnd: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const),
    bom: fc.boolean(),
    quoteAll: fc.boolean(),
    trailing: fc.constantFrom("" as const, "blankLine" as const, "blankRow" as const),
  })
  .map(({ pairing: [delimiter, decimal], group, spaceGroup, digits, ...rest }) => {
    // Thousands grouping only where a spreadsheet writes it: with a fixed number format, in the
    // pairings Excel uses (decimal comma with ;, decimal point with ,) and in tab files.
    const grouping =
      group &&
      digits === "fixed2" &&
      EXCEL_PAIRINGS.some(([d, c]) => d === delimiter && c === decimal)
        ? spaceGroup
          ? "\u00A0"
          : decimal === ","
            ? "."
            : ","
        : "";
    return { delimiter, decimal, grouping, digits, ...rest };
  });

function writeNumber(value: number, dialect: Dialect): string {
  const text = dialect.digits === "fixed2" ? value.toFixed(2) : String(value);
  const [integerPart, fraction] = text.split(".");
  const grouped =
    dialect.grouping === ""
      ? integerPart
      : integerPart.replace(/\B(?=(\d{3})+$)/g, dialect.grouping);
  return fraction === undefined ? grouped : `${grouped}${dialect.decimal}${fraction}`;
}

function writeDate(day: number, dialect: Dialect): string {
  const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-");
  switch (dialect.dateForm) {
    case "iso":
      return iso;
    case "isoTime":
      return `${iso} 00:00:00`;
    case "dotted":
      return `${d}.${m}.${y}`;
    case "dmy":
      return `${d}/${m}/${y}`;
    case "mdy":
      return `${Number(m)}/${Number(d)}/${y}`;
    case "dmyDash":
      return `${d}-${m}-${y}`;
    case "ymdSlash":
      return `${y}/${m}/${d}`;
    case "serial":
      return String(day + 25_569);
  }
}

function writeCell(text: string, dialect: Dialect): string {
  const needsQuotes = text.includes(dialect.delimiter) || text.includes('"');
  return dialect.quoteAll || needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A wide table as a spreadsheet in `dialect` would export it. */
function writeCsv(
  dialect: Dialect,
  symbols: readonly string[],
  days: readonly number[],
  value: (t: number, j: number) => number | undefined
): string {
  const row = (cells: string[]) =>
    cells.map((cell) => writeCell(cell, dialect)).join(dialect.delimiter);
  const lines = [
    row(["Datum", ...symbols]),
    ...days.map((day, t) =>
      row([
        writeDate(day, dialect),
        ...symbols.map((_, j) => {
          const v = value(t, j);
          return v === undefined ? "" : writeNumber(v, dialect);
        }),
      ])
    ),
  ];
  if (dialect.trailing === "blankRow") lines.push(symbols.map(() => "").join(dialect.delimiter));
  const text = lines.join(dialect.lineEnd) + (dialect.trailing === "" ? "" : dialect.lineEnd);
  return (dialect.bom ? "\uFEFF" : "") + text;
}

describe("parseClosesCsv reads back what any supported dialect writes (properties)", () => {
  const tables = fc.record({
    dialect: dialects,
    cols: fc.integer({ min: 1, max: 6 }),
    firstDay: fc.integer({ min: 7_300, max: 21_900 }), // 1989 … 2029
    gaps: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 0, maxLength: 24 }),
    // Prices in cents, so no written number has 3 decimals (which could be thousands): the
    // ambiguity is what the dialect rules decide, and property 2 covers it.
    cents: fc.array(fc.option(fc.integer({ min: 1, max: 1e12 }), { nil: undefined, freq: 6 }), {
      minLength: 1,
      maxLength: 60,
    }),
  });

  it("returns the same dates and numbers, or refuses a day/month column no date can decide", () => {
    fc.assert(
      fc.property(tables, ({ dialect, cols, firstDay, gaps, cents }) => {
        const symbols = Array.from({ length: cols }, (_, j) =>
          dialect.quoteAll ? `S${j}${dialect.delimiter} "close"` : `S${j}`
        );
        const days = [firstDay];
        for (const gap of gaps) days.push(days[days.length - 1] + gap);
        const value = (t: number, j: number) => {
          const c = cents[(t * cols + j) % cents.length];
          return c === undefined ? undefined : c / 100;
        };
        const text = writeCsv(dialect, symbols, days, value);
        const result = parseClosesCsv(text);

        const yearLast = ["dmy", "mdy", "dmyDash"].includes(dialect.dateForm);
        const parts = days.map((day) => {
          const date = new Date(day * 86_400_000);
          return { day: date.getUTCDate(), month: date.getUTCMonth() + 1 };
        });
        const undecidable =
          yearLast && parts.every((p) => p.day <= 12) && parts.some((p) => p.day !== p.month);
        if (undecidable) {
          const t = parts.findIndex((p) => p.day !== p.month);
          expect(result).toMatchObject({ ok: false, line: t + 2, column: 1 });
          expect(!result.ok && result.reason).toContain("could be");
          return;
        }
        if (!result.ok) throw new Error(`${JSON.stringify(text)}: ${result.reason}`);
        expect(result.data.symbols).toEqual(symbols);
        expect(result.data.dates).toEqual(
          days.map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10))
        );
        const n = days.length;
        let same = true;
        for (let j = 0; j < cols; j++)
          for (let t = 0; t < n; t++)
            same &&= Object.is(result.data.closes[j * n + t], value(t, j) ?? NaN);
        expect(same).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it("in Excel's own pairings never returns a wrong number, even when every cell is ambiguous", () => {
    // Each cell is a 1–3 digit group, a separator, then exactly 3 digits: a decimal (1.234) or a
    // grouped integer (1,234), so it reads two ways and only the rule can decide (; means decimal
    // comma, , means decimal point, a tab file refuses): it must give the written value.
    const ambiguousCell = fc.record({
      lead: fc.integer({ min: 1, max: 999 }),
      rest: fc.integer({ min: 0, max: 999 }).map((b) => String(b).padStart(3, "0")),
      grouped: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...EXCEL_PAIRINGS),
        fc.array(ambiguousCell, { minLength: 1, maxLength: 10 }),
        ([delimiter, decimal], cells) => {
          const thousands = decimal === "." ? "," : ".";
          const write = (c: { lead: number; rest: string; grouped: boolean }) =>
            `${c.lead}${c.grouped ? thousands : decimal}${c.rest}`;
          const values = cells.map((c) =>
            c.grouped ? c.lead * 1000 + Number(c.rest) : Number(`${c.lead}.${c.rest}`)
          );
          const cell = (text: string) => (text.includes(delimiter) ? `"${text}"` : text);
          const text = [
            `date${delimiter}BTC`,
            ...cells.map((c, t) => `${toIsoDate(20_000 + t)}${delimiter}${cell(write(c))}`),
          ].join("\n");
          const result = parseClosesCsv(text);
          if (!result.ok) {
            expect(delimiter).toBe("\t");
            expect(result).toMatchObject({ line: 2, column: 2 });
            return;
          }
          expect(Array.from(result.data.closes)).toEqual(values);
        }
      ),
      { numRuns: 300 }
    );
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
