import fc from "fast-check";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { column } from "../../../src/core/panel/column";

describe("pricePanel", () => {
  it("stores row-major input column-major", () => {
    const panel = pricePanel([
      [100, 10],
      [110, 11],
      [120, 12],
    ]);
    expect(Array.from(panel.data)).toEqual([100, 110, 120, 10, 11, 12]);
    expect(Array.from(column(panel, 1))).toEqual([10, 11, 12]);
    expect(panel.labels).toEqual(["Asset 1", "Asset 2"]);
  });

  it("keeps leading (not listed) and trailing (delisted) blanks as NaN", () => {
    const panel = pricePanel(
      [
        [NaN, 1],
        [5, 2],
        [6, NaN],
      ],
      { labels: ["NEW", "OLD"] }
    );
    expect(Array.from(column(panel, 0))).toEqual([NaN, 5, 6]);
    expect(Array.from(column(panel, 1))).toEqual([1, 2, NaN]);
  });

  it("fills an inner gap with the previous price only when asked", () => {
    const values = [[1], [NaN], [NaN], [4]];
    expect(() => pricePanel(values, { labels: ["SOL"], rowOffset: 1, columnOffset: 1 })).toThrow(
      expect.objectContaining({
        code: "GAP_IN_SERIES",
        row: 1,
        column: 0,
        label: "SOL",
        message:
          'prices: column 2 (SOL), row 3 is empty between prices; fill the gap or pass fill="previous"',
      })
    );
    expect(Array.from(pricePanel(values, { fill: "previous" }).data)).toEqual([1, 1, 1, 4]);
    expect(Array.from(pricePanel(values, { fill: "keep" }).data)).toEqual([1, NaN, NaN, 4]);
  });

  it("rejects each bad input with its code", () => {
    expect(() => pricePanel([])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => pricePanel([[]])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => pricePanel([[1, 2], [3]])).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", row: 1 })
    );
    expect(() => pricePanel([[1]], { labels: ["A", "B"] })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => pricePanel([[1], [Infinity]])).toThrow(
      expect.objectContaining({ code: "NON_FINITE", row: 1 })
    );
    expect(() => pricePanel([[1], [0]])).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE", row: 1 })
    );
    expect(() => pricePanel([[1], [-3]])).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE" })
    );
    expect(() =>
      pricePanel(
        [
          [1, NaN],
          [2, NaN],
        ],
        { labels: ["A", "EMPTY"] }
      )
    ).toThrow(expect.objectContaining({ code: "NOT_AVAILABLE", label: "EMPTY" }));
  });

  it("does not modify its input and round-trips any positive table (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((cols) =>
          fc.array(
            fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), {
              minLength: cols,
              maxLength: cols,
            }),
            { minLength: 1, maxLength: 40 }
          )
        ),
        (values) => {
          const frozen = Object.freeze(values.map((row) => Object.freeze([...row])));
          const panel = pricePanel(frozen);
          for (let t = 0; t < values.length; t++) {
            for (let j = 0; j < values[0].length; j++)
              expect(panel.data[j * panel.rows + t]).toBe(values[t][j]);
          }
        }
      ),
      { numRuns: 100 }
    );
  });
});
