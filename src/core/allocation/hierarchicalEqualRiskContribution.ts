import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { correlationDistance } from "../clustering/correlationDistance";
import { leavesList } from "../clustering/leavesList";
import { linkage, type LinkageMatrix } from "../clustering/linkage";
import { clusterCount, type ClusterCountRule } from "./clusterCount";
import { cutTree } from "./cutTree";

/** Options for {@link hierarchicalEqualRiskContribution}. */
export interface HierarchicalEqualRiskContributionOptions {
  /** Linkage criterion: "ward" (default, as Raffinot 2018), "single", "average" or "complete". */
  readonly linkage?: string | null;
  /** Number of clusters: a whole number, "gap" (default, two-difference gap statistic) or "silhouette". */
  readonly clusters?: ClusterCountRule | null;
  /** Largest number of clusters "gap" or "silhouette" may choose (default 10). */
  readonly maxClusters?: number | null;
  /** Risk split between the two sides of a merge: "variance" (default), "volatility" or "equal". */
  readonly riskMeasure?: string | null;
  /** Weights inside a cluster: "riskparity" (default: ∝ 1/σ² for variance, 1/σ for volatility) or "equal". */
  readonly intraCluster?: string | null;
  /** Check that cov is positive semidefinite first (default true; O(N³/6)). */
  readonly checkPsd?: boolean | null;
}

/** Result of {@link hierarchicalEqualRiskContribution}. */
export interface HierarchicalEqualRiskContributionResult {
  /** Weights in the caller's asset order: all > 0, summing to 1. */
  readonly weights: Float64Array;
  /** The cluster (0 … k−1, numbered by first appearance) of every asset. */
  readonly clusters: Int32Array;
  /** The number of clusters k. */
  readonly clusterCount: number;
  /** Asset indices in dendrogram order. */
  readonly order: Int32Array;
  /** The clustering, as scipy's linkage matrix over the correlation distances. */
  readonly linkage: LinkageMatrix;
}

type RiskMeasure = "variance" | "volatility" | "equal";
const RISK_MEASURES: readonly RiskMeasure[] = ["variance", "volatility", "equal"];

/**
 * Hierarchical Equal Risk Contribution (HERC): cut the correlation tree into k clusters, split the
 * budget top-down along the tree's last k − 1 merges so that the two sides of every merge carry
 * equal risk, then spread each cluster's budget over its assets by naive risk parity.
 *
 * Method (Raffinot (2018), "The Hierarchical Equal Risk Contribution Portfolio", SSRN 3237540; as
 * Riskfolio-Lib `HCPortfolio.optimization(model="HERC")` with rm "MV", "vol" or "equal"):
 * 1. d_ij = √((1 − ρ_ij)/2); tree = `linkage(d, method)` (Ward by default: Raffinot's choice,
 *    compact clusters without single linkage's chaining; Riskfolio defaults to single);
 * 2. k = the two-difference gap statistic (Riskfolio's default, deterministic; see
 *    {@link twoDifferenceGapStatistic}) or the given count; the clusters are the tree cut below
 *    its last k − 1 merges ({@link cutTree});
 * 3. inside cluster C: w̃_C ∝ 1/σ_i² ("variance"), 1/σ_i ("volatility") or 1/|C| ("equal", or
 *    intraCluster "equal", Riskfolio's HERC2), summing to 1; its risk is R(C) = w̃ᵀΣ_C w̃ (variance),
 *    √(w̃ᵀΣ_C w̃) (volatility);
 * 4. for each of the last k − 1 merges, top-down, with L and R the sums of R(C) over the clusters
 *    under each side: α = 1 − L/(L + R) (so α·L = (1 − α)·R: equal risk contributions; α = ½ for
 *    "equal") multiplies the weights of the left side and 1 − α those of the right;
 * 5. w_i = (product of the α's above i's cluster) · w̃_i.
 * Oracle: an independent numpy/scipy re-derivation following Riskfolio's loop (scipy `to_tree`,
 * nodes by decreasing height, `cut_tree` clusters) in scripts/fixtures/hierarchical.py, to 1e-12,
 * on random sector-factor covariances and the real crypto slice of realCrypto.json. (Riskfolio's
 * older code takes the clusters from `fcluster(Z, k, "maxclust")`, which on these trees returns
 * fewer than k clusters for k = n − 1; the cut below the last k − 1 merges is what the loop needs.)
 * Conventions: long-only, fully invested. R(C) is the risk of the portfolio actually held in C, so
 * with intraCluster "equal" it is the equal-weight portfolio's risk (Riskfolio's HERC2 still
 * measures C by its inverse-variance portfolio). Where merge heights tie at the cut, the merges are
 * taken in linkage row order (as cut_tree), which can differ from Riskfolio's sort.
 * Complexity: O(N²) for the distances, tree and cluster risks, O(k_max · N²) for "gap", plus the
 * O(N³/6) PSD check; O(N²) memory.
 *
 * @param cov covariance matrix, at least two assets
 * @param options linkage, clusters, risk measure, intra-cluster weights, PSD check
 * @returns weights (caller's order), the clusters, k, the dendrogram order and the linkage matrix
 * @throws CoreError INVALID_ARGUMENT when cov is not square or symmetric, or an option is unknown or out of range
 * @throws CoreError TOO_FEW_POINTS when cov has fewer than two assets
 * @throws CoreError NON_FINITE for NaN or ±Infinity in cov
 * @throws CoreError ZERO_VARIANCE for an asset with zero variance, named
 * @throws CoreError SINGULAR_MATRIX when cov is not PSD, or two sides of a merge have zero risk
 * @example hierarchicalEqualRiskContribution(pairs).weights;
 *   // pairs: σ = 1, 1 with ρ = 0.8 and σ = 2, 2 with ρ = 0.6, uncorrelated across; k = 2 (gap);
 *   // R = 0.9, 3.2 → α = 3.2/4.1 → Float64Array [1.6, 1.6, 0.45, 0.45] / 4.1
 */
export function hierarchicalEqualRiskContribution(
  cov: SquareMatrix,
  options: HierarchicalEqualRiskContributionOptions | null = {}
): HierarchicalEqualRiskContributionResult {
  options ??= {};
  const measure = (options.riskMeasure ?? "variance").toLowerCase() as RiskMeasure;
  if (!RISK_MEASURES.includes(measure)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `riskMeasure must be "variance", "volatility" or "equal"; got "${options.riskMeasure}"`,
      { argument: "riskMeasure" }
    );
  }
  const intra = (options.intraCluster ?? "riskparity").toLowerCase();
  if (intra !== "riskparity" && intra !== "equal") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `intraCluster must be "riskparity" or "equal"; got "${options.intraCluster}"`,
      { argument: "intraCluster" }
    );
  }
  const distances = correlationDistance(cov, options.checkPsd ?? true);
  const tree = linkage(distances, options.linkage ?? "ward");
  const k = clusterCount(distances, tree, options.clusters ?? "gap", options.maxClusters ?? 10);
  const labels = cutTree(tree, k);
  const weights = intraClusterWeights(cov, labels, k, intra === "equal" ? "equal" : measure);
  const risk = clusterRisks(cov, labels, k, weights, measure);
  allocateAcrossClusters(cov, tree, labels, k, risk, measure, weights);
  return { weights, clusters: labels, clusterCount: k, order: leavesList(tree), linkage: tree };
}

/** Naive risk parity inside each cluster: ∝ 1/σ², 1/σ or 1, normalised per cluster. */
function intraClusterWeights(
  cov: SquareMatrix,
  labels: Int32Array,
  k: number,
  measure: RiskMeasure
): Float64Array {
  const n = cov.size;
  const w = new Float64Array(n);
  const total = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const variance = cov.data[i * n + i];
    w[i] =
      measure === "variance"
        ? 1 / variance
        : measure === "volatility"
          ? 1 / Math.sqrt(variance)
          : 1;
    total[labels[i]] += w[i];
  }
  for (let i = 0; i < n; i++) w[i] /= total[labels[i]];
  return w;
}

/** R(C) of every cluster's held portfolio: w̃ᵀΣ_C w̃, or its square root for "volatility". */
function clusterRisks(
  cov: SquareMatrix,
  labels: Int32Array,
  k: number,
  w: Float64Array,
  measure: RiskMeasure
): Float64Array {
  const n = cov.size;
  const a = cov.data;
  const variance = new Float64Array(k);
  // One pass over the matrix, row by row (contiguous), keeping only same-cluster pairs: O(N²).
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) if (labels[j] === c) s += a[row + j] * w[j];
    variance[c] += w[i] * s;
  }
  if (measure === "volatility")
    for (let c = 0; c < k; c++) variance[c] = Math.sqrt(Math.max(variance[c], 0));
  return variance;
}

/**
 * Top-down split along the last k − 1 merges. Their children are either such merges or the roots
 * of the k clusters, so the risk under a node is a sum over its children, computed bottom-up.
 */
function allocateAcrossClusters(
  cov: SquareMatrix,
  tree: LinkageMatrix,
  labels: Int32Array,
  k: number,
  risk: Float64Array,
  measure: RiskMeasure,
  weights: Float64Array
): void {
  const n = tree.leaves;
  const z = tree.data;
  if (k < 2) return;
  const firstTop = n - k; // rows firstTop … n − 2 are the merges above the cut
  const nodes = 2 * n - 1;
  // A leaf under every node, to find the cluster a cluster root holds.
  const leafOf = new Int32Array(nodes);
  for (let i = 0; i < n; i++) leafOf[i] = i;
  for (let r = 0; r < n - 1; r++) leafOf[n + r] = leafOf[z[r * 4]];
  const isTop = (node: number): boolean => node >= n + firstTop;
  const below = new Float64Array(nodes);
  for (let r = firstTop; r < n - 1; r++) {
    const left = z[r * 4];
    const right = z[r * 4 + 1];
    below[n + r] =
      (isTop(left) ? below[left] : risk[labels[leafOf[left]]]) +
      (isTop(right) ? below[right] : risk[labels[leafOf[right]]]);
  }
  const scale = new Float64Array(nodes);
  scale[nodes - 1] = 1;
  const clusterScale = new Float64Array(k);
  for (let r = n - 2; r >= firstTop; r--) {
    const left = z[r * 4];
    const right = z[r * 4 + 1];
    const leftRisk = isTop(left) ? below[left] : risk[labels[leafOf[left]]];
    const rightRisk = isTop(right) ? below[right] : risk[labels[leafOf[right]]];
    let alpha = 0.5;
    if (measure !== "equal") {
      if (!(leftRisk + rightRisk > 0)) {
        throw new CoreError(
          "SINGULAR_MATRIX",
          `cov: the clusters under ${cov.labels[leafOf[left]]} and ${cov.labels[leafOf[right]]} have zero combined risk; use a shrinkage estimator such as Ledoit–Wolf`,
          { argument: "cov" }
        );
      }
      alpha = 1 - leftRisk / (leftRisk + rightRisk);
    }
    const s = scale[n + r];
    if (isTop(left)) scale[left] = s * alpha;
    else clusterScale[labels[leafOf[left]]] = s * alpha;
    if (isTop(right)) scale[right] = s * (1 - alpha);
    else clusterScale[labels[leafOf[right]]] = s * (1 - alpha);
  }
  for (let i = 0; i < n; i++) weights[i] *= clusterScale[labels[i]];
}
