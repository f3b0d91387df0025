import { CoreError } from "../errors";
import type { LinkageMatrix } from "../clustering/linkage";
import { cutTree } from "./cutTree";

/** Result of {@link twoDifferenceGapStatistic}. */
export interface TwoDifferenceGapResult {
  /** The chosen number of clusters k (1 when the tree is too small for the statistic to choose). */
  readonly clusters: number;
  /**
   * W_k for k = 1 … kMax (index k − 1): the sum over the clusters of the cut at k of the standard
   * deviation of their within-cluster distances; W_1 is −Infinity by convention (see below).
   */
  readonly dispersion: Float64Array;
}

/**
 * The number of clusters by the two-difference gap statistic, as Riskfolio-Lib's
 * `AuxFunctions.two_diff_gap_stat` (the k that `HCPortfolio(model="HERC"|"NCO")` uses by default).
 *
 * Method (Yue, Wang, Wei & Wang (2008), "A new and efficient method for the number of clusters",
 * as implemented by Riskfolio-Lib; a deterministic stand-in for the gap statistic of Tibshirani,
 * Walther & Hastie (2001) that Raffinot (2018) uses, which needs random reference draws, so a
 * recalculation would move):
 * 1. for k = 1 … kMax, kMax = ⌊min(maxClusters, √n) + 2⌋ (and ≤ n), cut the tree into k clusters
 *    ({@link cutTree}); W_k = Σ_clusters std(d_ij : i < j in the cluster) (population std, ddof 0,
 *    as numpy; singletons add nothing), with W_1 = −∞ so that k = 1 is never the argmax when a
 *    finite gap exists;
 * 2. gap_k = W_{k+2} + W_k − 2 W_{k+1} for k = 1 … kMax − 2; k* = the first k of largest gap.
 * When no finite gap exists (n ≤ 3: kMax − 2 < 2), k* = 1: Riskfolio also returns 1 for n = 3 and
 * fails for n = 2, where one cluster is the only choice the statistic can support.
 * Conventions: distances are those the tree was built from (condensed, as `linkage` takes them).
 * Complexity: O(kMax · n²) time (kMax ≤ 12 at the default), O(n) extra memory.
 *
 * @param distances condensed distances, length n(n−1)/2
 * @param link the linkage built from them
 * @param maxClusters the largest k considered, default 10 (as Riskfolio's max_k)
 * @returns the chosen k and the dispersions W_k
 * @throws CoreError INVALID_ARGUMENT when the lengths disagree or maxClusters is not a whole number ≥ 1
 * @example twoDifferenceGapStatistic(distances, linkage(distances, "ward")).clusters; // => 2 for two tight pairs
 */
export function twoDifferenceGapStatistic(
  distances: ArrayLike<number>,
  link: LinkageMatrix,
  maxClusters = 10
): TwoDifferenceGapResult {
  const n = link.leaves;
  if (distances.length !== (n * (n - 1)) / 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `distances has ${distances.length} values but the linkage has ${n} leaves; pass the distances the tree was built from`,
      { argument: "distances" }
    );
  }
  if (!Number.isInteger(maxClusters) || maxClusters < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxClusters must be a whole number of at least 1; got ${maxClusters}`,
      { argument: "maxClusters" }
    );
  }
  const kMax = Math.min(n, Math.floor(Math.min(maxClusters, Math.sqrt(n)) + 2));
  const dispersion = new Float64Array(kMax);
  dispersion[0] = -Infinity;
  for (let k = 2; k <= kMax; k++)
    dispersion[k - 1] = withinDispersion(distances, cutTree(link, k), k);
  let best = 1;
  let bestGap = -Infinity;
  for (let k = 2; k + 2 <= kMax; k++) {
    const gap = dispersion[k + 1] + dispersion[k - 1] - 2 * dispersion[k];
    if (gap > bestGap) {
      bestGap = gap;
      best = k;
    }
  }
  return { clusters: best, dispersion };
}

/** Σ over clusters of the population std of the within-cluster distances (two passes, for accuracy). */
function withinDispersion(distances: ArrayLike<number>, labels: Int32Array, k: number): number {
  const n = labels.length;
  const count = new Float64Array(k);
  const total = new Float64Array(k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    for (let j = i + 1; j < n; j++, p++) {
      if (labels[j] !== c) continue;
      count[c] += 1;
      total[c] += distances[p];
    }
  }
  const mean = new Float64Array(k);
  for (let c = 0; c < k; c++) mean[c] = count[c] > 0 ? total[c] / count[c] : 0;
  const squares = new Float64Array(k);
  p = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    for (let j = i + 1; j < n; j++, p++) {
      if (labels[j] !== c) continue;
      const d = distances[p] - mean[c];
      squares[c] += d * d;
    }
  }
  let w = 0;
  for (let c = 0; c < k; c++) if (count[c] > 0) w += Math.sqrt(squares[c] / count[c]);
  return w;
}
