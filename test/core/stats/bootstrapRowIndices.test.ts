import { bootstrapRowIndices } from "../../../src/core/stats/bootstrapRowIndices";
import { seededRandom } from "../../../src/core/stats/seededRandom";

describe("bootstrapRowIndices", () => {
  it("maps each uniform u to ⌊u · rows⌋ (hand-worked)", () => {
    // u = 0, 0.34, 0.99, 0.5 on 3 rows → 0, 1, 2, 1 (only the first 3 are drawn).
    const stream = [0, 0.34, 0.99, 0.5];
    let k = 0;
    expect(Array.from(bootstrapRowIndices(3, () => stream[k++]))).toEqual([0, 1, 2]);
    expect(k).toBe(3);
  });

  it("gives the documented indices for seed 1 and fills a buffer in place", () => {
    expect(Array.from(bootstrapRowIndices(3, seededRandom(1)))).toEqual([1, 0, 1]);
    const buffer = new Int32Array(3);
    expect(bootstrapRowIndices(3, seededRandom(1), buffer)).toBe(buffer);
    expect(Array.from(buffer)).toEqual([1, 0, 1]);
  });

  it("draws every row about equally often", () => {
    const random = seededRandom(9);
    const counts = new Float64Array(10);
    for (let b = 0; b < 2000; b++) for (const i of bootstrapRowIndices(10, random)) counts[i]++;
    // 20,000 draws: 2,000 expected per row, standard deviation √(20000·0.1·0.9) ≈ 42.
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(250);
  });

  it("refuses a bad row count or buffer", () => {
    expect(() => bootstrapRowIndices(0, Math.random)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => bootstrapRowIndices(2.5, Math.random)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => bootstrapRowIndices(3, Math.random, new Int32Array(2))).toThrow(
      /buffer of length 3/
    );
  });
});
