import fc from "fast-check";
import { analysisLayout } from "../../../src/taskpane/state/analysisLayout";

describe("analysisLayout", () => {
  it("lays out the five formulas on the Prices and Constituents tables, each under a label", () => {
    const layout = analysisLayout(3);
    const formulas = layout.cells.filter((c) => c.value.startsWith("=")).map((c) => c.value);
    expect(formulas).toEqual([
      "=DIVERSIFY.STATS(Prices[#All])",
      "=DIVERSIFY.DRAWDOWN(Prices[#All])",
      '=DIVERSIFY.RISKWEIGHTS(Prices[#All],"erc")',
      "=DIVERSIFY.PORTSTATS(Constituents[Weight],Prices[#All])",
      "=DIVERSIFY.CORRMATRIX(Prices[#All])",
    ]);
    // Rows: title 0; STATS label 2, formula 3, 32 rows + 2 → DRAWDOWN at 36/37, 5 + 2 → RISKWEIGHTS
    // 43/44, (3 + 4) + 2 → PORTSTATS 52/53, 16 + 2 → CORRMATRIX 70/71; its values start one row and
    // one column further: 3 × 3 from (72, 1).
    expect(layout.cells.map((c) => c.row)).toEqual([0, 2, 3, 36, 37, 43, 44, 52, 53, 70, 71]);
    expect(layout.heatMap).toEqual({ row: 72, column: 1, rows: 3, columns: 3 });
  });

  it("leaves each spill room: blocks never overlap, whatever the number of tokens", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (assets) => {
        const layout = analysisLayout(assets);
        const rows = layout.cells.map((c) => c.row);
        expect([...rows].sort((a, b) => a - b)).toEqual(rows);
        expect(new Set(rows).size).toBe(rows.length);
        const risk = layout.cells.find((c) => c.value.includes("RISKWEIGHTS"));
        const next = layout.cells[layout.cells.indexOf(risk!) + 1];
        // RISKWEIGHTS spills at most assets + 1 rows (header + one per token).
        expect(next.row - risk!.row).toBeGreaterThan(assets + 1);
        expect(layout.heatMap.rows).toBe(assets);
      }),
      { numRuns: 50 }
    );
  });

  it("refuses a count that is not a whole number ≥ 1", () => {
    expect(() => analysisLayout(0)).toThrow(RangeError);
    expect(() => analysisLayout(2.5)).toThrow(/whole number/);
  });

  it("with a CASH row (adaptive index), PORTSTATS takes the first `assets` weights, the layout unchanged", () => {
    const plain = analysisLayout(4);
    const cash = analysisLayout(4, { cashRow: true });
    expect(cash.cells.map((c) => c.row)).toEqual(plain.cells.map((c) => c.row));
    expect(cash.heatMap).toEqual(plain.heatMap);
    expect(cash.cells.filter((c) => c.value.includes("PORTSTATS")).map((c) => c.value)).toEqual([
      "=DIVERSIFY.PORTSTATS(INDEX(Constituents[Weight],1):INDEX(Constituents[Weight],4),Prices[#All])",
    ]);
  });
});
