import fc from "fast-check";
import { meanReturns } from "../../../src/core/returns/meanReturns";
import type { ReturnsPanel } from "../../../src/core/types";

function returnsOf(rows: number[][]): ReturnsPanel {
  const cols = rows[0].length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, t) => row.forEach((value, j) => (data[j * rows.length + t] = value)));
  return {
    kind: "returns",
    rows: rows.length,
    cols,
    data,
    labels: rows[0].map((_, j) => `A${j + 1}`),
  };
}

describe("meanReturns", () => {
  it("annualises the arithmetic mean of the complete rows (hand-worked)", () => {
    // Complete rows: 2 and 3 → A: (0.02 + 0.04)/2 · 12 = 0.36; B: (0.01 + 0.03)/2 · 12 = 0.24.
    const r = meanReturns(
      returnsOf([
        [0.5, NaN],
        [0.02, 0.01],
        [0.04, 0.03],
      ]),
      12
    );
    expect(r[0]).toBeCloseTo(0.36, 15);
    expect(r[1]).toBeCloseTo(0.24, 15);
  });

  it("rejects a bad ppy and a panel with no complete row", () => {
    expect(() => meanReturns(returnsOf([[0.1]]), 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() =>
      meanReturns(
        returnsOf([
          [0.1, NaN],
          [NaN, 0.1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
  });

  it("is linear: scaling returns scales the means; inputs unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (series, c) => {
          const panel = returnsOf(series.map((x) => [x]));
          const before = Array.from(panel.data);
          const scaled = returnsOf(series.map((x) => [c * x]));
          expect(meanReturns(scaled, 365)[0]).toBeCloseTo(c * meanReturns(panel, 365)[0], 9);
          expect(Array.from(panel.data)).toEqual(before);
        }
      ),
      { numRuns: 100 }
    );
  });
});
