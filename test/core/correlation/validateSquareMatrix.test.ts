import fc from "fast-check";
import { validateSquareMatrix } from "../../../src/core/correlation/validateSquareMatrix";
import { matrixOf } from "./correlationTestKit";

describe("validateSquareMatrix", () => {
  it("returns the largest absolute entry of a valid matrix", () => {
    // entries 1, −3, −3, 2 → max |a| = 3
    expect(
      validateSquareMatrix(
        matrixOf([
          [1, -3],
          [-3, 2],
        ]),
        "matrix"
      )
    ).toBe(3);
  });

  it("accepts any symmetric finite matrix (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 25, maxLength: 25 }),
        (n, e) => {
          const rows = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => e[Math.min(i, j) * 5 + Math.max(i, j)])
          );
          expect(validateSquareMatrix(matrixOf(rows), "matrix")).toBe(
            Math.max(...rows.flat().map(Math.abs))
          );
        }
      ),
      { numRuns: 50 }
    );
  });

  it("tolerates last-digit asymmetry but not more", () => {
    expect(() =>
      validateSquareMatrix(
        matrixOf([
          [1, 0.3],
          [0.30000000000000004, 1],
        ]),
        "matrix"
      )
    ).not.toThrow();
    expect(() =>
      validateSquareMatrix(
        matrixOf([
          [1, 0.3],
          [0.31, 1],
        ]),
        "matrix"
      )
    ).toThrow(
      "matrix is not symmetric: entry (1, 2) is 0.3 but (2, 1) is 0.31; give a symmetric matrix"
    );
  });

  it("throws INVALID_ARGUMENT for shape and labels, NON_FINITE for NaN", () => {
    const bad = expect.objectContaining({ code: "INVALID_ARGUMENT" });
    expect(() =>
      validateSquareMatrix({ size: 2, data: new Float64Array(3), labels: ["A", "B"] }, "m")
    ).toThrow(bad);
    expect(() =>
      validateSquareMatrix({ size: 1, data: new Float64Array(1), labels: [] }, "m")
    ).toThrow(bad);
    expect(() => validateSquareMatrix(matrixOf([[NaN]]), "m")).toThrow(
      expect.objectContaining({ code: "NON_FINITE", row: 0, column: 0 })
    );
  });

  it("leaves its input unchanged", () => {
    const m = Object.freeze(
      matrixOf([
        [1, 0.5],
        [0.5, 1],
      ])
    );
    validateSquareMatrix(m, "matrix");
    expect(Array.from(m.data)).toEqual([1, 0.5, 0.5, 1]);
  });
});
