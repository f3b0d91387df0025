import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { correlationDistance } from "../clustering/correlationDistance";
import { leavesList } from "../clustering/leavesList";
import { linkage, type LinkageMatrix } from "../clustering/linkage";

/** Options for {@link hierarchicalRiskParity}. */
export interface HierarchicalRiskParityOptions {
  /** Linkage criterion: "single" (default, as the paper), "average", "complete" or "ward". */
  readonly linkage?: string;
  /** Check that cov is positive semidefinite first (default true; O(N³/6)). */
  readonly checkPsd?: boolean;
}

/** Result of {@link hierarchicalRiskParity}. */
export interface HierarchicalRiskParityResult {
  /** Weights in the caller's asset order: all > 0, summing to 1. */
  readonly weights: Float64Array;
  /** Asset indices in quasi-diagonal (dendrogram) order. */
  readonly order: Int32Array;
  /** The clustering, as scipy's linkage matrix over the correlation distances. */
  readonly linkage: LinkageMatrix;
}

/**
 * Hierarchical risk parity (HRP): cluster the assets by correlation, order them so that similar
 * assets sit together, then split the budget top-down between the two halves of every range in
 * inverse proportion to their variance.
 *
 * Method (López de Prado 2016, "Building diversified portfolios that outperform out of sample",
 * Journal of Portfolio Management 42(4), and its code):
 * 1. d_ij = √((1 − ρ_ij)/2) on the correlations of cov; tree = `linkage(d, method)`;
 * 2. quasi-diagonalisation: the leaves in dendrogram order (`getQuasiDiag`);
 * 3. recursive bisection (`getRecBipart`): every ordered range of length > 1 is cut at ⌊len/2⌋
 *    into L and R; with V(C) = w̃ᵀ Σ_C w̃ the variance of the inverse-variance portfolio
 *    w̃ ∝ 1/diag(Σ_C) of a range, α = 1 − V(L)/(V(L) + V(R)) multiplies the weights of L and 1 − α
 *    those of R.
 * Oracle: as PyPortfolioOpt `HRPOpt(cov_matrix=cov).optimize(linkage_method)`, which clusters the
 * condensed distances (the paper's listing passes the square distance matrix to scipy, which
 * then re-measures Euclidean distances between its rows; we follow PyPortfolioOpt and the brief);
 * checked against an independent numpy/scipy implementation (scripts/fixtures/allocation.py) to 1e-12.
 * Conventions: long-only, fully invested; the weights do not depend on the scale of cov, except
 * that rescaling can move exactly tied distances by rounding and so flip scipy's tie-breaking.
 * Complexity: O(N²) for the distances and the tree, O(N²) for the bisection (each level touches
 * disjoint diagonal blocks), O(N³/6) for the optional PSD check; O(N²) memory.
 *
 * @param cov covariance matrix, at least two assets
 * @param options linkage method and PSD check, or just the linkage method as a string
 * @returns weights (caller's order), the quasi-diagonal order and the linkage matrix
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric, or the linkage is unknown
 * @throws CoreError TOO_FEW_POINTS when cov has fewer than two assets
 * @throws CoreError NON_FINITE for NaN or ±Infinity in cov
 * @throws CoreError ZERO_VARIANCE for an asset with zero variance, named
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite, or two halves have zero combined variance
 * @example hierarchicalRiskParity({ size: 2, data: Float64Array.of(0.01, 0, 0, 0.04), labels: ["A", "B"] }).weights;
 *   // one split: V = 0.01, 0.04 → α = 1 − 0.01/0.05 = 0.8 → Float64Array [0.8, 0.2]
 */
export function hierarchicalRiskParity(
  cov: SquareMatrix,
  options: HierarchicalRiskParityOptions | string | null = {}
): HierarchicalRiskParityResult {
  // A bare string is the linkage method, as the RISKWEIGHTS option maps onto it; null (Excel's
  // omitted argument) means the defaults.
  if (typeof options === "string") options = { linkage: options };
  options ??= {};
  const distances = correlationDistance(cov, options.checkPsd ?? true);
  const tree = linkage(distances, options.linkage ?? "single");
  const order = leavesList(tree);
  const weights = recursiveBisection(cov, order);
  return { weights, order, linkage: tree };
}

function recursiveBisection(cov: SquareMatrix, order: Int32Array): Float64Array {
  const n = cov.size;
  const weights = new Float64Array(n).fill(1);
  const scratch = new Float64Array(n);
  // Ranges [start, end) of `order` still to split, processed breadth-first as the paper's list.
  let ranges: number[] = [0, n];
  while (ranges.length > 0) {
    const next: number[] = [];
    for (let r = 0; r < ranges.length; r += 2) {
      const start = ranges[r];
      const end = ranges[r + 1];
      if (end - start < 2) continue;
      const middle = start + Math.floor((end - start) / 2);
      const leftVariance = clusterVariance(cov, order, start, middle, scratch);
      const rightVariance = clusterVariance(cov, order, middle, end, scratch);
      if (!(leftVariance + rightVariance > 0)) {
        // Only a singular cov can make two inverse-variance portfolios riskless; no split exists.
        throw new CoreError(
          "SINGULAR_MATRIX",
          `cov: the clusters ${cov.labels[order[start]]}…${cov.labels[order[end - 1]]} have zero combined variance; use a shrinkage estimator such as Ledoit–Wolf`,
          { argument: "cov" }
        );
      }
      const alpha = 1 - leftVariance / (leftVariance + rightVariance);
      for (let k = start; k < middle; k++) weights[order[k]] *= alpha;
      for (let k = middle; k < end; k++) weights[order[k]] *= 1 - alpha;
      next.push(start, middle, middle, end);
    }
    ranges = next;
  }
  return weights;
}

/** Variance of the inverse-variance portfolio of the assets order[start..end) (the paper's getClusterVar). */
function clusterVariance(
  cov: SquareMatrix,
  order: Int32Array,
  start: number,
  end: number,
  w: Float64Array
): number {
  const n = cov.size;
  const a = cov.data;
  let total = 0;
  for (let k = start; k < end; k++) {
    const i = order[k];
    w[k] = 1 / a[i * n + i];
    total += w[k];
  }
  for (let k = start; k < end; k++) w[k] /= total;
  let variance = 0;
  for (let p = start; p < end; p++) {
    const row = order[p] * n;
    let s = 0;
    for (let q = start; q < end; q++) s += a[row + order[q]] * w[q];
    variance += w[p] * s;
  }
  return variance;
}
