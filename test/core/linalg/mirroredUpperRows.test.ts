import fc from "fast-check";
import { mirroredUpperRows } from "../../../src/core/linalg/mirroredUpperRows";

describe("mirroredUpperRows", () => {
  it("mirrors a whole upper triangle, ignoring the source's lower triangle and padding (hand-worked)", () => {
    // Row stride 3 for a 2 × 2 matrix: the third entry of each row is padding; 9 sits below the diagonal.
    const source = new Float64Array([1, 2, -7, 9, 5, -7]);
    expect(Array.from(mirroredUpperRows(source, 3, 2, 2))).toEqual([1, 2, 2, 5]);
  });

  it("copies only the first rows and their mirror, leaving the trailing block 0", () => {
    const source = Float64Array.from({ length: 9 }, (_, k) => k + 1); // [[1,2,3],[4,5,6],[7,8,9]]
    expect(Array.from(mirroredUpperRows(source, 3, 1, 3))).toEqual([1, 2, 3, 2, 0, 0, 3, 0, 0]);
  });

  it("equals the definition on random sizes, strides and values (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 1000 }),
        (size, pad, rowSeed, seed) => {
          const ld = size + pad;
          const rowCount = rowSeed % (size + 1);
          const source = Float64Array.from({ length: size * ld }, (_, k) => Math.sin(seed + k));
          const out = mirroredUpperRows(source, ld, rowCount, size);
          for (let i = 0; i < size; i++) {
            for (let j = 0; j < size; j++) {
              const [r, c] = i <= j ? [i, j] : [j, i];
              const expected = r < rowCount ? source[r * ld + c] : 0;
              if (!Object.is(out[i * size + j], expected)) return false;
            }
          }
          return true;
        }
      )
    );
  });
});
