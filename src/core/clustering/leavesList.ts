import { CoreError } from "../errors";
import type { LinkageMatrix } from "./linkage";

/**
 * The leaves of a hierarchical clustering in dendrogram order, left to right: the quasi-diagonal
 * order of López de Prado (2016) (`getQuasiDiag`), which puts similar assets next to each other.
 *
 * Method: a pre-order walk from the root (the last row), visiting the first merged cluster (column
 * 0, the smaller id) before the second, exactly as `scipy.cluster.hierarchy.leaves_list(Z)` and
 * `to_tree(Z).pre_order()` (PyPortfolioOpt `HRPOpt`).
 * Complexity: O(n) time and memory (an explicit stack, no recursion, so deep chains are safe).
 *
 * @param link a linkage matrix from {@link linkage}
 * @returns a new Int32Array of the n leaf ids (asset indices) in dendrogram order
 * @throws CoreError INVALID_ARGUMENT when the matrix is not a linkage tree (wrong length, forward or repeated references)
 * @example leavesList(linkage(Float64Array.of(1, 4, 2), "single")); // => Int32Array [2, 0, 1]
 */
export function leavesList(link: LinkageMatrix): Int32Array {
  const n = link.leaves;
  const z = link.data;
  if (!Number.isInteger(n) || n < 2 || z.length !== (n - 1) * 4) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `linkage has ${z.length} values for ${n} leaves; pass the result of linkage()`,
      { argument: "linkage" }
    );
  }
  const order = new Int32Array(n);
  const stack = new Int32Array(2 * n);
  let top = 0;
  let count = 0;
  // Each node may be reached once: this bounds the stack and rejects a matrix that is not a tree.
  const seen = new Uint8Array(2 * n - 1);
  stack[top++] = 2 * n - 2;
  while (top > 0) {
    const node = stack[--top];
    if (seen[node] === 1) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `linkage uses cluster ${node} twice; pass the result of linkage()`,
        { argument: "linkage" }
      );
    }
    seen[node] = 1;
    if (node < n) {
      order[count++] = node;
      continue;
    }
    const row = (node - n) * 4;
    const left = z[row];
    const right = z[row + 1];
    if (!(
      Number.isInteger(left) &&
      Number.isInteger(right) &&
      left >= 0 &&
      right >= 0 &&
      left < node &&
      right < node
    )) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `linkage: row ${node - n + 1} merges ${left} and ${right}, which are not earlier clusters; pass the result of linkage()`,
        { argument: "linkage", row: node - n }
      );
    }
    // Push the right child first so the left one is visited first.
    stack[top++] = right;
    stack[top++] = left;
  }
  if (count !== n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `linkage reaches ${count} of ${n} leaves; pass the result of linkage()`,
      { argument: "linkage" }
    );
  }
  return order;
}
