import fc from "fast-check";
import {
  finiteCell,
  spillPanel,
  spillSquareMatrix,
  spillTable,
  spillWeights,
} from "../../src/functions/spill";
import { declaredPayloadBound } from "../../src/functions/payloadSize";
import { worstCaseOf } from "../helpers/payloadWorstCase";

/** The code and message of an error cell, or undefined for a value. */
function errorCell(cell: unknown): { code: string; message: string } | undefined {
  return cell instanceof Error ? (cell as unknown as { code: string; message: string }) : undefined;
}

describe("finiteCell", () => {
  it("passes finite numbers and turns NaN and ±Infinity into #N/A with the reason", () => {
    expect(finiteCell(-0.25, "unused")).toBe(-0.25);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(errorCell(finiteCell(bad, "the ratio is undefined"))).toMatchObject({
        code: "#N/A",
        message: "the ratio is undefined",
      });
    }
  });
});

describe("spillPanel", () => {
  it("transposes column-major data under the labels, blanks for missing values", () => {
    const panel = { rows: 2, cols: 2, data: new Float64Array([1, 2, NaN, 4]) };
    expect(spillPanel(panel, ["A", "B"])).toEqual([
      ["A", "B"],
      [1, ""],
      [2, 4],
    ]);
    expect(spillPanel(panel, undefined)).toEqual([
      [1, ""],
      [2, 4],
    ]);
  });
});

describe("spillSquareMatrix", () => {
  it("labels across and down, with an error only in the undefined cell", () => {
    const matrix = { size: 2, data: new Float64Array([1, NaN, NaN, 1]) };
    const out = spillSquareMatrix(matrix, ["A", "B"], (i, j) => `pair ${i},${j} undefined`);
    expect(out[0]).toEqual(["", "A", "B"]);
    expect(out[1][0]).toBe("A");
    expect(out[1][1]).toBe(1);
    expect(errorCell(out[1][2])).toMatchObject({ code: "#N/A", message: "pair 0,1 undefined" });
    expect(errorCell(out[2][1])).toMatchObject({ message: "pair 1,0 undefined" });
    expect(out[2][2]).toBe(1);
  });

  it("builds a message only for the cells that need one (a 200 × 200 spill formats none)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.array(
            fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(NaN)),
            {
              minLength: n * n,
              maxLength: n * n,
            }
          )
        ),
        (values) => {
          const size = Math.round(Math.sqrt(values.length));
          const reason = jest.fn((i: number, j: number) => `${i},${j}`);
          const out = spillSquareMatrix(
            { size, data: Float64Array.from(values) },
            undefined,
            reason
          );
          expect(reason).toHaveBeenCalledTimes(values.filter((v) => Number.isNaN(v)).length);
          values.forEach((v, k) => {
            const cell = out[Math.floor(k / size)][k % size];
            if (Number.isNaN(v))
              expect(errorCell(cell)?.message).toBe(`${Math.floor(k / size)},${k % size}`);
            else expect(cell).toBe(v);
          });
        }
      )
    );
  });
});

describe("spillTable", () => {
  it("keeps text and booleans, checks numbers, and asks for a reason only for bad ones", () => {
    const reason = jest.fn((r: number, c: number) => `row ${r} column ${c}`);
    const out = spillTable(
      ["Name", "Value", "Flag"],
      [
        ["x", 1.5, true],
        ["y", NaN, false],
      ],
      reason
    );
    expect(out[0]).toEqual(["Name", "Value", "Flag"]);
    expect(out[1]).toEqual(["x", 1.5, true]);
    expect(errorCell(out[2][1])).toMatchObject({ code: "#N/A", message: "row 1 column 1" });
    expect(reason).toHaveBeenCalledTimes(1);
  });
});

describe("spillWeights", () => {
  it("labels the weights when the assets are named, else one bare column", () => {
    expect(spillWeights(["A", "B"], true, [0.4, 0.6])).toEqual([
      ["Asset", "Weight"],
      ["A", 0.4],
      ["B", 0.6],
    ]);
    expect(spillWeights(["A", "B"], false, [0.4, 0.6])).toEqual([[0.4], [0.6]]);
    expect(errorCell(spillWeights(["A"], false, [NaN])[0][0])?.message).toBe(
      "the weight of A is undefined"
    );
  });
});

describe("spillSquareMatrix's declared worst case", () => {
  it("is the worst case read from its cells, labelled or bare, with #N/A entries (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        fc.array(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity)), {
          minLength: 81,
          maxLength: 81,
        }),
        fc.array(fc.string({ maxLength: 12 }), { minLength: 9, maxLength: 9 }),
        (size, labelled, entries, names) => {
          const data = Float64Array.from(entries.slice(0, size * size));
          const labels = labelled ? names.slice(0, size) : undefined;
          const out = spillSquareMatrix({ size, data }, labels, (i, j) => `pair ${i}, ${j} é`);
          expect(declaredPayloadBound(out)).toBe(worstCaseOf(out));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("counts a hand case: 2 × 2 labelled with one #N/A", () => {
    const out = spillSquareMatrix(
      { size: 2, data: new Float64Array([1, NaN, 0.5, 1]) },
      ["BTC", "ETH"],
      () => "undefined"
    );
    // 3 rows: 8 of brackets; "" 3, BTC 12, ETH 12 twice; 3 numbers of 25; one error 48 + 27.
    expect(declaredPayloadBound(out)).toBe(8 + 3 + 2 * (12 + 12) + 3 * 25 + 75);
  });
});
