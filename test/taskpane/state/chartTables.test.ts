import fc from "fast-check";
import { CoreError } from "../../../src/core/errors";
import type { TableContents } from "../../../src/taskpane/excel/readTable";
import type { CellValue } from "../../../src/taskpane/excel/tableBlock";
import { validateBlocks } from "../../../src/taskpane/excel/validateBlocks";
import { chartTables } from "../../../src/taskpane/state/chartTables";
import { PaneError } from "../../../src/taskpane/state/paneError";

const prices = (headers: string[], rows: CellValue[][]): TableContents => ({
  name: "Prices",
  headers,
  rows,
});

// A: 100, 110, 99, 108.9 → returns 0.1, −0.1, 0.1;  B: 50, 50, 60, 66 → 0, 0.2, 0.1.
// Per period (ppy 1): μ = [1/30, 0.1]; sample (n−1) variances 1/75 and 1/100, covariance −1/100.
// Minimum variance: w_A = (σ_B² − σ_AB)/(σ_A² + σ_B² − 2σ_AB) = 0.02/0.04333 = 6/13, w_B = 7/13;
// variance (36/75 + 49/100 − 84/100)/169 = 0.13/169 = 1/1300; return (6/13)(1/30) + (7/13)(0.1) = 0.9/13.
// The highest return is all in B: return 0.1, volatility √0.01 = 0.1.
// Drawdowns: A peaks at 110, so 99 is 99/110 − 1 = −0.1 and 108.9 is −0.01; B only rises: 0.
const small = prices(
  ["Date", "A", "B"],
  [
    [45000, 100, 50],
    [45001, 110, 50],
    [45002, 99, 60],
    [45003, 108.9, 66],
  ]
);

describe("chartTables", () => {
  it("computes the frontier and drawdowns of a hand-worked two-asset case", () => {
    const [frontier, drawdowns] = chartTables(small, { points: 2, periodsPerYear: 1 });
    expect(frontier.name).toBe("Frontier");
    expect(frontier.headers).toEqual(["Volatility", "Return", "Sharpe", "A", "B"]);
    const [low, high] = frontier.rows as number[][];
    expect(low[0]).toBeCloseTo(Math.sqrt(1 / 1300), 12);
    expect(low[1]).toBeCloseTo(0.9 / 13, 12);
    expect(low[2]).toBeCloseTo(0.9 / 13 / Math.sqrt(1 / 1300), 10);
    expect(low[3]).toBeCloseTo(6 / 13, 12);
    expect(low[4]).toBeCloseTo(7 / 13, 12);
    expect(high[0]).toBeCloseTo(0.1, 12);
    expect(high[1]).toBeCloseTo(0.1, 12);
    expect(high[3]).toBeCloseTo(0, 12);
    expect(high[4]).toBeCloseTo(1, 12);
    expect(drawdowns.headers).toEqual(["Date", "A", "B"]);
    expect(drawdowns.rows.map((r) => r[0])).toEqual([45000, 45001, 45002, 45003]);
    const a = drawdowns.rows.map((r) => r[1] as number);
    expect(a[0]).toBe(0);
    expect(a[1]).toBe(0);
    expect(a[2]).toBeCloseTo(-0.1, 14);
    expect(a[3]).toBeCloseTo(-0.01, 14);
    expect(drawdowns.rows.map((r) => r[2])).toEqual([0, 0, 0, 0]);
    expect(() => validateBlocks([frontier, drawdowns])).not.toThrow();
  });

  it("annualises by 365 by default (returns × 365, volatility × √365)", () => {
    const [perDay] = chartTables(small, { points: 2, periodsPerYear: 1 });
    const [annual] = chartTables(small, { points: 2 });
    expect(annual.rows[0][1] as number).toBeCloseTo((perDay.rows[0][1] as number) * 365, 10);
    expect(annual.rows[0][0] as number).toBeCloseTo(
      (perDay.rows[0][0] as number) * Math.sqrt(365),
      10
    );
    expect(annual.rows).toHaveLength(2);
    expect(chartTables(small)[0].rows).toHaveLength(30);
  });

  it("leaves drawdowns blank before a late listing and uses the common days for the frontier", () => {
    const late = prices(
      ["Date", "A", "B", "C"],
      [
        [1, 100, 50, ""],
        [2, 110, 50, 10],
        [3, 99, 60, 9],
        [4, 108.9, 66, 12],
        [5, 104, 70, 11],
        [6, 107, 69, 13],
        [7, 103, 73, 12.5],
        [8, 109, 71, 14],
      ]
    );
    const [frontier, drawdowns] = chartTables(late, { points: 5 });
    expect(drawdowns.rows[0][3]).toBe("");
    expect(drawdowns.rows[1][3]).toBe(0);
    expect(drawdowns.rows[2][3]).toBeCloseTo(-0.1, 14);
    expect(frontier.rows).toHaveLength(5);
  });

  it("frontier: weights sum to 1, returns and volatilities rise together, drawdowns in [−1, 0]; asset order does not matter", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -0.2, max: 0.25, noNaN: true }), {
            minLength: 3,
            maxLength: 3,
          }),
          {
            minLength: 12,
            maxLength: 40,
          }
        ),
        (steps) => {
          const level = [100, 100, 100];
          const rows: CellValue[][] = [[0, ...level]];
          steps.forEach((step, t) => {
            // A fixed wiggle per asset keeps the draws away from constant or collinear series
            // (shrunk draws are mostly zeros), which the core rightly refuses or solves only to ~1e-9.
            for (let j = 0; j < 3; j++)
              level[j] *= 1 + step[j] + 0.02 * Math.sin((t + 1) * (j + 1) * 0.7);
            rows.push([t + 1, ...level]);
          });
          let result;
          try {
            result = chartTables(prices(["Date", "X", "Y", "Z"], rows), { points: 6 });
          } catch (error) {
            // Degenerate random draws (collinear returns) are refused with a code, never NaN.
            expect(error).toBeInstanceOf(CoreError);
            return;
          }
          const [frontier, drawdowns] = result;
          let previous = -Infinity;
          let previousVol = -Infinity;
          for (const row of frontier.rows as number[][]) {
            expect(row[3] + row[4] + row[5]).toBeCloseTo(1, 9);
            expect(row[1]).toBeGreaterThanOrEqual(previous - 1e-12);
            expect(row[0]).toBeGreaterThanOrEqual(previousVol - 1e-9);
            previous = row[1];
            previousVol = row[0];
          }
          for (const row of drawdowns.rows) {
            for (const v of row.slice(1) as number[]) {
              expect(v).toBeLessThanOrEqual(0);
              expect(v).toBeGreaterThan(-1);
            }
          }
          // Z, X, Y order: same curve, weights permuted.
          const permuted = chartTables(
            prices(
              ["Date", "Z", "X", "Y"],
              rows.map((r) => [r[0], r[3], r[1], r[2]])
            ),
            { points: 6 }
          )[0];
          (frontier.rows as number[][]).forEach((row, k) => {
            const other = permuted.rows[k] as number[];
            expect(other[0]).toBeCloseTo(row[0], 9);
            expect(other[1]).toBeCloseTo(row[1], 9);
            expect(other[3]).toBeCloseTo(row[5], 6);
            expect(other[4]).toBeCloseTo(row[3], 6);
          });
        }
      ),
      { numRuns: 40 }
    );
  });

  it("refuses a table that is not Date + tokens, and text in a price cell", () => {
    expect(() => chartTables(prices(["Day", "A"], [[1, 2]]))).toThrow(PaneError);
    expect(() => chartTables(prices(["Date"], [[1]]))).toThrow(
      /Date column followed by one column per token/
    );
    const text = prices(
      ["Date", "A", "B"],
      [
        [1, 100, 50],
        [2, "n/a", 51],
        [3, 101, 52],
      ]
    );
    expect(() => chartTables(text)).toThrow('Prices: row 3, column A holds "n/a", not a price');
  });

  it("passes the core's errors on with their codes", () => {
    const code = (table: TableContents) => {
      try {
        chartTables(table);
      } catch (error) {
        return (error as CoreError).code;
      }
      return "none";
    };
    expect(
      code(
        prices(
          ["Date", "A", "B"],
          [
            [1, 100, 50],
            [2, -1, 51],
            [3, 100, 52],
          ]
        )
      )
    ).toBe("NON_POSITIVE_PRICE");
    expect(
      code(
        prices(
          ["Date", "A", "B"],
          [
            [1, 100, 50],
            [2, "", 51],
            [3, 100, 52],
          ]
        )
      )
    ).toBe("GAP_IN_SERIES");
    expect(
      code(
        prices(
          ["Date", "A", "B"],
          [
            [1, 100, 50],
            [2, 100, 51],
            [3, 100, 52],
          ]
        )
      )
    ).toBe("ZERO_VARIANCE");
    expect(
      code(
        prices(
          ["Date", "A", "B"],
          [
            [1, 100, 50],
            [2, 101, ""],
          ]
        )
      )
    ).not.toBe("none");
  });

  it("does not change the table it is given", () => {
    const rows = small.rows.map((r) => Object.freeze([...r]));
    const frozen = Object.freeze({
      ...small,
      headers: Object.freeze([...small.headers]),
      rows: Object.freeze(rows),
    });
    const copy = JSON.stringify(frozen);
    chartTables(frozen);
    expect(JSON.stringify(frozen)).toBe(copy);
  });
});
