import { CoreError } from "../errors";

/** Linkage criteria, as `scipy.cluster.hierarchy.linkage`'s `method`. */
export type LinkageMethod = "single" | "average" | "complete" | "ward";

/** A hierarchical clustering in scipy's linkage-matrix layout. */
export interface LinkageMatrix {
  /** Number of original observations (leaves), n ≥ 2. */
  readonly leaves: number;
  /**
   * (n − 1) × 4 row-major: row k merges clusters a < b at distance d into cluster n + k of the
   * given size. Ids below n are leaves (assets); id n + k is the cluster formed in row k.
   */
  readonly data: Float64Array;
}

const METHODS: readonly LinkageMethod[] = ["single", "average", "complete", "ward"];

/**
 * Agglomerative hierarchical clustering of n observations from their condensed distances, exactly
 * as `scipy.cluster.hierarchy.linkage(y, method)` (scipy 1.10), including its tie-breaking and
 * cluster numbering.
 *
 * Algorithms (those of scipy, after Müllner 2011, "Modern hierarchical, agglomerative clustering
 * algorithms", arXiv:1109.2378):
 * - "single": Prim's minimum spanning tree, O(n²) time;
 * - "average" (UPGMA), "complete", "ward": the nearest-neighbour chain, O(n²) time, with the
 *   Lance–Williams updates d(i, x∪y) = (n_x d_xi + n_y d_yi)/(n_x + n_y) (average), max(d_xi, d_yi)
 *   (complete) and √(((n_i+n_x) d_xi² + (n_i+n_y) d_yi² − n_i d_xy²)/(n_i+n_x+n_y)) (Ward, applied
 *   to the given distances, as scipy does: Euclidean inputs give Ward's variance criterion).
 * The merges are then stably sorted by distance and relabelled with a union-find, so row k merges
 * the clusters holding its two members, the smaller id first, as scipy's `label`.
 * Conventions: distances must be finite and ≥ 0 (they need not be a metric).
 * Complexity: O(n²) time, O(n²) memory (one working copy of the condensed distances).
 *
 * @param distances condensed distances, length n(n−1)/2 (as `scipy.spatial.distance.pdist`)
 * @param method "single" (default), "average", "complete" or "ward" (case-insensitive)
 * @returns the linkage matrix
 * @throws CoreError INVALID_ARGUMENT when the length is not n(n−1)/2, a distance is negative, or the method is unknown
 * @throws CoreError TOO_FEW_POINTS when there are fewer than two observations
 * @throws CoreError NON_FINITE for a NaN or ±Infinity distance (with its position)
 * @example linkage(Float64Array.of(1, 4, 2), "single").data;
 *   // d01 = 1, d02 = 4, d12 = 2 → [0, 1, 1, 2,  2, 3, 2, 3]
 */
export function linkage(
  distances: ArrayLike<number>,
  method: string | null = "single"
): LinkageMatrix {
  const chosen = (method ?? "single").toLowerCase() as LinkageMethod;
  if (!METHODS.includes(chosen)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `linkage must be "single", "average", "complete" or "ward"; got "${method}"`,
      { argument: "linkage" }
    );
  }
  const n = observationCount(distances.length);
  for (let k = 0; k < distances.length; k++) {
    const d = distances[k];
    if (!Number.isFinite(d)) {
      throw new CoreError(
        "NON_FINITE",
        `distances: value ${k + 1} is not a finite number; fix the distance matrix`,
        { argument: "distances", row: k }
      );
    }
    if (d < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `distances: value ${k + 1} is ${d}; distances must be 0 or more`,
        { argument: "distances", row: k }
      );
    }
  }
  const merges =
    chosen === "single"
      ? primSingleLinkage(distances, n)
      : nearestNeighbourChain(distances, n, chosen);
  return { leaves: n, data: sortAndLabel(merges, n) };
}

function observationCount(length: number): number {
  const n = Math.round((1 + Math.sqrt(1 + 8 * length)) / 2);
  if ((n * (n - 1)) / 2 !== length) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `distances has ${length} values, which is not n(n−1)/2 for any n; pass the condensed upper triangle`,
      { argument: "distances" }
    );
  }
  if (length === 0) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      "distances is empty; clustering needs at least two observations",
      { argument: "distances" }
    );
  }
  return n;
}

/** Index of pair (i, j), i ≠ j, in the condensed vector (scipy's `condensed_index`). */
function condensedIndex(n: number, i: number, j: number): number {
  return i < j ? n * i - (i * (i + 1)) / 2 + (j - i - 1) : n * j - (j * (j + 1)) / 2 + (i - j - 1);
}

/** scipy's `mst_single_linkage`: Prim's algorithm, recording (last added node, next node, distance). */
function primSingleLinkage(distances: ArrayLike<number>, n: number): Float64Array {
  const z = new Float64Array((n - 1) * 4);
  const merged = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  let x = 0;
  let y = 0;
  for (let k = 0; k < n - 1; k++) {
    let currentMin = Infinity;
    merged[x] = 1;
    for (let i = 0; i < n; i++) {
      if (merged[i] === 1) continue;
      const d = distances[condensedIndex(n, x, i)];
      if (nearest[i] > d) nearest[i] = d;
      if (nearest[i] < currentMin) {
        y = i;
        currentMin = nearest[i];
      }
    }
    z[k * 4] = x;
    z[k * 4 + 1] = y;
    z[k * 4 + 2] = currentMin;
    x = y;
  }
  return z;
}

/** scipy's `nn_chain` with the Lance–Williams update of the chosen method. */
function nearestNeighbourChain(
  distances: ArrayLike<number>,
  n: number,
  method: LinkageMethod
): Float64Array {
  const z = new Float64Array((n - 1) * 4);
  const d = Float64Array.from(distances);
  const size = new Int32Array(n).fill(1);
  const chain = new Int32Array(n);
  let chainLength = 0;
  let x = 0;
  let y = 0;
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chainLength = 1;
      for (let i = 0; i < n; i++) {
        if (size[i] > 0) {
          chain[0] = i;
          break;
        }
      }
    }
    for (;;) {
      x = chain[chainLength - 1];
      let currentMin: number;
      // Prefer the previous chain element on ties, or the chain could cycle.
      if (chainLength > 1) {
        y = chain[chainLength - 2];
        currentMin = d[condensedIndex(n, x, y)];
      } else {
        currentMin = Infinity;
      }
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === x) continue;
        const dist = d[condensedIndex(n, x, i)];
        if (dist < currentMin) {
          currentMin = dist;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) {
        z[k * 4 + 2] = currentMin;
        break;
      }
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) {
      const swap = x;
      x = y;
      y = swap;
    }
    const nx = size[x];
    const ny = size[y];
    const dxy = z[k * 4 + 2];
    z[k * 4] = x;
    z[k * 4 + 1] = y;
    z[k * 4 + 3] = nx + ny;
    size[x] = 0;
    size[y] = nx + ny;
    for (let i = 0; i < n; i++) {
      const ni = size[i];
      if (ni === 0 || i === y) continue;
      const ix = condensedIndex(n, i, x);
      const iy = condensedIndex(n, i, y);
      d[iy] = updatedDistance(method, d[ix], d[iy], dxy, nx, ny, ni);
    }
  }
  return z;
}

function updatedDistance(
  method: LinkageMethod,
  dxi: number,
  dyi: number,
  dxy: number,
  nx: number,
  ny: number,
  ni: number
): number {
  switch (method) {
    case "complete":
      return dxi > dyi ? dxi : dyi;
    case "average":
      return (nx * dxi + ny * dyi) / (nx + ny);
    case "ward": {
      const t = 1 / (nx + ny + ni);
      const squared = (ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy;
      // Clip at 0: for Euclidean-embeddable inputs the sum is ≥ 0 but rounding can dip below.
      return Math.sqrt(squared > 0 ? squared : 0);
    }
    default:
      return dxi < dyi ? dxi : dyi;
  }
}

/**
 * scipy's post-processing: a stable sort of the merges by distance (numpy mergesort), then
 * union-find relabelling (`label`) so each row names the current clusters, smaller id first.
 */
function sortAndLabel(z: Float64Array, n: number): Float64Array {
  const rows = n - 1;
  const order = Array.from({ length: rows }, (_, k) => k);
  order.sort((p, q) => z[p * 4 + 2] - z[q * 4 + 2] || p - q);
  const out = new Float64Array(rows * 4);
  const parent = new Int32Array(2 * n - 1);
  const clusterSize = new Int32Array(2 * n - 1).fill(1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  let nextLabel = n;
  for (let r = 0; r < rows; r++) {
    const src = order[r] * 4;
    const xRoot = find(parent, z[src]);
    const yRoot = find(parent, z[src + 1]);
    out[r * 4] = Math.min(xRoot, yRoot);
    out[r * 4 + 1] = Math.max(xRoot, yRoot);
    out[r * 4 + 2] = z[src + 2];
    parent[xRoot] = nextLabel;
    parent[yRoot] = nextLabel;
    clusterSize[nextLabel] = clusterSize[xRoot] + clusterSize[yRoot];
    out[r * 4 + 3] = clusterSize[nextLabel];
    nextLabel++;
  }
  return out;
}

function find(parent: Int32Array, start: number): number {
  let root = start;
  while (parent[root] !== root) root = parent[root];
  // Path compression keeps later finds O(α(n)), as scipy's LinkageUnionFind.
  let p = start;
  while (parent[p] !== root) {
    const next = parent[p];
    parent[p] = root;
    p = next;
  }
  return root;
}
