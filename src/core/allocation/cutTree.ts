import { CoreError } from "../errors";
import type { LinkageMatrix } from "../clustering/linkage";

/**
 * Cuts a hierarchical clustering into k flat clusters: the groups left after the first n − k
 * merges of the linkage matrix, as `scipy.cluster.hierarchy.cut_tree(Z, n_clusters=k)`.
 *
 * Method: union-find over the rows 0 … n−k−1 (the merges below the cut), then the leaves are
 * labelled by their root. Merges are taken in row order, so tied merge heights are resolved as
 * cut_tree resolves them (scipy's `fcluster(Z, k, "maxclust")` may instead return fewer than k
 * clusters when heights tie at the cut).
 * Conventions: cluster labels are 0 … k−1 numbered by first appearance in the caller's asset order
 * (asset 0 is always in cluster 0), so a labelling does not depend on scipy's internal numbering.
 * Complexity: O(n α(n)) time, O(n) memory.
 *
 * @param link a linkage matrix from `linkage`
 * @param k the number of clusters, an integer in [1, n]
 * @returns a new Int32Array: the cluster (0 … k−1) of every leaf
 * @throws CoreError INVALID_ARGUMENT when k is not an integer in [1, n], or link is not a linkage matrix
 * @example cutTree(linkage(Float64Array.of(1, 4, 2), "single"), 2); // d01 = 1 merges first → Int32Array [0, 0, 1]
 */
export function cutTree(link: LinkageMatrix, k: number): Int32Array {
  const n = link.leaves;
  const z = link.data;
  if (!Number.isInteger(n) || n < 1 || z.length !== Math.max(n - 1, 0) * 4) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `linkage has ${z.length} values for ${n} leaves; pass the result of linkage()`,
      { argument: "linkage" }
    );
  }
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `clusters must be a whole number from 1 to ${n} (the number of assets); got ${k}`,
      { argument: "clusters" }
    );
  }
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (let r = 0; r < n - k; r++) {
    const a = z[r * 4];
    const b = z[r * 4 + 1];
    if (!(
      Number.isInteger(a) &&
      Number.isInteger(b) &&
      a >= 0 &&
      b >= 0 &&
      a < n + r &&
      b < n + r
    )) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `linkage: row ${r + 1} merges ${a} and ${b}, which are not earlier clusters; pass the result of linkage()`,
        { argument: "linkage", row: r }
      );
    }
    parent[find(parent, a)] = n + r;
    parent[find(parent, b)] = n + r;
  }
  const labelOfRoot = new Int32Array(2 * n - 1).fill(-1);
  const labels = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    if (labelOfRoot[root] < 0) labelOfRoot[root] = next++;
    labels[i] = labelOfRoot[root];
  }
  return labels;
}

function find(parent: Int32Array, start: number): number {
  let root = start;
  while (parent[root] !== root) root = parent[root];
  // Path compression: later finds are O(α(n)).
  let p = start;
  while (parent[p] !== root) {
    const next = parent[p];
    parent[p] = root;
    p = next;
  }
  return root;
}
