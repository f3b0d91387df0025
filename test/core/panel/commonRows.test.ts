import fc from "fast-check";
import { commonRows } from "../../../src/core/panel/commonRows";
import { pricePanel } from "../../../src/core/panel/pricePanel";

describe("commonRows", () => {
  it("keeps only the rows where every asset has a price", () => {
    // Row 0: B not listed; row 3: A delisted → rows 1 and 2 remain.
    const prices = pricePanel([
      [1, NaN],
      [2, 20],
      [3, 30],
      [NaN, 40],
    ]);
    const { panel, rows } = commonRows(prices);
    expect(Array.from(rows)).toEqual([1, 2]);
    expect(Array.from(panel.data)).toEqual([2, 3, 20, 30]);
    expect(panel.labels).toEqual(["Asset 1", "Asset 2"]);
  });

  it("names the sparsest asset when no row is complete", () => {
    const prices = pricePanel(
      [
        [1, NaN],
        [NaN, 2],
      ],
      { labels: ["BTC", "NEW"] }
    );
    expect(() => commonRows(prices)).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS", label: "BTC" })
    );
  });

  it("returns rows that are complete and leaves the input unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.constant(NaN), fc.double({ min: 1, max: 100, noNaN: true })), {
            minLength: 3,
            maxLength: 3,
          }),
          { minLength: 1, maxLength: 30 }
        ),
        (values) => {
          const prices = pricePanel(
            values.map((row, t) => (t === 0 ? row.map(() => 1) : row)),
            { fill: "keep" }
          );
          const before = Array.from(prices.data);
          const { panel, rows } = commonRows(prices);
          expect(Array.from(prices.data)).toEqual(before);
          expect(panel.rows).toBe(rows.length);
          for (let k = 0; k < rows.length; k++) {
            for (let j = 0; j < 3; j++)
              expect(panel.data[j * panel.rows + k]).toBe(prices.data[j * prices.rows + rows[k]]);
          }
          const complete = Array.from({ length: prices.rows }, (_, t) =>
            [0, 1, 2].every((j) => !Number.isNaN(prices.data[j * prices.rows + t]))
          );
          expect(Array.from(rows)).toEqual(complete.flatMap((ok, t) => (ok ? [t] : [])));
        }
      ),
      { numRuns: 100 }
    );
  });
});
