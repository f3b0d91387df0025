import { returns } from "../../src/functions/returns";
import { errorOf } from "../helpers/excelErrorOf";

describe("RETURNS", () => {
  it("spills simple returns under the header row", () => {
    // BTC 100 → 110 → 99: +10 %, −10 %; ETH 10 → 11 → 12.1: +10 %, +10 %.
    const out = returns(
      [
        ["BTC", "ETH"],
        [100, 10],
        [110, 11],
        [99, 12.1],
      ],
      null as unknown as string
    );
    expect(out[0]).toEqual(["BTC", "ETH"]);
    expect(out).toHaveLength(3);
    expect(out[1][0]).toBeCloseTo(0.1, 14);
    expect(out[2][0]).toBeCloseTo(-0.1, 14);
    expect(out[2][1]).toBeCloseTo(0.1, 14);
  });

  it("gives log returns case-insensitively and no header when the range has none", () => {
    const out = returns([[100], [200]], "LOG");
    expect(out).toEqual([[Math.log(2)]]);
  });

  it("leaves returns blank before an asset is listed (blank, null or desktop 0)", () => {
    const out = returns(
      [
        ["A", "B", "C"],
        [100, "", 0],
        [110, null, 0],
        [121, 50, 20],
        [133.1, 55, 22],
      ],
      "simple"
    );
    expect(out[1]).toEqual([expect.any(Number), "", ""]);
    expect(out[2][1]).toBe("");
    expect(out[3][1]).toBeCloseTo(0.1, 14);
    expect(out[3][2]).toBeCloseTo(0.1, 14);
  });

  it("names the cell and the fix for a gap inside a series, and fills it when asked", () => {
    const range = [["A"], [100], [""], [121]];
    const error = errorOf(() => returns(range));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      'prices: column 1 (A), row 3 is empty between prices; fill the gap or pass fill="previous"'
    );
    const filled = returns(range, "simple", "previous");
    expect(filled[1][0]).toBe(0);
    expect(filled[2][0]).toBeCloseTo(0.21, 14);
  });

  it("rejects text, negative prices and unknown methods with #VALUE! and a message", () => {
    expect(errorOf(() => returns([[1], ["abc"], [3]])).message).toBe(
      'prices: cell A2 holds text "abc"; prices must be numbers'
    );
    expect(errorOf(() => returns([[1], [-2]])).message).toMatch(
      /row 2 is -2; prices must be above 0/
    );
    expect(errorOf(() => returns([[1], [2]], "arith")).message).toBe(
      'method must be "simple" or "log"; got "arith"'
    );
  });

  it("needs two rows of prices", () => {
    const error = errorOf(() => returns([["A"], [1]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/at least two rows/);
  });
});
