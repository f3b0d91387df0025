import fc from "fast-check";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { pricePanelFromColumns } from "../../../src/core/panel/pricePanelFromColumns";

describe("pricePanelFromColumns", () => {
  it("wraps column-major data with the same rules as pricePanel", () => {
    const panel = pricePanelFromColumns(new Float64Array([100, 110, 10, 11]), 2, {
      labels: ["BTC", "ETH"],
    });
    expect(panel.cols).toBe(2);
    expect(panel.labels).toEqual(["BTC", "ETH"]);
    expect(() => pricePanelFromColumns(new Float64Array([1, NaN, 3]), 3)).toThrow(
      expect.objectContaining({ code: "GAP_IN_SERIES" })
    );
    expect(() => pricePanelFromColumns(new Float64Array([1, 2, 3]), 2)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => pricePanelFromColumns(new Float64Array([1, 0]), 2)).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE" })
    );
  });

  it("agrees with pricePanel on the transposed input (property)", () => {
    const price = fc.double({ min: 0.01, max: 1e5, noNaN: true });
    const table = fc.integer({ min: 1, max: 5 }).chain((cols) =>
      fc.array(fc.array(price, { minLength: cols, maxLength: cols }), {
        minLength: 1,
        maxLength: 30,
      })
    );
    fc.assert(
      fc.property(table, (values) => {
        const rows = values.length;
        const cols = values[0].length;
        const data = new Float64Array(rows * cols);
        values.forEach((row, t) => row.forEach((v, j) => (data[j * rows + t] = v)));
        expect(pricePanelFromColumns(data, rows)).toEqual(pricePanel(values));
      }),
      { numRuns: 100 }
    );
  });
});
