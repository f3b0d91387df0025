import { readReturns } from "../../../src/functions/common";
import { leaseScratch } from "../../../src/functions/parse/scratchLease";
import { usingPrices } from "../../../src/functions/prices";

describe("leaseScratch", () => {
  it("lends one array per lease and reuses it after release", () => {
    const first = leaseScratch();
    const a = first.allocate(10);
    expect(a.length).toBe(10);
    // A second allocation in the same lease must not overlap the first.
    const b = first.allocate(10);
    expect(b.buffer).not.toBe(a.buffer);
    first.release();
    const second = leaseScratch();
    const c = second.allocate(8);
    expect(c.buffer).toBe(a.buffer);
    second.release();
  });

  it("gives a nested lease fresh memory while the shared array is out", () => {
    const outer = leaseScratch();
    const a = outer.allocate(16);
    const inner = leaseScratch();
    const b = inner.allocate(16);
    expect(b.buffer).not.toBe(a.buffer);
    inner.release();
    // The inner release must not free the outer loan.
    const third = leaseScratch();
    expect(third.allocate(16).buffer).not.toBe(a.buffer);
    third.release();
    outer.release();
  });

  it("allocates fresh after release and for arrays too large to keep; a double release is harmless", () => {
    const lease = leaseScratch();
    lease.release();
    lease.release();
    expect(lease.allocate(4)).toEqual(new Float64Array(4));
    const big = leaseScratch();
    const huge = big.allocate(4 * 1024 * 1024 + 1);
    expect(huge.length).toBe(4 * 1024 * 1024 + 1);
    big.release();
  });
});

describe("prices in the scratch array", () => {
  const rangeA = [
    ["A", "B"],
    [100, 10],
    [110, 11],
    [99, 12.1],
  ];
  const rangeB = [
    ["C", "D"],
    [5, 50],
    [6, 40],
    [3, 60],
  ];

  it("returns never alias the scratch: a later read leaves an earlier result intact", () => {
    const first = readReturns(rangeA);
    const before = Array.from(first.returns.data);
    readReturns(rangeB);
    expect(Array.from(first.returns.data)).toEqual(before);
    // A: 100 → 110 → 99, B: 10 → 11 → 12.1.
    [0.1, 99 / 110 - 1, 0.1, 0.1].forEach((expected, k) =>
      expect(before[k]).toBeCloseTo(expected, 14)
    );
  });

  it("releases the scratch when reading fails, so the next read reuses it", () => {
    expect(() => usingPrices([["A"], ["x"]], null, () => 0)).toThrow();
    let shared: ArrayBufferLike | undefined;
    usingPrices(rangeA, null, (read) => {
      shared = read.panel.data.buffer;
    });
    const probe = leaseScratch();
    expect(probe.allocate(2).buffer).toBe(shared);
    probe.release();
  });
});
