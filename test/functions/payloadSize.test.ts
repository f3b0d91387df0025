import * as fc from "fast-check";
import { excelBoundary, excelBoundaryAsync } from "../../src/functions/boundary";
import {
  SAFE_PAYLOAD_BYTES,
  cellUpperBound,
  declarePayloadBound,
  declaredPayloadBound,
  estimatePayloadBytes,
  refuseOversizedResult,
} from "../../src/functions/payloadSize";

/** A rows × cols grid of numbers with full 17-digit mantissas (the longest JSON numbers). */
function grid(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => -(r * cols + c + 1) / 3e-7)
  );
}

/** What JSON.stringify writes for a grid, in UTF-8 bytes: the size Excel would carry. */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

describe("estimatePayloadBytes", () => {
  it("counts text, booleans and errors exactly, and small grids' numbers exactly", () => {
    expect(
      estimatePayloadBytes([
        [1, 2.5],
        ["BTC", true],
      ])
    ).toBe(2 + 4 + 12 + 6 + 3 * 2);
    expect(estimatePayloadBytes("é")).toBe(6);
    expect(estimatePayloadBytes([[{ code: "#N/A", message: "no price" }]])).toBe(48 + 24 + 2 * 2);
    expect(estimatePayloadBytes([1, 22, 333])).toBe(2 + 3 + 4 + 4 * 2);
    const numbers = grid(20, 50); // 1,000 cells: every row is measured
    expect(estimatePayloadBytes(numbers)).toBe(
      numbers.flat().reduce((sum, x) => sum + String(x).length + 1, 0) + 21 * 2
    );
  });

  it("estimates a 500 × 500 correlation matrix within 0.5 % of its JSON size", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647) * 2 - 1;
    const matrix = Array.from({ length: 500 }, (_, i) =>
      Array.from({ length: 500 }, (_, j) => (i === j ? 1 : random()))
    );
    const exact = jsonBytes(matrix);
    expect(Math.abs(estimatePayloadBytes(matrix) - exact) / exact).toBeLessThan(0.005);
  });

  it("measures whole rows, so a short date column beside long prices is not all it sees", () => {
    // 8,192 rows × (date serial, price): a cell stride would land on the dates alone.
    const rows = Array.from({ length: 8192 }, (_, t) => [45_000 + t, 40_000 / 3 + t / 7]);
    const exact = jsonBytes(rows);
    expect(Math.abs(estimatePayloadBytes(rows) - exact) / exact).toBeLessThan(0.02);
  });

  it("stays within 3 % of the JSON size of random grids of 100 cells or more (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 10, max: 60 }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (rows, cols, scale, seed) => {
          let state = seed;
          const next = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647) * scale;
          const values = Array.from({ length: rows }, () => Array.from({ length: cols }, next));
          const exact = jsonBytes(values);
          expect(Math.abs(estimatePayloadBytes(values) - exact) / exact).toBeLessThan(0.03);
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("refuseOversizedResult", () => {
  it("passes results under the cap, small ones without a look at their cells", () => {
    expect(() => refuseOversizedResult(grid(366, 40))).not.toThrow();
    const tiny = [
      [
        {
          get message(): string {
            throw new Error("looked at the cell");
          },
        },
      ],
    ];
    expect(() => refuseOversizedResult(tiny)).not.toThrow();
    expect(() => refuseOversizedResult(3)).not.toThrow();
  });

  it("passes a 500 × 500 matrix of full-precision numbers (about 4.9 MB), which Excel carries", () => {
    const matrix = Array.from({ length: 500 }, (_, i) =>
      Array.from({ length: 500 }, (_, j) => Math.sin(i * 500 + j + 1) * 0.999)
    );
    expect(jsonBytes(matrix)).toBeGreaterThan(4.6e6);
    expect(() => refuseOversizedResult(matrix)).not.toThrow();
  });

  it("refuses a result over the cap, saying how big, how many cells and what to do", () => {
    const cells = Math.ceil(SAFE_PAYLOAD_BYTES / 15) + 1000;
    const big = grid(Math.ceil(cells / 400), 400);
    expect(jsonBytes(big)).toBeGreaterThan(SAFE_PAYLOAD_BYTES);
    expect(() => refuseOversizedResult(big)).toThrow(
      /^the result is about \d\.\d MB \(\d{3},\d{3} cells\), more than Excel passes to a cell \(5 MB; it would stay #BUSY!\); ask for a shorter window or fewer assets, or use the pane's tables$/
    );
  });

  it("is applied at the boundary: the cell shows #VALUE! with the message", async () => {
    const big = grid(560, 560);
    expect(() => excelBoundary("CORRMATRIX", () => big)).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(/313,600 cells/) })
    );
    await expect(excelBoundaryAsync("HISTORY", async () => big)).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/more than Excel passes to a cell/),
    });
    expect(excelBoundary("VAR", () => [[1]])).toEqual([[1]]);
  });
});

describe("refuseOversizedResult's worst-case bound (indexed, counted per row)", () => {
  // The check as it was before the bound was rewritten, kept as the oracle: same constants.
  const MAX_NUMBER_BYTES = 25;
  const MAX_CELL_BYTES = 32_767 * 3 + 48;
  const oldCellBytes = (cell: unknown): number => {
    if (typeof cell === "number") return (Number.isFinite(cell) ? String(cell).length : 4) + 1;
    if (typeof cell === "string") return cell.length * 3 + 3;
    if (cell !== null && typeof cell === "object") {
      const message = (cell as { message?: unknown }).message;
      return 48 + (typeof message === "string" ? message.length * 3 : 0);
    }
    return 6;
  };
  const oldUpperBound = (grid: readonly unknown[]): number => {
    let bytes = 2 * grid.length + 2;
    for (const row of grid) {
      const cells: readonly unknown[] = Array.isArray(row) ? row : [row];
      for (const cell of cells) {
        bytes += typeof cell === "number" ? MAX_NUMBER_BYTES : oldCellBytes(cell);
      }
    }
    return bytes;
  };
  const oldRefuses = (result: unknown, maxBytes: number): boolean => {
    if (!Array.isArray(result)) return false;
    let cells = 0;
    for (const row of result) cells += Array.isArray(row) ? row.length : 1;
    if (cells * MAX_CELL_BYTES <= maxBytes) return false;
    if (oldUpperBound(result) <= maxBytes) return false;
    return estimatePayloadBytes(result) > maxBytes;
  };
  const message = (result: unknown, maxBytes: number): string | undefined => {
    try {
      refuseOversizedResult(result, maxBytes);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.double({ noNaN: false }) },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, undefined, "") },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 60 }).map((m) => ({ code: "#N/A", message: m })),
    }
  );
  const row = fc.oneof(
    { weight: 8, arbitrary: fc.array(cell, { maxLength: 12 }) },
    { weight: 1, arbitrary: cell }
  );

  it("refuses exactly what the for-of bound refused, with the same message (property)", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(), (grid, pick) => {
        const estimate = estimatePayloadBytes(grid);
        const bound = oldUpperBound(grid);
        // Caps on both sides of the estimate and of the worst case, where the decisions turn.
        const caps = [estimate - 1, estimate, bound - 1, bound, 1 + (pick % (bound + 1))];
        // The same grid with its worst case declared by its builder (declarePayloadBound).
        const declared = declarePayloadBound([...grid], bound);
        for (const cap of caps) {
          const refused = message(grid, cap);
          expect(refused !== undefined).toBe(oldRefuses(grid, cap));
          if (refused !== undefined) {
            expect(refused).toMatch(/^the result is about \d+\.\d MB \([\d,]+ cells\), more than/);
          }
          expect(message(declared, cap)).toBe(refused);
        }
      }),
      { numRuns: 500 }
    );
  });

  it("refuses a grid whose numbers are short but whose text is long, as the estimate says", () => {
    // 1,000 one-digit numbers and one long string: bound 2 + 2·2 + 1,000·25 + 3·20,000 + 3.
    const grid: unknown[][] = [new Array<number>(1000).fill(1), ["x".repeat(20_000)]];
    const estimate = estimatePayloadBytes(grid);
    expect(estimate).toBe(6 + 1000 * 2 + 60_003);
    expect(() => refuseOversizedResult(grid, estimate)).not.toThrow();
    expect(() => refuseOversizedResult(grid, estimate - 1)).toThrow(/1,001 cells/);
  });
});

describe("declarePayloadBound", () => {
  it("is what the check takes instead of reading the cells, for that grid only", () => {
    // 1,000 one-digit numbers and a 20,000-character text: worst case 85,009, estimate 62,009.
    const grid: unknown[][] = [new Array<number>(1000).fill(1), ["x".repeat(20_000)]];
    expect(declaredPayloadBound(grid)).toBeUndefined();
    expect(declarePayloadBound(grid, 85_009)).toBe(grid);
    expect(declaredPayloadBound(grid)).toBe(85_009);
    expect(declaredPayloadBound([...grid])).toBeUndefined();
    expect(declaredPayloadBound(3)).toBeUndefined();
    // Above the worst case: passed by it. Between estimate and worst case: passed by the estimate.
    expect(() => refuseOversizedResult(grid, 85_009)).not.toThrow();
    expect(() => refuseOversizedResult(grid, 62_009)).not.toThrow();
    expect(() => refuseOversizedResult(grid, 62_008)).toThrow(/1,001 cells/);
  });

  it("counts a cell as the worst case does: 25 for any number, other cells exactly", () => {
    expect(cellUpperBound(1)).toBe(25);
    expect(cellUpperBound(-1.2345678901234567e-308)).toBe(25);
    expect(cellUpperBound(NaN)).toBe(25);
    expect(cellUpperBound("BTC")).toBe(12);
    expect(cellUpperBound("")).toBe(3);
    expect(cellUpperBound(true)).toBe(6);
    expect(cellUpperBound(null)).toBe(6);
    expect(cellUpperBound({ code: "#N/A", message: "undefined" })).toBe(48 + 27);
  });
});
