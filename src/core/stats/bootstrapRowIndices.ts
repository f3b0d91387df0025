import { CoreError } from "../errors";

/**
 * Row indices of one bootstrap resample: `rows` draws with replacement, uniformly from 0 … rows − 1.
 *
 * Method: Efron's nonparametric bootstrap (Efron 1979, "Bootstrap methods: another look at the
 * jackknife", Ann. Statist. 7(1)); draw k = ⌊u · rows⌋ for each uniform u of `random` in turn (u < 1,
 * so k < rows; the bias of ⌊u·rows⌋ for a 32-bit u is below rows / 2³², negligible for any sheet).
 * Whole rows are drawn so each resample keeps the cross-sectional dependence of a date.
 * Conventions: `random` is consumed exactly `rows` times, in row order, so a seeded stream
 * ({@link seededRandom}) gives the same indices on every run.
 * Complexity: O(rows).
 *
 * @param rows number of rows to draw from (and to draw), at least 1
 * @param random a uniform [0, 1) generator
 * @param into optional buffer of length `rows` to fill (reused across resamples)
 * @returns the indices, one per draw
 * @throws CoreError INVALID_ARGUMENT (rows not a whole number ≥ 1; into of the wrong length)
 * @example bootstrapRowIndices(3, seededRandom(1)); // => Int32Array [1, 0, 1]
 */
export function bootstrapRowIndices(
  rows: number,
  random: () => number,
  into?: Int32Array
): Int32Array {
  if (!Number.isInteger(rows) || rows < 1) {
    throw new CoreError("INVALID_ARGUMENT", `rows must be a whole number ≥ 1; got ${rows}`, {
      argument: "rows",
    });
  }
  if (into !== undefined && into.length !== rows) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `into has ${into.length} entries for ${rows} draws; pass a buffer of length ${rows}`,
      { argument: "into" }
    );
  }
  const out = into ?? new Int32Array(rows);
  for (let t = 0; t < rows; t++) out[t] = Math.floor(random() * rows);
  return out;
}
