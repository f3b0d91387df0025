/**
 * The arrays workers hand back: kept per size, lent once, and only when they span a plain buffer.
 */
type SpareArrays = typeof import("../../../src/functions/worker/spareArrays");

/** A fresh copy of the module, so each test starts with no kept arrays. */
function freshModule(): SpareArrays {
  let loaded: SpareArrays | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require("../../../src/functions/worker/spareArrays");
  });
  return loaded as SpareArrays;
}

describe("takeSpareArray and keepSpareArray", () => {
  it("lends a kept buffer of exactly the size asked for, once, with its old contents", () => {
    const { keepSpareArray, takeSpareArray } = freshModule();
    const spent = Float64Array.from([1, 2, 3, 4]);
    keepSpareArray(spent);
    const lent = takeSpareArray(4);
    expect(lent.buffer).toBe(spent.buffer);
    expect(Array.from(lent)).toEqual([1, 2, 3, 4]);
    // Lent once: the next call of that size gets fresh memory.
    const next = takeSpareArray(4);
    expect(next.buffer).not.toBe(spent.buffer);
    expect(Array.from(next)).toEqual([0, 0, 0, 0]);
  });

  it("gives a fresh array for any other size", () => {
    const { keepSpareArray, takeSpareArray } = freshModule();
    const spent = new Float64Array(6);
    keepSpareArray(spent);
    expect(takeSpareArray(5).buffer).not.toBe(spent.buffer);
    expect(takeSpareArray(6).buffer).toBe(spent.buffer);
  });

  it("keeps only arrays that span a plain buffer of their own", () => {
    const { keepSpareArray, takeSpareArray } = freshModule();
    const big = new Float64Array(8);
    keepSpareArray(big.subarray(0, 4));
    keepSpareArray(big.subarray(4));
    keepSpareArray(new Float64Array(0));
    expect(takeSpareArray(4).buffer).not.toBe(big.buffer);
    if (typeof SharedArrayBuffer === "function") {
      const shared = new Float64Array(new SharedArrayBuffer(32));
      keepSpareArray(shared);
      expect(takeSpareArray(4).buffer).not.toBe(shared.buffer);
    }
  });

  it("keeps the newest array of each size and at most two sizes", () => {
    const { keepSpareArray, takeSpareArray } = freshModule();
    const a1 = new Float64Array(2);
    const a2 = new Float64Array(2);
    const b = new Float64Array(3);
    const c = new Float64Array(5);
    keepSpareArray(a1);
    keepSpareArray(a2);
    keepSpareArray(a2);
    keepSpareArray(b);
    expect(takeSpareArray(2).buffer).toBe(a2.buffer);
    expect(takeSpareArray(2).buffer).not.toBe(a1.buffer);
    keepSpareArray(a2);
    keepSpareArray(c);
    // Kept in order b, a2, c: the third size pushes out the oldest, b.
    expect(takeSpareArray(3).buffer).not.toBe(b.buffer);
    expect(takeSpareArray(2).buffer).toBe(a2.buffer);
    expect(takeSpareArray(5).buffer).toBe(c.buffer);
  });
});
