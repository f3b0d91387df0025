import { holdingsBlock } from "../../../src/taskpane/state/holdingsBlock";
import {
  GENERAL_FORMAT,
  PERCENT_FORMAT,
  TEXT_FORMAT,
  priceFormat,
} from "../../../src/taskpane/state/numberFormats";

describe("priceFormat", () => {
  it("gives two decimals to prices of 1 and more, with thousands separators", () => {
    expect(priceFormat([97000, 1.2, 3500])).toBe("#,##0.00");
    expect(priceFormat([1])).toBe("#,##0.00");
  });

  it("adds optional decimals so the smallest price keeps four significant digits", () => {
    expect(priceFormat([0.5123, 2])).toBe("#,##0.00##"); // 0.5123
    expect(priceFormat([0.00001234])).toBe("#,##0.00######"); // 0.00001234
    expect(priceFormat([0.062, 100])).toBe("#,##0.00###"); // 0.06200 → 0.062
  });

  it("caps at ten decimals and ignores blanks, text, zero and non-finite values", () => {
    expect(priceFormat([1e-15])).toBe(`#,##0.00${"#".repeat(8)}`);
    expect(priceFormat(["", NaN, 0, -1, "x", true, 5])).toBe("#,##0.00");
    expect(priceFormat([])).toBe("#,##0.00");
    expect(priceFormat(Float64Array.of(NaN, 0.02))).toBe("#,##0.00###");
  });

  it("never ends in optional decimals alone, so a whole price never shows as '2.'", () => {
    for (const p of [1e-9, 0.003, 0.7, 12, 1e6]) expect(priceFormat([p])).toMatch(/\.00#*$/);
  });
});

describe("number formats of the pane's columns", () => {
  it("are text, General and percentages as Excel spells them", () => {
    expect(TEXT_FORMAT).toBe("@");
    expect(GENERAL_FORMAT).toBe("General");
    expect(PERCENT_FORMAT).toBe("0.00%");
  });

  it("writes Holdings with a text Symbol column and General units", () => {
    expect(holdingsBlock(["00", "TRUE"]).formats).toEqual(["@", "General"]);
    expect(holdingsBlock([]).formats).toEqual(["@", "General"]);
  });
});
