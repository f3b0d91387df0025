import fc from "fast-check";
import { ordinalRanksOnRowsInto } from "../../../src/core/correlation/ordinalRanksOnRowsInto";

/** The column's own rows in ascending order of value (ties by row), as a stable argsort gives. */
function sortedRowsOf(values: readonly number[]): Int32Array {
  const rows = values.flatMap((v, t) => (Number.isNaN(v) ? [] : [t]));
  return Int32Array.from(rows.sort((a, b) => values[a] - values[b] || a - b));
}

function ranksOn(values: readonly number[], subset: readonly number[]) {
  const position = new Int32Array(values.length).fill(-1);
  subset.forEach((t, k) => (position[t] = k));
  const n = subset.length;
  const order = new Int32Array(n);
  const ordinal = new Int32Array(n);
  const tieEnd = new Int32Array(n);
  const ties = ordinalRanksOnRowsInto(
    Float64Array.from(values),
    0,
    sortedRowsOf(values),
    position,
    order,
    ordinal,
    tieEnd
  );
  return {
    order: Array.from(order),
    ordinal: Array.from(ordinal),
    tieEnd: Array.from(tieEnd),
    ties,
  };
}

describe("ordinalRanksOnRowsInto", () => {
  it("ranks a hand-worked subset with a tie", () => {
    // values 5, 7, 5, 9, 5 on rows 0–4; subset rows 1, 2, 3, 4 hold 7, 5, 9, 5 (indices 0–3).
    // Ascending: 5 (row 2, index 1), 5 (row 4, index 3), 7 (index 0), 9 (index 2) → order 1, 3, 0, 2;
    // the two 5s share tie end 1; one tied pair.
    expect(ranksOn([5, 7, 5, 9, 5], [1, 2, 3, 4])).toEqual({
      order: [1, 3, 0, 2],
      ordinal: [2, 0, 3, 1],
      tieEnd: [2, 1, 3, 1],
      ties: 1,
    });
  });

  it("ties −0 with +0, as === does", () => {
    expect(ranksOn([0, -0, 1], [0, 1, 2]).ties).toBe(1);
  });

  it("gives ranks consistent with the values on any subset (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constant(NaN)), { maxLength: 80 }),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        (values, keep) => {
          const subset = values.flatMap((v, t) => (!Number.isNaN(v) && keep[t] ? [t] : []));
          const n = subset.length;
          const { order, ordinal, tieEnd, ties } = ranksOn(values, subset);
          const value = (k: number) => values[subset[k]];
          expect([...order].sort((a, b) => a - b)).toEqual(subset.map((_, k) => k));
          let naiveTies = 0;
          for (let k = 0; k < n; k++) {
            expect(order[ordinal[k]]).toBe(k);
            const equal = subset.map((_, l) => l).filter((l) => value(l) === value(k));
            const lower = subset.filter((_, l) => value(l) < value(k)).length;
            expect(tieEnd[k]).toBe(lower + equal.length - 1);
            expect(ordinal[k]).toBeGreaterThanOrEqual(lower);
            expect(ordinal[k]).toBeLessThanOrEqual(tieEnd[k]);
            for (let l = k + 1; l < n; l++) if (value(l) === value(k)) naiveTies++;
          }
          expect(ties).toBe(naiveTies);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("returns 0 for an empty subset (no throw)", () => {
    expect(ranksOn([1, 2], []).ties).toBe(0);
  });

  it("leaves its inputs unchanged", () => {
    const data = Float64Array.of(5, 7, 5);
    const sortedRows = Int32Array.of(0, 2, 1);
    const position = Int32Array.of(0, -1, 1);
    ordinalRanksOnRowsInto(
      data,
      0,
      sortedRows,
      position,
      new Int32Array(2),
      new Int32Array(2),
      new Int32Array(2)
    );
    expect(Array.from(data)).toEqual([5, 7, 5]);
    expect(Array.from(sortedRows)).toEqual([0, 2, 1]);
    expect(Array.from(position)).toEqual([0, -1, 1]);
  });
});
