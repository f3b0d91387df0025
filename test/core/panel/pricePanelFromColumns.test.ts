import fc from "fast-check";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { pricePanelFromColumns } from "../../../src/core/panel/pricePanelFromColumns";

/**
 * The rule in two plain passes, as a reference: every present price finite and above 0 (first bad
 * one reported), a column with no price NOT_AVAILABLE, then blanks strictly between the first and
 * last price are a gap (first one reported) unless filled from the previous price or kept.
 */
function referenceValidate(
  data: Float64Array,
  rows: number,
  fill: "none" | "previous" | "keep"
): { data: number[] } | { code: string; row?: number; column?: number } {
  const out = Array.from(data);
  for (let j = 0; j < out.length / rows; j++) {
    let first = -1;
    let last = -1;
    for (let t = 0; t < rows; t++) {
      const p = out[j * rows + t];
      if (Number.isNaN(p)) continue;
      if (!Number.isFinite(p)) return { code: "NON_FINITE", row: t, column: j };
      if (p <= 0) return { code: "NON_POSITIVE_PRICE", row: t, column: j };
      if (first < 0) first = t;
      last = t;
    }
    if (first < 0) return { code: "NOT_AVAILABLE", column: j };
    if (fill === "keep") continue;
    for (let t = first + 1; t < last; t++) {
      if (!Number.isNaN(out[j * rows + t])) continue;
      if (fill === "none") return { code: "GAP_IN_SERIES", row: t, column: j };
      out[j * rows + t] = out[j * rows + t - 1];
    }
  }
  return { data: out };
}

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

  it("validates and fills in one pass exactly as the two-pass rule does (property)", () => {
    const cell = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: 0.01, max: 1e5, noNaN: true }) },
      { weight: 4, arbitrary: fc.constant(NaN) },
      { weight: 1, arbitrary: fc.constantFrom(0, -1, Infinity, -Infinity) }
    );
    const column = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(
        column.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc
              .array(cell, { minLength: rows, maxLength: rows * 4 })
              .map((values) => values.slice(0, values.length - (values.length % rows)))
          )
        ),
        fc.constantFrom("none", "previous", "keep") as fc.Arbitrary<"none" | "previous" | "keep">,
        ([rows, values], fill) => {
          if (values.length === 0) return;
          const expected = referenceValidate(Float64Array.from(values), rows, fill);
          const data = Float64Array.from(values);
          let outcome: { data: number[] } | { code: string; row?: number; column?: number };
          try {
            pricePanelFromColumns(data, rows, { fill });
            outcome = { data: Array.from(data) };
          } catch (error) {
            const e = error as { code: string; row?: number; column?: number };
            outcome = { code: e.code, row: e.row, column: e.column };
          }
          if ("data" in expected) expect(outcome).toEqual(expected);
          else expect(outcome).toMatchObject(expected);
        }
      ),
      { numRuns: 500 }
    );
  });
});
