import { PaneError } from "../../../src/taskpane/state/paneError";
import { reportInputs } from "../../../src/taskpane/state/reportInputs";

const prices = {
  name: "Prices",
  headers: ["Date", "BTC", "ETH"],
  rows: [
    [45292, 40000, ""],
    [45293, 41000, 2500],
    [45294, 40500, 2550],
  ],
};
const constituents = {
  name: "Constituents",
  headers: ["Symbol", "Name", "Sector", "Tier", "Market cap", "Weight", "As of", "Source"],
  rows: [
    ["BTC", "Bitcoin", "L1", "large", 800e9, 0.7, 45294, "demo data"],
    ["ETH", "Ether", "L1", "large", "", 0.2, 45294, "demo data"],
    ["CASH", "Cash", "", "", "cash sleeve", 0.1, 45294, "demo data"],
  ],
};

describe("reportInputs", () => {
  it("reads the panel (blank = not listed), day numbers, caps by symbol, source and as-of", () => {
    const out = reportInputs(prices, constituents);
    expect(out.prices.labels).toEqual(["BTC", "ETH"]);
    expect(Array.from(out.prices.data)).toEqual([40000, 41000, 40500, NaN, 2500, 2550]);
    // Excel serial 45292 is 2024-01-01, day 19723 since 1970.
    expect(Array.from(out.dates)).toEqual([19723, 19724, 19725]);
    expect(out.serials).toEqual([45292, 45293, 45294]);
    expect(Array.from(out.marketCaps)).toEqual([800e9, NaN]);
    expect(out.source).toBe("demo data");
    expect(out.asOf).toBe(45294);
  });

  it("without Constituents: no caps, no source, as of the last price date", () => {
    const out = reportInputs(prices, undefined);
    expect(Array.from(out.marketCaps).every(Number.isNaN)).toBe(true);
    expect(out.source).toBe("");
    expect(out.asOf).toBe(45294);
  });

  it("refuses a table it cannot read, saying what to do", () => {
    expect(() => reportInputs({ ...prices, headers: ["Day", "BTC", "ETH"] }, undefined)).toThrow(
      /should start with a Date column/
    );
    const text = { ...prices, rows: [prices.rows[0], [45293, "n/a", 2500], prices.rows[2]] };
    expect(() => reportInputs(text, undefined)).toThrow(
      /row 3, column BTC holds "n\/a", not a price/
    );
    const unsorted = { ...prices, rows: [prices.rows[1], prices.rows[0], prices.rows[2]] };
    expect(() => reportInputs(unsorted, undefined)).toThrow(PaneError);
    expect(() => reportInputs({ ...prices, rows: prices.rows.slice(0, 2) }, undefined)).toThrow(
      /has 2 days of prices/
    );
    const negative = { ...prices, rows: [prices.rows[0], [45293, -1, 2500], prices.rows[2]] };
    expect(() => reportInputs(negative, undefined)).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE" })
    );
  });
});
