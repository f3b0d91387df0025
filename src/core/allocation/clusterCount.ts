import { CoreError } from "../errors";
import type { LinkageMatrix } from "../clustering/linkage";
import { cutTree } from "./cutTree";
import { silhouetteScore } from "./silhouetteScore";
import { twoDifferenceGapStatistic } from "./twoDifferenceGapStatistic";

/**
 * How to choose the number of clusters: a given count, or the name of a rule that picks one from
 * the tree, "gap" or "silhouette" (any case, as an Excel option arrives).
 */
export type ClusterCountRule = number | string;

/**
 * The number of flat clusters to cut a tree into, for HERC and NCO: a count given by the caller,
 * the two-difference gap statistic ("gap", {@link twoDifferenceGapStatistic}), or the cut of
 * largest mean silhouette ("silhouette", {@link silhouetteScore}).
 *
 * "silhouette": k* = argmax_{k = 2 … min(maxClusters, n − 1)} silhouette(cutTree(link, k)), the
 * first on ties; 1 when n ≤ 2 (the silhouette needs 2 … n − 1 clusters). López de Prado (2020),
 * "Machine Learning for Asset Managers", §4.4, scores K-means partitions by silhouettes (the mean
 * over their standard deviation); here the partitions are the cuts of the one hierarchical tree,
 * which is deterministic, and the plain mean (sklearn's `silhouette_score`) is the score.
 * The search is bounded by maxClusters (default 10) so its cost stays O(maxClusters · n²).
 * Complexity: O(min(maxClusters, √n) · n²) for "gap", O(maxClusters · n²) for "silhouette".
 *
 * @param distances condensed distances the tree was built from
 * @param link the linkage matrix
 * @param rule a whole number in [1, n], "gap" or "silhouette" (case-insensitive)
 * @param maxClusters the largest k a rule may choose (default 10)
 * @returns k, a whole number in [1, n]
 * @throws CoreError INVALID_ARGUMENT for an unknown rule, a count outside [1, n], or maxClusters < 1
 * @example clusterCount(distances, tree, 3); // => 3
 */
export function clusterCount(
  distances: ArrayLike<number>,
  link: LinkageMatrix,
  rule: ClusterCountRule,
  maxClusters = 10
): number {
  const n = link.leaves;
  if (typeof rule === "number") {
    if (!Number.isInteger(rule) || rule < 1 || rule > n) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `clusters must be a whole number from 1 to ${n} (the number of assets), "gap" or "silhouette"; got ${rule}`,
        { argument: "clusters" }
      );
    }
    return rule;
  }
  if (!Number.isInteger(maxClusters) || maxClusters < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxClusters must be a whole number of at least 1; got ${maxClusters}`,
      { argument: "maxClusters" }
    );
  }
  const chosen = String(rule).toLowerCase();
  if (chosen === "gap") return twoDifferenceGapStatistic(distances, link, maxClusters).clusters;
  if (chosen !== "silhouette") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `clusters must be a whole number, "gap" or "silhouette"; got "${rule}"`,
      { argument: "clusters" }
    );
  }
  if (distances.length !== (n * (n - 1)) / 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `distances has ${distances.length} values but the linkage has ${n} leaves; pass the distances the tree was built from`,
      { argument: "distances" }
    );
  }
  let best = 1;
  let bestScore = -Infinity;
  for (let k = 2; k <= Math.min(maxClusters, n - 1); k++) {
    const score = silhouetteScore(distances, cutTree(link, k));
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}
