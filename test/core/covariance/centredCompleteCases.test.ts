import fc from "fast-check";
import { centredCompleteCases } from "../../../src/core/covariance/centredCompleteCases";
import { arbitraryPanel, copyPanel, coreErrorOf, panelOf } from "./covarianceTestKit";

describe("centredCompleteCases", () => {
  it("keeps complete rows and centres them (hand-worked)", () => {
    // Rows 2 and 4 are incomplete; kept a = [1, 3, 8], b = [4, 6, 2]; means 4 and 4.
    const cases = centredCompleteCases(
      panelOf(
        [
          [1, 4],
          [NaN, 5],
          [3, 6],
          [9, NaN],
          [8, 2],
        ],
        ["A", "B"]
      ),
      2,
      "sample"
    );
    expect(cases.rows).toBe(3);
    expect(Array.from(cases.means)).toEqual([4, 4]);
    expect(Array.from(cases.data)).toEqual([-3, -1, 4, 0, 2, -2]);
    expect(cases.labels).toEqual(["A", "B"]);
  });

  it("gives columns that sum to 0 (to rounding), as numpy X − X.mean(0)", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const { data, rows, cols } = centredCompleteCases(panel, 2, "sample");
        for (let j = 0; j < cols; j++) {
          let sum = 0;
          let scale = 0;
          for (let t = 0; t < rows; t++) {
            sum += data[j * rows + t];
            scale += Math.abs(data[j * rows + t]);
          }
          expect(Math.abs(sum)).toBeLessThan(1e-13 * scale);
        }
      }),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS saying how many complete rows remained and how many are needed", () => {
    const error = coreErrorOf(() =>
      centredCompleteCases(
        panelOf([
          [1, NaN],
          [2, 3],
          [NaN, 4],
        ]),
        2,
        "OAS"
      )
    );
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toBe(
      "returns: 1 of 3 rows have a return for every asset; the OAS covariance needs at least 2; use a longer range or drop the assets listed last"
    );
  });

  it("throws NON_FINITE, ZERO_VARIANCE, INVALID_ARGUMENT and LENGTH_MISMATCH", () => {
    expect(coreErrorOf(() => centredCompleteCases(panelOf([[1], [-Infinity]]), 2, "x")).code).toBe(
      "NON_FINITE"
    );
    const zero = coreErrorOf(() =>
      centredCompleteCases(
        panelOf(
          [
            [1, 5],
            [2, 5],
            [NaN, 6],
          ],
          ["A", "SOL"]
        ),
        2,
        "x"
      )
    );
    expect(zero.code).toBe("ZERO_VARIANCE");
    expect(zero.message).toBe(
      "returns: column 2 (SOL) has zero variance over the 2 complete rows; remove it or use a longer window"
    );
    expect(coreErrorOf(() => centredCompleteCases(panelOf([]), 2, "x")).code).toBe(
      "INVALID_ARGUMENT"
    );
    const panel = panelOf([
      [1, 2],
      [3, 5],
    ]);
    expect(
      coreErrorOf(() => centredCompleteCases({ ...panel, data: new Float64Array(3) }, 2, "x")).code
    ).toBe("LENGTH_MISMATCH");
  });

  it("refuses values whose squares overflow or underflow rather than return Infinity or NaN", () => {
    const huge = coreErrorOf(() =>
      centredCompleteCases(
        panelOf([
          [1e60, 1],
          [-1e60, 2],
        ]),
        2,
        "x"
      )
    );
    expect(huge.code).toBe("NON_FINITE");
    expect(huge.message).toContain("column 1 (Asset 1) has returns too large to square");
    const tiny = coreErrorOf(() =>
      centredCompleteCases(
        panelOf([
          [1, 1e-200],
          [2, 3e-200],
        ]),
        2,
        "x"
      )
    );
    expect(tiny.code).toBe("ZERO_VARIANCE");
    expect(tiny.message).toContain("column 2 (Asset 2) varies too little to measure");
  });

  it("leaves its input unchanged", () => {
    const panel = panelOf([
      [1, 4],
      [NaN, 5],
      [3, 6],
    ]);
    const before = copyPanel(panel);
    centredCompleteCases(Object.freeze(panel), 2, "sample");
    expect(panel).toEqual(before);
  });

  it("writes into lent memory when given, with the same values as a fresh array", () => {
    fc.assert(
      fc.property(arbitraryPanel(1, 3), (panel) => {
        let fresh;
        try {
          fresh = centredCompleteCases(panel, 2, "sample");
        } catch {
          return true; // refused panels are covered above
        }
        const memory = new Float64Array(panel.rows * panel.cols + 5).fill(7);
        const lent = centredCompleteCases(panel, 2, "sample", (length) =>
          memory.subarray(0, length)
        );
        return (
          lent.data.buffer === memory.buffer &&
          lent.data.length === fresh.data.length &&
          lent.data.every((v, k) => Object.is(v, fresh.data[k]))
        );
      })
    );
  });
});
