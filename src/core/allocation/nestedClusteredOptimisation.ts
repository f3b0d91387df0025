import { CoreError, isCoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { correlationDistance } from "../clustering/correlationDistance";
import { leavesList } from "../clustering/leavesList";
import { linkage, type LinkageMatrix } from "../clustering/linkage";
import { choleskyFactor } from "../linalg/choleskyFactor";
import { choleskySolve } from "../linalg/choleskySolve";
import { checkExpectedReturns } from "../optimize/checkExpectedReturns";
import { maximumSharpeConstrained } from "../optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../optimize/minimumVarianceConstrained";
import { clusterCount, type ClusterCountRule } from "./clusterCount";
import { cutTree } from "./cutTree";

/** Options for {@link nestedClusteredOptimisation}. */
export interface NestedClusteredOptimisationOptions {
  /** "minvariance" (default) or "maxsharpe" (needs expectedReturns). */
  readonly objective?: string | null;
  /** Expected returns, one per asset, in the units of cov (for "maxsharpe"). */
  readonly expectedReturns?: ArrayLike<number> | null;
  /** Risk-free rate subtracted from expectedReturns for "maxsharpe" (default 0). */
  readonly riskFree?: number | null;
  /**
   * false (default): the book's closed forms, long-short (weights may be negative); true: every
   * step is the long-only optimiser of src/core/optimize (weights ≥ 0, as Riskfolio-Lib), which
   * costs an active-set QP per cluster (about 250 ms at 500 assets against 50 ms; bench/core/hierarchical.bench.ts).
   */
  readonly longOnly?: boolean | null;
  /** Linkage criterion: "ward" (default), "single", "average" or "complete". */
  readonly linkage?: string | null;
  /** Number of clusters: a whole number, "silhouette" (default) or "gap". */
  readonly clusters?: ClusterCountRule | null;
  /** Largest number of clusters "silhouette" or "gap" may choose (default 10). */
  readonly maxClusters?: number | null;
  /** Check that cov is positive semidefinite first (default true; O(N³/6)). */
  readonly checkPsd?: boolean | null;
}

/** Result of {@link nestedClusteredOptimisation}. */
export interface NestedClusteredOptimisationResult {
  /** Final weights w_i = intra_i · inter_{cluster(i)}, caller's order, summing to 1. */
  readonly weights: Float64Array;
  /** Each asset's weight inside its cluster (each cluster's sum is 1). */
  readonly intraWeights: Float64Array;
  /** Each cluster's weight in the portfolio (sum 1). */
  readonly interWeights: Float64Array;
  /** The cluster (0 … k−1, numbered by first appearance) of every asset. */
  readonly clusters: Int32Array;
  /** The number of clusters k. */
  readonly clusterCount: number;
  /** Asset indices in dendrogram order. */
  readonly order: Int32Array;
  /** The clustering, as scipy's linkage matrix over the correlation distances. */
  readonly linkage: LinkageMatrix;
}

type Objective = "minvariance" | "maxsharpe";

/** |1ᵀx| at or below this fraction of Σ|x_i| is a tangency portfolio with no budget: it does not exist. */
const BUDGET_TOLERANCE = 1e-12;

/**
 * Nested Clustered Optimisation (NCO): cluster the assets by correlation, optimise inside every
 * cluster, collapse each cluster into one synthetic asset, optimise across those, and multiply.
 *
 * Method (López de Prado (2019), "A Robust Estimator of the Efficient Frontier", SSRN 3469961;
 * López de Prado (2020), "Machine Learning for Asset Managers", §7.6, `optPort_nco`):
 * 1. d_ij = √((1 − ρ_ij)/2); tree = `linkage(d, method)`; k by the mean silhouette of the tree's
 *    cuts, k ≤ maxClusters (see {@link clusterCount}), or given; clusters = {@link cutTree}.
 *    The book clusters with K-means on the correlation rows, re-started at random; this uses the
 *    project's deterministic tree instead, with Ward linkage by default (Ward's criterion is the
 *    K-means objective, so the clusters are of the same compact kind), and a recalculation
 *    gives the same clusters;
 * 2. intra: for each cluster C, w_C = Σ_C⁻¹1 / 1ᵀΣ_C⁻¹1 ("minvariance") or Σ_C⁻¹(μ_C − rf) /
 *    1ᵀΣ_C⁻¹(μ_C − rf) ("maxsharpe"), long-short as in the book (the default); or, longOnly, the constrained
 *    optimisers {@link minimumVarianceConstrained} / {@link maximumSharpeConstrained} (as
 *    Riskfolio-Lib's `HCPortfolio(model="NCO")`, which is long-only by default);
 * 3. reduced problem: W the N × k matrix of the intra weights, Σ' = WᵀΣW, μ' = Wᵀμ; inter weights
 *    v by the same optimiser on (Σ', μ');
 * 4. w = W v, i.e. w_i = w_{C(i), i} · v_{C(i)}.
 * Oracle: numpy re-derivation (closed forms with `np.linalg.inv`, and for longOnly an exact
 * enumeration of the KKT supports) in scripts/fixtures/hierarchical.py, to 1e-10 long-short and
 * 1e-9 long-only, on random sector-factor covariances and the real crypto slice of realCrypto.json.
 * Conventions: weights sum to 1; long-short weights are unbounded. A singleton cluster holds its
 * asset at intra weight 1 (even when its excess return is negative, as Riskfolio). With a
 * block-diagonal Σ whose blocks are the clusters, minvariance NCO is the global minimum-variance
 * portfolio Σ⁻¹1/1ᵀΣ⁻¹1 exactly (Σ' is then diagonal with entries 1/1ᵀΣ_C⁻¹1).
 * Complexity: O(N²) for the distances, tree and Σ', O(k_max · N²) to choose k, Σ_C O(|C|³/3) for
 * the closed forms (the active-set QP's cost per cluster when longOnly), plus the O(N³/6) PSD
 * check; O(N²) memory.
 *
 * @param cov covariance matrix, at least two assets, positive definite inside each cluster
 * @param options objective, expected returns, long-only, linkage, clusters, PSD check
 * @returns the weights, the intra and inter weights, the clusters, the order and the linkage
 * @throws CoreError INVALID_ARGUMENT for an unknown or out-of-range option, or cov not square/symmetric
 * @throws CoreError LENGTH_MISMATCH when expectedReturns is not one per asset
 * @throws CoreError TOO_FEW_POINTS when cov has fewer than two assets
 * @throws CoreError NON_FINITE for NaN or ±Infinity in cov, expectedReturns or riskFree
 * @throws CoreError ZERO_VARIANCE for an asset with zero variance, named
 * @throws CoreError SINGULAR_MATRIX when cov is not PSD, or a cluster's (or the reduced) covariance is singular
 * @throws CoreError INFEASIBLE for "maxsharpe" when a tangency portfolio does not exist (1ᵀΣ⁻¹(μ − rf) ≤ 0
 *   long-short; no asset above rf long-only), naming the cluster
 * @example nestedClusteredOptimisation(pairs, { clusters: 2 }).weights;
 *   // pairs: σ = 1, 1 with ρ = 0.8 and σ = 2, 2 with ρ = 0.6, uncorrelated across: intra ½, ½ in
 *   // both; Σ' = diag(0.9, 3.2) → v = (3.2, 0.9)/4.1 → Float64Array [1.6, 1.6, 0.45, 0.45] / 4.1
 */
export function nestedClusteredOptimisation(
  cov: SquareMatrix,
  options: NestedClusteredOptimisationOptions | null = {}
): NestedClusteredOptimisationResult {
  options ??= {};
  const objective = (options.objective ?? "minvariance").toLowerCase() as Objective;
  if (objective !== "minvariance" && objective !== "maxsharpe") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `objective must be "minvariance" or "maxsharpe"; got "${options.objective}"`,
      { argument: "objective" }
    );
  }
  const distances = correlationDistance(cov, options.checkPsd ?? true);
  const n = cov.size;
  const riskFree = options.riskFree ?? 0;
  let excess: Float64Array | null = null;
  if (objective === "maxsharpe") {
    const mu = options.expectedReturns;
    if (mu == null) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        'objective "maxsharpe" needs expectedReturns, one per asset; pass them or use "minvariance"',
        { argument: "expectedReturns" }
      );
    }
    checkExpectedReturns(mu, n, cov.labels, "expectedReturns");
    if (!Number.isFinite(riskFree)) {
      throw new CoreError(
        "NON_FINITE",
        `riskFree is ${riskFree}; give a finite rate such as 0.02`,
        {
          argument: "riskFree",
        }
      );
    }
    excess = new Float64Array(n);
    for (let i = 0; i < n; i++) excess[i] = mu[i] - riskFree;
  }
  const tree = linkage(distances, options.linkage ?? "ward");
  const k = clusterCount(
    distances,
    tree,
    options.clusters ?? "silhouette",
    options.maxClusters ?? 10
  );
  const labels = cutTree(tree, k);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[labels[i]].push(i);
  // Long-short by default: the published algorithm, and an O(|C|³/3) solve per cluster.
  const longOnly = options.longOnly ?? false;

  const intraWeights = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    const idx = members[c];
    const sub = subMatrix(cov, idx);
    const subExcess = excess ? Float64Array.from(idx, (i) => excess[i]) : null;
    const w = optimise(sub, subExcess, longOnly, `cluster ${c + 1} (${clusterName(sub.labels)})`);
    for (let p = 0; p < idx.length; p++) intraWeights[idx[p]] = w[p];
  }

  // Σ' = WᵀΣW and μ' = Wᵀ(μ − rf): one pass over Σ, row by row.
  const reduced = new Float64Array(k * k);
  const a = cov.data;
  for (let i = 0; i < n; i++) {
    const ci = labels[i];
    const wi = intraWeights[i];
    const row = i * n;
    for (let j = 0; j < n; j++) reduced[ci * k + labels[j]] += wi * a[row + j] * intraWeights[j];
  }
  // Symmetrise: the two triangles are sums of the same terms in different orders.
  for (let p = 0; p < k; p++) {
    for (let q = p + 1; q < k; q++) {
      const m = 0.5 * (reduced[p * k + q] + reduced[q * k + p]);
      reduced[p * k + q] = m;
      reduced[q * k + p] = m;
    }
  }
  let reducedExcess: Float64Array | null = null;
  if (excess) {
    reducedExcess = new Float64Array(k);
    for (let i = 0; i < n; i++) reducedExcess[labels[i]] += intraWeights[i] * excess[i];
  }
  const reducedCov: SquareMatrix = {
    size: k,
    data: reduced,
    labels: members.map(
      (idx, c) => `cluster ${c + 1} (${clusterName(idx.map((i) => cov.labels[i]))})`
    ),
  };
  const interWeights = optimise(
    reducedCov,
    reducedExcess,
    longOnly,
    "the clusters' reduced problem"
  );
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = intraWeights[i] * interWeights[labels[i]];
  return {
    weights,
    intraWeights,
    interWeights,
    clusters: labels,
    clusterCount: k,
    order: leavesList(tree),
    linkage: tree,
  };
}

/** Minimum-variance or tangency weights of one (sub)problem, long-only or by the closed form. */
function optimise(
  cov: SquareMatrix,
  excess: Float64Array | null,
  longOnly: boolean,
  where: string
): Float64Array {
  const n = cov.size;
  if (n === 1) return Float64Array.of(1);
  if (longOnly) {
    try {
      return excess
        ? maximumSharpeConstrained(excess, cov, 0).weights
        : minimumVarianceConstrained(cov).weights;
    } catch (error) {
      if (isCoreError(error)) {
        throw new CoreError(error.code, `NCO, ${where}: ${error.message}`, { argument: "cov" });
      }
      throw error;
    }
  }
  let factor: Float64Array;
  try {
    factor = choleskyFactor(cov.data, n, "cov", cov.labels);
  } catch (error) {
    if (isCoreError(error)) {
      throw new CoreError(
        error.code,
        `NCO, ${where}: the covariance is not positive definite (${error.message}); use a shrinkage estimator such as Ledoit–Wolf`,
        { argument: "cov" }
      );
    }
    throw error;
  }
  const x = choleskySolve(factor, excess ?? new Float64Array(n).fill(1));
  let total = 0;
  let size = 0;
  for (let i = 0; i < n; i++) {
    total += x[i];
    size += Math.abs(x[i]);
  }
  if (!(total > BUDGET_TOLERANCE * size)) {
    // Only "maxsharpe" gets here: for minvariance 1ᵀΣ⁻¹1 > 0 whenever Σ is positive definite.
    throw new CoreError(
      "INFEASIBLE",
      `NCO, ${where}: 1ᵀΣ⁻¹(μ − rf) = ${total.toPrecision(3)} is not positive, so no fully invested portfolio maximises the Sharpe ratio there; raise the expected returns, lower riskFree, or use objective "minvariance"`,
      { argument: "expectedReturns" }
    );
  }
  for (let i = 0; i < n; i++) x[i] /= total;
  return x;
}

function subMatrix(cov: SquareMatrix, idx: readonly number[]): SquareMatrix {
  const n = cov.size;
  const m = idx.length;
  const data = new Float64Array(m * m);
  for (let p = 0; p < m; p++) {
    const row = idx[p] * n;
    for (let q = 0; q < m; q++) data[p * m + q] = cov.data[row + idx[q]];
  }
  return { size: m, data, labels: idx.map((i) => cov.labels[i]) };
}

/** Up to three labels, then "…", to name a cluster in a message. */
function clusterName(labels: readonly string[]): string {
  return labels.length <= 3 ? labels.join(", ") : `${labels.slice(0, 3).join(", ")}, …`;
}
