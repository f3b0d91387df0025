import fc from "fast-check";
import { kendallTauFromOrder } from "./kendallTauMergeSortReference";
import { kendallTauFromRanks } from "../../../src/core/correlation/kendallTauFromRanks";
import { ordinalRanksOnRowsInto } from "../../../src/core/correlation/ordinalRanksOnRowsInto";
import { sortOrderInto } from "../../../src/core/ranks/sortOrderInto";

interface Ranked {
  order: Int32Array;
  ordinal: Int32Array;
  tieEnd: Int32Array;
  ties: number;
}

/** Ranks one series over the given common rows, the way kendallCorrelationMatrix does. */
function rankOn(values: readonly number[], common: readonly number[]): Ranked {
  const own = values.flatMap((v, t) => (Number.isNaN(v) ? [] : [t]));
  const gathered = own.map((t) => values[t]);
  const m = own.length;
  const local = sortOrderInto(
    gathered,
    m,
    new Float64Array(m),
    new Int32Array(m),
    new Int32Array(m)
  );
  const sortedRows = Int32Array.from(local, (k) => own[k]);
  const position = new Int32Array(values.length).fill(-1);
  common.forEach((t, k) => (position[t] = k));
  const n = common.length;
  const ranked = {
    order: new Int32Array(n),
    ordinal: new Int32Array(n),
    tieEnd: new Int32Array(n),
    ties: 0,
  };
  ranked.ties = ordinalRanksOnRowsInto(
    Float64Array.from(values),
    0,
    sortedRows,
    position,
    ranked.order,
    ranked.ordinal,
    ranked.tieEnd
  );
  return ranked;
}

/** Tau-b over the rows where both series have a value (NaN = missing), through the kernel. */
function tau(x: readonly number[], y: readonly number[]): number {
  const common = x.flatMap((v, t) => (Number.isNaN(v) || Number.isNaN(y[t]) ? [] : [t]));
  const n = common.length;
  const rx = rankOn(x, common);
  const ry = rankOn(y, common);
  const seen = new Int32Array(n);
  const value = kendallTauFromRanks(
    rx.order,
    rx.tieEnd,
    rx.ties,
    ry.ordinal,
    ry.tieEnd,
    ry.ties,
    n,
    new Int32Array(n + 150),
    seen,
    new Int32Array(n)
  );
  expect(seen.every((v) => v === 0)).toBe(true);
  return value;
}

/** O(n²) tau-b straight from the definition, on the pairwise-complete rows: an independent reference. */
function naiveTauB(x: readonly number[], y: readonly number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  x.forEach((v, t) => {
    if (!Number.isNaN(v) && !Number.isNaN(y[t])) {
      xs.push(v);
      ys.push(y[t]);
    }
  });
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const a = Math.sign(xs[i] - xs[j]);
      const b = Math.sign(ys[i] - ys[j]);
      s += a * b;
      if (a === 0) tx++;
      if (b === 0) ty++;
    }
  }
  const n0 = (xs.length * (xs.length - 1)) / 2;
  return s / Math.sqrt((n0 - tx) * (n0 - ty));
}

/** The merge-sort kernel on the same pairwise-complete rows, for bit-for-bit comparison. */
function mergeSortTau(x: readonly number[], y: readonly number[]): number {
  const keep = x.flatMap((v, t) => (Number.isNaN(v) || Number.isNaN(y[t]) ? [] : [t]));
  const xs = keep.map((t) => x[t]);
  const ys = keep.map((t) => y[t]);
  const n = xs.length;
  const order = sortOrderInto(xs, n, new Float64Array(n), new Int32Array(n), new Int32Array(n));
  return kendallTauFromOrder(xs, ys, order, n, new Float64Array(n), new Float64Array(n));
}

/** Series with few distinct values (many ties in x, in y and in both) and some NaN. */
const tiedSeriesPair = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN)),
      fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constant(NaN))
    ),
    { minLength: 2, maxLength: 300 }
  )
  .map((pairs) => ({ x: pairs.map((p) => p[0]), y: pairs.map((p) => p[1]) }));

describe("kendallTauFromRanks", () => {
  it("counts a hand-worked case without ties", () => {
    // x = 1, 2, 3, 4; y = 1, 3, 2, 4: of 6 pairs only (2, 3) is discordant → (5 − 1) / 6 = 2/3
    expect(tau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(2 / 3, 15);
  });

  it("counts a hand-worked case with ties in x, in y and in both", () => {
    // x = 1, 1, 2, 2, 3; y = 5, 5, 4, 6, 4. Pairs (10): (1,2) joint tie, (3,4) x-tie,
    // (3,5) y-tie, (1,3) D, (1,4) C, (1,5) D, (2,3) D, (2,4) C, (2,5) D, (4,5) D →
    // n_c − n_d = 2 − 5 = −3; n₀ = 10, n₁ = 2, n₂ = 2 → τ_b = −3 / √(8 · 8) = −0.375
    expect(tau([1, 1, 2, 2, 3], [5, 5, 4, 6, 4])).toBeCloseTo(-0.375, 15);
  });

  it("drops rows where either series is NaN (pairwise-complete)", () => {
    // Rows 0, 2, 3 remain: x = 1, 3, 4; y = 3, 1, 2 → pairs (0,2) D, (0,3) D, (2,3) C → −1/3
    expect(tau([1, 2, 3, 4, NaN], [3, NaN, 1, 2, 9])).toBeCloseTo(-1 / 3, 15);
  });

  it("is exactly ±1 for a strictly monotone relation across several words", () => {
    const x = Array.from({ length: 200 }, (_, i) => i);
    expect(
      tau(
        x,
        x.map((v) => v * v)
      )
    ).toBe(1);
    expect(
      tau(
        x,
        x.map((v) => -v)
      )
    ).toBe(-1);
  });

  it("equals the O(n²) definition on tie-heavy random data with NaN (property)", () => {
    fc.assert(
      fc.property(tiedSeriesPair, ({ x, y }) => {
        const want = naiveTauB(x, y);
        const got = tau(x, y);
        if (Number.isFinite(want)) expect(got).toBeCloseTo(want, 13);
        else expect(got).toBeNaN();
      }),
      { numRuns: 200 }
    );
  });

  it("gives the same double as the merge-sort kernel, with and without ties (property)", () => {
    const distinctPair = fc
      .uniqueArray(fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), {
        minLength: 2,
        maxLength: 400,
      })
      .chain((x) =>
        fc.shuffledSubarray(x, { minLength: x.length, maxLength: x.length }).map((y) => ({ x, y }))
      );
    fc.assert(
      fc.property(fc.oneof(tiedSeriesPair, distinctPair), ({ x, y }) => {
        const want = mergeSortTau(x, y);
        if (Number.isNaN(want)) expect(tau(x, y)).toBeNaN();
        else expect(tau(x, y)).toBe(want);
      }),
      { numRuns: 200 }
    );
  });

  it("gives the merge-sort kernel's double past 2,048 rows, where the group tree starts", () => {
    let s = 12345;
    const next = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    for (const [n, levels] of [
      [2049, 0],
      [4500, 0],
      [6200, 0],
      [4500, 300],
    ]) {
      // levels 0: continuous (no ties); otherwise values on a grid, with NaN gaps.
      const draw = () => (levels ? Math.floor(next() * levels) : next());
      const x = Array.from({ length: n }, () => (levels && next() < 0.02 ? NaN : draw()));
      const y = x.map((v) => 0.5 * v + draw());
      expect(tau(x, y)).toBe(mergeSortTau(x, y));
    }
  });

  it("returns NaN (no throw: the caller names the constant column) when a series is constant", () => {
    expect(tau([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(tau([1, 2, 3], [0, -0, 0])).toBeNaN();
  });

  it("leaves its rank inputs unchanged", () => {
    const x = [3, 1, 2, 2, 5];
    const y = [1, 4, 2, 3, 3];
    const all = [0, 1, 2, 3, 4];
    const rx = rankOn(x, all);
    const ry = rankOn(y, all);
    const before = [rx.order, rx.tieEnd, ry.ordinal, ry.tieEnd].map((a) => Array.from(a));
    kendallTauFromRanks(
      rx.order,
      rx.tieEnd,
      rx.ties,
      ry.ordinal,
      ry.tieEnd,
      ry.ties,
      5,
      new Int32Array(155),
      new Int32Array(5),
      new Int32Array(5)
    );
    expect([rx.order, rx.tieEnd, ry.ordinal, ry.tieEnd].map((a) => Array.from(a))).toEqual(before);
  });
});
