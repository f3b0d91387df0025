import { detectDelimiter } from "../../../src/data/csv/detectDelimiter";

describe("detectDelimiter", () => {
  it("reads the delimiter from the header", () => {
    expect(detectDelimiter("date,BTC,ETH")).toBe(",");
    expect(detectDelimiter("Datum;BTC;ETH")).toBe(";");
    expect(detectDelimiter("date\tBTC;x,y")).toBe("\t");
    expect(detectDelimiter("date")).toBe(",");
  });

  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('"BTC, USD";"ETH, USD";"SOL, USD"')).toBe(";");
    expect(detectDelimiter('"a;b","c;d"')).toBe(",");
    expect(detectDelimiter('"a\tb",c')).toBe(",");
  });

  it("breaks a tie with the first data line, else chooses ,", () => {
    expect(detectDelimiter("date;BTC,USD", "2024-01-01;1")).toBe(";");
    expect(detectDelimiter("date;BTC,USD", "2024-01-01,1")).toBe(",");
    expect(detectDelimiter("date;BTC,USD")).toBe(",");
  });
});
