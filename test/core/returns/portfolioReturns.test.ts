import fc from "fast-check";
import { portfolioReturns } from "../../../src/core/returns/portfolioReturns";
import type { ReturnsPanel } from "../../../src/core/types";

/** A returns panel from row-major values. */
function returnsOf(rows: number[][], labels?: string[]): ReturnsPanel {
  const cols = rows[0].length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, t) => row.forEach((value, j) => (data[j * rows.length + t] = value)));
  return {
    kind: "returns",
    rows: rows.length,
    cols,
    data,
    labels: labels ?? rows[0].map((_, j) => `A${j + 1}`),
  };
}

describe("portfolioReturns", () => {
  it("is the weighted sum of each period's returns (hand-worked)", () => {
    // 0.5·0.1 + 0.5·0 = 0.05; 0.5·0 + 0.5·0.2 = 0.1; 0.5·(−0.1) + 0.5·0.3 = 0.1.
    const r = portfolioReturns(
      returnsOf([
        [0.1, 0],
        [0, 0.2],
        [-0.1, 0.3],
      ]),
      [0.5, 0.5]
    );
    expect(Array.from(r)).toEqual([0.05, 0.1, expect.closeTo(0.1, 15)]);
  });

  it("skips the periods where any asset has no return", () => {
    const r = portfolioReturns(
      returnsOf([
        [0.1, NaN],
        [0.2, 0.1],
        [0.3, 0.3],
      ]),
      [0.25, 0.75]
    );
    expect(Array.from(r)).toEqual([expect.closeTo(0.125, 15), expect.closeTo(0.3, 15)]);
  });

  it("rejects a weight count that differs, a non-finite weight and too few complete rows", () => {
    const panel = returnsOf(
      [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      ["BTC", "ETH"]
    );
    expect(() => portfolioReturns(panel, [1])).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => portfolioReturns(panel, [NaN, 1])).toThrow(
      expect.objectContaining({ code: "NON_FINITE", label: "BTC" })
    );
    expect(() =>
      portfolioReturns(
        returnsOf([
          [0.1, NaN],
          [0.2, 0.1],
        ]),
        [0.5, 0.5]
      )
    ).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
  });

  it("a single asset at weight 1 returns its own series; scaling weights scales returns (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -0.5, max: 0.5, noNaN: true }),
            fc.double({ min: -0.5, max: 0.5, noNaN: true })
          ),
          { minLength: 2, maxLength: 50 }
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, w) => {
          const panel = returnsOf(pairs.map(([a, b]) => [a, b]));
          const before = Array.from(panel.data);
          const alone = portfolioReturns(panel, [1, 0]);
          expect(Array.from(alone)).toEqual(pairs.map(([a]) => a + 0 * 0));
          const mixed = portfolioReturns(panel, [w, 1 - w]);
          const doubled = portfolioReturns(panel, [2 * w, 2 * (1 - w)]);
          mixed.forEach((value, t) => expect(doubled[t]).toBeCloseTo(2 * value, 12));
          expect(Array.from(panel.data)).toEqual(before);
        }
      ),
      { numRuns: 100 }
    );
  });
});
