import { CoreError } from "../errors";
import { checkExpectedReturns } from "./checkExpectedReturns";
import { checkFeasibility } from "./checkFeasibility";
import { type PortfolioConstraintRows, portfolioConstraintRows } from "./portfolioConstraintRows";
import { snapWeightsToBounds } from "./snapWeightsToBounds";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { PortfolioConstraints, PortfolioGroup } from "./types";

/**
 * ε of the proximal steps, with μ rescaled to [0, 1]: each step's unconstrained point μ/ε + w stays
 * within ~100 of the weights, so the dual method's tolerances (relative to the path) stay ~1e-10,
 * while the first step already lands beyond the polytope, usually on the optimal vertex.
 */
const PROXIMAL_STEP = 1e-2;
/** Each proximal step's ε is this times the last one's, down to MIN_PROXIMAL_STEP. */
const PROXIMAL_SHRINK = 0.5;
const MIN_PROXIMAL_STEP = 1e-6;
/**
 * A proximal step that moves no weight by more than this has reached its fixed point, to the QP's
 * own accuracy (~1e-10 here); the polish then makes the vertex exact.
 */
const SAME_POINT = 1e-9;
/** A safety cap; the growing step converges in a few dozen steps on every case tested. */
const MAX_PROXIMAL_STEPS = 200;

/**
 * The long-only, fully invested portfolio of highest expected return under bounds and group
 * constraints: max μᵀw s.t. Σw = 1, lower ≤ w ≤ upper, floor_g ≤ Σ_{i∈g} w_i ≤ cap_g (a linear
 * programme), exactly when the maximiser is a unique vertex.
 *
 * Method: the proximal point algorithm on the LP (Rockafellar 1976, "Monotone operators and the
 * proximal point algorithm", SIAM J. Control 14(5)): w_{k+1} = argmax μᵀw − ½ε‖w − w_k‖², each step
 * a well-scaled strictly convex QP ({@link solveQuadraticProgram}, D = εI) with μ rescaled to
 * [0, 1] and ε = 1e-2 halved at each step down to 1e-6; on a polyhedron it terminates finitely at an LP optimum (a fixed point of the
 * step is optimal: μ lies in the normal cone there). The end point is then polished: weights within
 * 1e-7 of a bound put on it and the free weights solved exactly from the budget and the tight group
 * rows (a vertex), or, for a face of ties, spread as the least-norm point of that face. Exact
 * (to rounding) at a unique vertex; the growing step resolves ties down to ~1e-9 of the spread, and
 * the property test checks the return against the greedy optimum to 1e-9 × spread(μ). When the maximiser is a face (ties), the result is its
 * least-norm point, within ε/2 of the maximum; the return is then still exact to ~1e-7 × spread.
 * Conventions: weights within 1e-12 of a bound are put on it.
 * Complexity: one QP of n variables per proximal step, O(n³) each; two steps on most problems
 * (one to land on the vertex, one to confirm it), at most 200.
 *
 * @param mu expected returns, one per asset
 * @param constraints bounds (default 0 ≤ w ≤ 1) and groups
 * @param labels asset labels for messages
 * @returns the maximising weights
 * @throws CoreError LENGTH_MISMATCH / NON_FINITE (mu); INVALID_ARGUMENT (malformed constraints);
 *   INFEASIBLE (the constraints admit no portfolio, naming the one that binds)
 * @example maximumReturnConstrained([0.1, 0.3, 0.2], { upper: 0.5 }, ["A", "B", "C"]);
 * // => Float64Array [0, 0.5, 0.5]
 */
export function maximumReturnConstrained(
  mu: ArrayLike<number>,
  constraints: PortfolioConstraints,
  labels: readonly string[]
): Float64Array {
  const n = labels.length;
  checkExpectedReturns(mu, n, labels);
  const report = checkFeasibility(constraints, n, labels);
  if (!report.feasible) {
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  }
  const rows = portfolioConstraintRows(constraints, n, labels);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, mu[i]);
    hi = Math.max(hi, mu[i]);
  }
  // μ shifted and scaled to [0, 1]: Σw = 1 makes the maximiser invariant to both, and the QP is
  // then well scaled whatever the units (a spread of 1e-216 would leave a denormal ridge).
  const spread = hi - lo;
  const d = new Float64Array(n);
  if (spread > 0 && Number.isFinite(spread))
    for (let i = 0; i < n; i++) d[i] = (mu[i] - lo) / spread;
  const D = new Float64Array(n * n);
  let step = PROXIMAL_STEP;
  let x: Float64Array = new Float64Array(n);
  const shifted = new Float64Array(n);
  const groups = constraints.groups ?? [];
  let vertex: Float64Array | undefined;
  for (let k = 0; k < MAX_PROXIMAL_STEPS; k++) {
    for (let i = 0; i < n; i++) {
      D[i * n + i] = step;
      shifted[i] = d[i] + step * x[i];
    }
    // A growing proximal step (shrinking ε) resolves near-ties in a few dozen steps instead of
    // thousands; the floor keeps μ/ε within 1e6 of the weights, so the QP stays accurate.
    step = Math.max(step * PROXIMAL_SHRINK, MIN_PROXIMAL_STEP);
    const next = solveQuadraticProgram({
      D,
      d: shifted,
      Aeq: new Float64Array(n).fill(1),
      beq: [1],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
      equalityNames: ["budget (weights sum to 1)"],
      inequalityNames: rows.names,
    }).x;
    let gap = 0;
    for (let i = 0; i < n; i++) gap = Math.max(gap, Math.abs(next[i] - x[i]));
    x = next;
    if (gap <= SAME_POINT) break;
    // Two steps polishing to the same vertex: the second one confirmed it (a fixed point).
    const polished = polishVertex(x, rows, groups);
    if (polished !== undefined && vertex !== undefined && sameWeights(polished, vertex)) break;
    vertex = polished;
  }
  x = polishVertex(x, rows, groups) ?? polishFace(x, rows);
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i];
  for (let i = 0; i < n; i++) x[i] /= total;
  return snapWeightsToBounds(x, rows.lower, rows.upper);
}

/** A weight or group total this close to a bound is taken to sit on it when polishing a vertex. */
const ON_BOUND = 1e-7;

/**
 * The vertex a ridge solution approximates, solved exactly: weights near a bound are put on it, and
 * the remaining free weights solve the square system of the budget and the groups at their floor
 * or cap (Gaussian elimination with partial pivoting). Undefined when the system is not square or
 * singular (a face, not a vertex) or the vertex breaks a constraint.
 */
function polishVertex(
  x: Float64Array,
  rows: PortfolioConstraintRows,
  groups: readonly PortfolioGroup[]
): Float64Array | undefined {
  const n = x.length;
  const w = new Float64Array(n);
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Math.abs(x[i] - rows.lower[i]) <= ON_BOUND) w[i] = rows.lower[i];
    else if (Math.abs(x[i] - rows.upper[i]) <= ON_BOUND) w[i] = rows.upper[i];
    else free.push(i);
  }
  // Equations over the free weights: Σ_free w = 1 − Σ_fixed w, and each tight group likewise.
  const equations: { mask: Float64Array; total: number }[] = [
    { mask: new Float64Array(n).fill(1), total: 1 },
  ];
  groups.forEach((g, k) => {
    const mask = rows.groupMasks[k];
    let sum = 0;
    for (let i = 0; i < n; i++) sum += mask[i] * x[i];
    if (g.max !== undefined && Math.abs(sum - g.max) <= ON_BOUND)
      equations.push({ mask, total: g.max });
    else if (g.min !== undefined && Math.abs(sum - g.min) <= ON_BOUND)
      equations.push({ mask, total: g.min });
  });
  const m = free.length;
  if (m === 0) return checkVertex(w, rows);
  if (equations.length !== m) return undefined;
  const A = new Float64Array(m * (m + 1));
  equations.forEach(({ mask, total }, r) => {
    let rhs = total;
    for (let i = 0; i < n; i++) if (mask[i] === 1) rhs -= w[i];
    free.forEach((i, c) => (A[r * (m + 1) + c] = mask[i]));
    A[r * (m + 1) + m] = rhs;
  });
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) {
      if (Math.abs(A[r * (m + 1) + c]) > Math.abs(A[pivot * (m + 1) + c])) pivot = r;
    }
    if (Math.abs(A[pivot * (m + 1) + c]) < 0.5) return undefined; // 0/1 rows: a pivot is 1 or 0
    for (let k = 0; k <= m; k++) {
      const t = A[c * (m + 1) + k];
      A[c * (m + 1) + k] = A[pivot * (m + 1) + k];
      A[pivot * (m + 1) + k] = t;
    }
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r * (m + 1) + c] / A[c * (m + 1) + c];
      if (f === 0) continue;
      for (let k = c; k <= m; k++) A[r * (m + 1) + k] -= f * A[c * (m + 1) + k];
    }
  }
  free.forEach((i, c) => (w[i] = A[c * (m + 1) + m] / A[c * (m + 1) + c]));
  return checkVertex(w, rows);
}

function checkVertex(w: Float64Array, rows: PortfolioConstraintRows): Float64Array | undefined {
  const n = w.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  if (Math.abs(total - 1) > 1e-12) return undefined;
  const m = rows.bineq.length;
  for (let r = 0; r < m; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rows.Aineq[r * n + i] * w[i];
    if (s < rows.bineq[r] - 1e-12) return undefined;
  }
  return w;
}

/**
 * A face of ties (no unique vertex): weights near a bound put on it, and the free weights spread
 * as the least-norm point meeting every row, by a well-scaled QP (D = I, d = 0), so no constraint
 * is missed by the ridge solve's tolerance. The free assets tie in μ to within the last ridge, so
 * the return changes by less than that.
 */
function polishFace(x: Float64Array, rows: PortfolioConstraintRows): Float64Array {
  const n = x.length;
  const fixed: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Math.abs(x[i] - rows.lower[i]) <= ON_BOUND) {
      fixed.push(i);
      values.push(rows.lower[i]);
    } else if (Math.abs(x[i] - rows.upper[i]) <= ON_BOUND) {
      fixed.push(i);
      values.push(rows.upper[i]);
    }
  }
  const Aeq = new Float64Array((fixed.length + 1) * n);
  Aeq.fill(1, 0, n);
  fixed.forEach((i, k) => (Aeq[(k + 1) * n + i] = 1));
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) D[i * n + i] = 1;
  try {
    return solveQuadraticProgram({
      D,
      d: new Float64Array(n),
      Aeq,
      beq: [1, ...values],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
    }).x;
  } catch {
    return x; // the fixing clashed with a group row: keep the ridge point (within its tolerance)
  }
}

function sameWeights(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-15) return false;
  return true;
}
