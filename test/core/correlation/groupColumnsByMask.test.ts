import fc from "fast-check";
import { groupColumnsByMask } from "../../../src/core/correlation/groupColumnsByMask";

describe("groupColumnsByMask", () => {
  it("groups columns listed on the same dates", () => {
    // 3 rows; A and C start at row 2, B is complete → groups {A, C} on rows 1–2 and {B} on 0–2
    const data = Float64Array.of(NaN, 1, 2, 3, 4, 5, NaN, 6, 7);
    const groups = groupColumnsByMask(data, 3, 3);
    expect(groups.map((g) => g.columns)).toEqual([[0, 2], [1]]);
    expect(Array.from(groups[0].rows)).toEqual([1, 2]);
    expect(Array.from(groups[1].rows)).toEqual([0, 1, 2]);
  });

  it("puts two columns together exactly when their NaN patterns are equal (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows, masks) => {
          const cols = masks.length;
          const data = new Float64Array(rows * cols);
          masks.forEach((m, j) => {
            for (let t = 0; t < rows; t++) data[j * rows + t] = m[t] ? t + j : NaN;
          });
          const groups = groupColumnsByMask(data, rows, cols);
          const groupOf = new Array<number>(cols);
          groups.forEach((g, k) => g.columns.forEach((j) => (groupOf[j] = k)));
          for (let i = 0; i < cols; i++) {
            for (let j = 0; j < cols; j++) {
              const same = masks[i].slice(0, rows).every((v, t) => v === masks[j][t]);
              expect(groupOf[i] === groupOf[j]).toBe(same);
            }
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("gives an all-blank column an empty row list (no throw: callers decide)", () => {
    const groups = groupColumnsByMask(Float64Array.of(NaN, NaN), 2, 1);
    expect(groups[0].rows.length).toBe(0);
  });

  it("leaves its input unchanged", () => {
    const data = Float64Array.of(NaN, 1, 2, 3);
    groupColumnsByMask(data, 2, 2);
    expect(Array.from(data)).toEqual([NaN, 1, 2, 3]);
  });
});
