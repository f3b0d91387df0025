import fc from "fast-check";
import { kendallTauFromOrder } from "./kendallTauMergeSortReference";
import { sortOrderInto } from "../../../src/core/ranks/sortOrderInto";
import { loadFixture } from "./correlationTestKit";

function tau(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const order = sortOrderInto(x, n, new Float64Array(n), new Int32Array(n), new Int32Array(n));
  return kendallTauFromOrder(x, y, order, n, new Float64Array(n), new Float64Array(n));
}

function naiveTauB(x: readonly number[], y: readonly number[]): number {
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      s += a * b;
      if (a === 0) tx++;
      if (b === 0) ty++;
    }
  }
  const n0 = (x.length * (x.length - 1)) / 2;
  return s / Math.sqrt((n0 - tx) * (n0 - ty));
}

describe("kendallTauFromOrder", () => {
  it("counts a hand-worked case: one swap among three", () => {
    // x = 1, 2, 3; y = 1, 3, 2: one discordant pair of 3 → (2 − 1) / 3
    expect(tau([1, 2, 3], [1, 3, 2])).toBeCloseTo(1 / 3, 15);
  });

  it("matches scipy.stats.kendalltau on the fixture's tie-heavy columns (1e-14)", () => {
    const fx = loadFixture("matrices.json");
    const data = fx.ties.data as number[][];
    const col = (j: number) => data.map((r) => r[j]);
    expect(tau(col(0), col(1))).toBeCloseTo(fx.ties.kendall[0][1], 14);
    expect(tau(col(2), col(4))).toBeCloseTo(fx.ties.kendall[2][4], 14);
  });

  it("equals the O(n²) definition past the insertion-run and merge boundaries (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 2,
          maxLength: 200,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const want = naiveTauB(x, y);
          const got = tau(x, y);
          if (Number.isFinite(want)) expect(got).toBeCloseTo(want, 13);
          else expect(got).toBeNaN();
        }
      ),
      { numRuns: 100 }
    );
  });

  it("returns NaN (no throw: the caller names the constant column) when a series is constant", () => {
    expect(tau([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(tau([1, 2, 3], [0, 0, 0])).toBeNaN();
  });

  it("leaves x, y and the order unchanged", () => {
    const x = Object.freeze([3, 1, 2, 2]);
    const y = Object.freeze([1, 4, 2, 3]);
    const order = sortOrderInto(x, 4, new Float64Array(4), new Int32Array(4), new Int32Array(4));
    const before = Array.from(order);
    kendallTauFromOrder(x, y, order, 4, new Float64Array(4), new Float64Array(4));
    expect(x).toEqual([3, 1, 2, 2]);
    expect(y).toEqual([1, 4, 2, 3]);
    expect(Array.from(order)).toEqual(before);
  });
});
