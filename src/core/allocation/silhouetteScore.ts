import { CoreError } from "../errors";

/**
 * Mean silhouette width of a flat clustering, from condensed distances: how much closer each point
 * is to its own cluster than to the nearest other one, averaged over the points.
 *
 * Formula: for point i in cluster C with |C| > 1, a_i = Σ_{j∈C, j≠i} d_ij / (|C| − 1),
 * b_i = min_{C'≠C} Σ_{j∈C'} d_ij / |C'|, s_i = (b_i − a_i) / max(a_i, b_i) (0 when both are 0);
 * s_i = 0 for a singleton; the score is the mean of s_i.
 * Reference: Rousseeuw (1987), "Silhouettes: a graphical aid to the interpretation and validation
 * of cluster analysis", J. Comput. Appl. Math. 20. As `sklearn.metrics.silhouette_score(D, labels,
 * metric="precomputed")` (sklearn 1.2), checked against it in scripts/fixtures/hierarchical.py.
 * Complexity: O(n²) time, O(n·k) memory.
 *
 * @param distances condensed distances, length n(n−1)/2
 * @param labels the cluster (0 … k−1) of every point
 * @returns the mean silhouette in [−1, 1]
 * @throws CoreError INVALID_ARGUMENT when the lengths disagree, a label is not in 0 … k−1, or there
 *   are not 2 … n−1 clusters (the silhouette is undefined otherwise, as in sklearn)
 * @example silhouetteScore(Float64Array.of(1, 4, 4, 4, 4, 1), Int32Array.of(0, 0, 1, 1)); // a = 1, b = 4 → 0.75
 */
export function silhouetteScore(distances: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = labels.length;
  if (distances.length !== (n * (n - 1)) / 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `distances has ${distances.length} values for ${n} labels; pass n(n−1)/2 condensed distances`,
      { argument: "distances" }
    );
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= n) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `labels: point ${i + 1} has cluster ${c}; use 0 … k−1`,
        {
          argument: "labels",
          row: i,
        }
      );
    }
    k = Math.max(k, c + 1);
  }
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[labels[i]] += 1;
  let used = 0;
  for (let c = 0; c < k; c++) if (size[c] > 0) used++;
  if (used < 2 || used > n - 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `the silhouette needs 2 to ${n - 1} clusters of ${n} points; got ${used}`,
      { argument: "labels" }
    );
  }
  // sums[i·k + c] = Σ_{j∈c} d_ij, filled from the condensed upper triangle in one pass.
  const sums = new Float64Array(n * k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const ci = labels[i];
    for (let j = i + 1; j < n; j++, p++) {
      const d = distances[p];
      sums[i * k + labels[j]] += d;
      sums[j * k + ci] += d;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ci = labels[i];
    if (size[ci] < 2) continue;
    const a = sums[i * k + ci] / (size[ci] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === ci || size[c] === 0) continue;
      const mean = sums[i * k + c] / size[c];
      if (mean < b) b = mean;
    }
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale;
  }
  return total / n;
}
