import { readCsvRows } from "../../../src/data/csv/readCsvRows";

describe("readCsvRows", () => {
  it("splits quoted cells, strips the BOM and numbers lines as an editor does", () => {
    expect(readCsvRows('\uFEFFDatum;BTC\r\n"01.01.2024";"42,5"\r\n')).toEqual({
      ok: true,
      delimiter: ";",
      rows: [
        { line: 1, cells: ["Datum", "BTC"] },
        { line: 2, cells: ["01.01.2024", "42,5"] },
      ],
    });
    // LF, CRLF and a lone CR each end one line; a quoted line break belongs to its cell.
    expect(readCsvRows('\n\na,b\r\n"x\r\ny",1\r2,3\n,\n4,5')).toEqual({
      ok: true,
      delimiter: ",",
      rows: [
        { line: 3, cells: ["a", "b"] },
        { line: 4, cells: ["x\ny", "1"] },
        { line: 6, cells: ["2", "3"] },
        { line: 8, cells: ["4", "5"] },
      ],
    });
  });

  it("trims cells, unquotes a quote after spaces and keeps doubled quotes as one", () => {
    const read = readCsvRows('date, "BTC ""x""" ,ETH\n 2024-01-01 ,1, 2 ');
    expect(read.ok && read.rows.map((row) => row.cells)).toEqual([
      ["date", 'BTC "x"', "ETH"],
      ["2024-01-01", "1", "2"],
    ]);
  });

  it("refuses an unterminated quote and text after a closing quote with line and cell", () => {
    expect(readCsvRows('a,b\n1,2\n3,"4\n5,6')).toMatchObject({ ok: false, line: 3, column: 2 });
    expect(readCsvRows('a,b\n"1"x,2')).toMatchObject({ ok: false, line: 2, column: 1 });
  });

  it("gives no rows for blank text", () => {
    expect(readCsvRows("")).toEqual({ ok: true, delimiter: ",", rows: [] });
    expect(readCsvRows("\r\n ;; \n")).toMatchObject({ ok: true, rows: [] });
  });
});
