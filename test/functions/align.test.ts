import { align } from "../../src/functions/returns";
import { errorOf } from "../helpers/excelErrorOf";

const RANGE = [
  ["Date", "BTC", "SOL"],
  [45000, 100, ""],
  [45001, 110, 0],
  [45002, 120, 20],
  [45003, "", 22],
  [45004, 130, 24],
];

describe("ALIGN", () => {
  it('keeps only the dates where every asset has a price ("common", the default), with their dates', () => {
    expect(align(RANGE)).toEqual([
      ["Date", "BTC", "SOL"],
      [45002, 120, 20],
      [45004, 130, 24],
    ]);
  });

  it('fills a gap with the previous price ("previous") and leaves not-yet-listed cells blank', () => {
    expect(align(RANGE, "Previous")).toEqual([
      ["Date", "BTC", "SOL"],
      [45000, 100, ""],
      [45001, 110, ""],
      [45002, 120, 20],
      [45003, 120, 22],
      [45004, 130, 24],
    ]);
  });

  it('leaves blanks as they are ("keep"), turning desktop zeros into blanks', () => {
    const out = align(RANGE, "keep");
    expect(out[2]).toEqual([45001, 110, ""]);
    expect(out[4]).toEqual([45003, "", 22]);
  });

  it("works without a header or date column", () => {
    expect(
      align([
        [1, ""],
        [2, 3],
        [4, 5],
      ])
    ).toEqual([
      [2, 3],
      [4, 5],
    ]);
  });

  it("rejects an unknown option and a range with no complete row", () => {
    expect(errorOf(() => align(RANGE, "drop")).message).toBe(
      'missing must be "common", "previous" or "keep"; got "drop"'
    );
    const error = errorOf(() =>
      align([
        ["A", "B"],
        [1, ""],
        ["", 2],
      ])
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/no row has a price for every asset/);
  });
});
