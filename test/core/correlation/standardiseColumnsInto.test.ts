import fc from "fast-check";
import { standardiseColumnsInto } from "../../../src/core/correlation/standardiseColumnsInto";

describe("standardiseColumnsInto", () => {
  it("matches a hand-worked column: 1, 2, 3 → (x − 2) / √2", () => {
    const pack = new Float64Array(4).fill(9);
    const zero = new Uint8Array(1);
    standardiseColumnsInto(
      Float64Array.of(1, 2, 3),
      3,
      [0],
      Int32Array.of(0, 1, 2),
      pack,
      0,
      4,
      zero,
      0
    );
    expect(pack[0]).toBeCloseTo(-Math.SQRT1_2, 15);
    expect(pack[1]).toBe(0);
    expect(pack[2]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(pack[3]).toBe(0); // padding row zeroed
    expect(zero[0]).toBe(0);
  });

  it("gives unit-norm, zero-mean columns over scattered or contiguous rows (random data)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (rows, cols, seed, scattered) => {
          const data = Float64Array.from(
            { length: rows * cols },
            (_, k) => Math.sin(seed + k * 1.7) * 1e-3
          );
          const over = Int32Array.from(
            { length: scattered ? Math.ceil(rows / 2) : rows },
            (_, k) => (scattered ? 2 * k : k)
          );
          const n = over.length;
          const ld = n + 3;
          const pack = new Float64Array(cols * ld).fill(7);
          const zero = new Uint8Array(cols);
          standardiseColumnsInto(
            data,
            rows,
            Array.from({ length: cols }, (_, j) => j),
            over,
            pack,
            0,
            ld,
            zero,
            0
          );
          for (let p = 0; p < cols; p++) {
            const column = pack.subarray(p * ld, p * ld + n);
            const sum = column.reduce((a, b) => a + b, 0);
            const squares = column.reduce((a, b) => a + b * b, 0);
            if (n >= 2 && zero[p] === 0 && (Math.abs(sum) > 1e-12 || Math.abs(squares - 1) > 1e-12))
              return false;
            if (pack.subarray(p * ld + n, (p + 1) * ld).some((v) => v !== 0)) return false;
          }
          return true;
        }
      )
    );
  });

  it("flags a constant column and packs it as zeros, at zeroStart", () => {
    const pack = new Float64Array(8).fill(5);
    const zero = new Uint8Array(3).fill(1);
    standardiseColumnsInto(
      Float64Array.of(2, 2, 2, 1, 5, 9),
      3,
      [0, 1],
      Int32Array.of(0, 1, 2),
      pack,
      0,
      4,
      zero,
      1
    );
    expect(Array.from(zero)).toEqual([1, 1, 0]);
    expect(Array.from(pack.subarray(0, 4))).toEqual([0, 0, 0, 0]);
  });

  it("does not modify its data", () => {
    const data = Float64Array.of(1, 4, 2, 8);
    standardiseColumnsInto(
      data,
      4,
      [0],
      Int32Array.of(0, 1, 2, 3),
      new Float64Array(4),
      0,
      4,
      new Uint8Array(1),
      0
    );
    expect(Array.from(data)).toEqual([1, 4, 2, 8]);
  });
});
