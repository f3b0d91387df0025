import fc from "fast-check";
import { kendallCorrelationMatrix } from "../../../src/core/correlation/kendallCorrelationMatrix";
import { kendallCorrelationRows } from "../../../src/core/correlation/kendallCorrelationRows";
import { CoreError } from "../../../src/core/errors";
import { panelOf } from "./correlationTestKit";

describe("kendallCorrelationRows", () => {
  it("is the matrix's first rows, the same doubles, with ties, NaNs and late listings (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 120 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer(),
        fc.nat(),
        (rows, cols, seed, cut) => {
          let s = seed >>> 0 || 1;
          const next = () =>
            (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
          const values = Array.from({ length: rows }, (_, t) =>
            Array.from({ length: cols }, (_, j) => {
              if (t < (j % 3) * 4 || next() < 0.03) return NaN;
              return j % 2 === 0 ? next() : Math.floor(next() * 4);
            })
          );
          const panel = panelOf(values);
          const k = cut % (cols + 1);
          const whole = kendallCorrelationMatrix(panel, { onUndefinedPair: "nan" }).data;
          const head = kendallCorrelationRows(panel, k, { onUndefinedPair: "nan" });
          expect(head.length).toBe(k * cols);
          expect(Array.from(head)).toEqual(Array.from(whole.subarray(0, k * cols)));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("hand-worked: x = 1, 2, 3 and y = 1, 3, 2 give row 0 = [1, 1/3]", () => {
    const head = kendallCorrelationRows(
      panelOf([
        [1, 1],
        [2, 3],
        [3, 2],
      ]),
      1
    );
    expect(head.length).toBe(2);
    expect(head[0]).toBe(1);
    expect(head[1]).toBeCloseTo(1 / 3, 15);
  });

  it("throws INVALID_ARGUMENT naming rowCount outside 0 … cols", () => {
    const panel = panelOf([
      [1, 1],
      [2, 3],
      [3, 2],
    ]);
    for (const bad of [-1, 3, 1.5]) {
      expect(() => kendallCorrelationRows(panel, bad)).toThrow(CoreError);
      expect(() => kendallCorrelationRows(panel, bad)).toThrow(/rowCount must be an integer/);
    }
  });
});
