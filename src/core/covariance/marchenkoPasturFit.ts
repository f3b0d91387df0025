import { marchenkoPasturError } from "./marchenkoPasturError";

/** The bracket of σ² the book searches (`bounds=((1E-5, 1-1E-5),)`): a correlation's noise variance. */
export const MARCHENKO_PASTUR_MIN_VARIANCE = 1e-5;
export const MARCHENKO_PASTUR_MAX_VARIANCE = 1 - 1e-5;

/** Grid intervals of the first pass over the bracket (steps of about 0.02 in σ²). */
const GRID_INTERVALS = 50;

/** Absolute tolerance on σ² of Brent's search (plus √ε relative, as Brent's method always adds). */
const VARIANCE_TOLERANCE = 1e-10;

/** The Marchenko–Pastur fit to a correlation matrix's eigenvalues. */
export interface MarchenkoPasturFit {
  /** σ², the fitted variance of the noise (in [1e−5, 1 − 1e−5]). */
  readonly variance: number;
  /** λ₊ = σ²(1 + √(1/q))², the largest eigenvalue noise alone would produce. */
  readonly lambdaPlus: number;
  /** The squared error between the fitted density and the kernel density at σ². */
  readonly error: number;
}

/**
 * Fits the Marchenko–Pastur distribution to the eigenvalues of a correlation matrix: the σ² whose
 * density best matches a kernel density estimate of the eigenvalues, and the edge λ₊ it implies.
 *
 * Formula: σ² = argmin over [1e−5, 1 − 1e−5] of SSE(σ²) (see marchenkoPasturError: M = 1000 points,
 * Gaussian kernel of bandwidth h), λ₊ = σ²(1 + √(1/q))², q = T/N.
 * Reference: M. López de Prado (2020), "Machine Learning for Asset Managers", ch. 2, snippet 2.4
 * (findMaxEval). The book minimises with `scipy.optimize.minimize` (L-BFGS-B from σ² = 0.5 on the
 * same bracket), a local gradient method that stops where the numerical gradient flattens. Here,
 * deterministically and without gradients: SSE on a grid of 51 values spanning the bracket, then
 * Brent's bounded minimisation (the method of scipy's `minimize_scalar(method="bounded")`, Brent
 * 1973, ch. 5) between the neighbours of the best grid value, to 1e−10 + √ε·σ². The fixture script
 * runs the same two stages in numpy/scipy and records the book's L-BFGS-B answer beside it.
 * Conventions: the bandwidth is h = 0.01 by default, the value the book passes (`bWidth=.01`) and
 * Riskfolio-Lib's `denoiseCov` default (fitKDE's own default .25 would blur the spectrum).
 * Complexity: about 51 + 40 evaluations of the objective, each O(1000 · w + N).
 *
 * @param eigenvalues eigenvalues of the correlation matrix, ascending; not modified
 * @param q T/N (> 1), observations per asset
 * @param bandwidth KDE bandwidth h (> 0)
 * @returns { variance, lambdaPlus, error }
 * @throws nothing: an internal step; denoisedCorrelation checks q, h and the eigenvalues
 * @example marchenkoPasturFit(spectrum, 5, 0.01) for the 200 eigenvalues of a pure-noise correlation
 * // (1,000 rows) => { variance: 0.99999 (the bracket's top), lambdaPlus: 2.0944… = σ²(1 + √0.2)² }
 */
export function marchenkoPasturFit(
  eigenvalues: Float64Array,
  q: number,
  bandwidth: number
): MarchenkoPasturFit {
  const objective = (variance: number) => marchenkoPasturError(variance, eigenvalues, q, bandwidth);
  const lo = MARCHENKO_PASTUR_MIN_VARIANCE;
  const hi = MARCHENKO_PASTUR_MAX_VARIANCE;
  const step = (hi - lo) / GRID_INTERVALS;
  let best = 0;
  let bestError = Infinity;
  for (let g = 0; g <= GRID_INTERVALS; g++) {
    const value = objective(g === GRID_INTERVALS ? hi : lo + g * step);
    // Strictly less: ties keep the smaller σ², the same rule as numpy's argmin in the fixture script.
    if (value < bestError) {
      bestError = value;
      best = g;
    }
  }
  const a = best === 0 ? lo : lo + (best - 1) * step;
  const b = best >= GRID_INTERVALS - 1 ? hi : lo + (best + 1) * step;
  let { x: variance, fx: error } = brentMinimum(objective, a, b, VARIANCE_TOLERANCE);
  const grid = best === GRID_INTERVALS ? hi : lo + best * step;
  // Brent's result lies within the bracket; keep the grid point if it is (by rounding) better.
  if (bestError < error) {
    variance = grid;
    error = bestError;
  }
  const root = 1 + Math.sqrt(1 / q);
  return { variance, lambdaPlus: variance * root * root, error };
}

/**
 * Brent's minimisation of a unimodal function on [a, b] without derivatives: golden-section steps,
 * replaced by parabolic interpolation through the three best points whenever that step is safe.
 * As R. P. Brent (1973), "Algorithms for Minimization without Derivatives", ch. 5 (`localmin`),
 * the algorithm behind scipy's `fminbound`.
 */
function brentMinimum(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tolerance: number
): { x: number; fx: number } {
  const golden = (3 - Math.sqrt(5)) / 2;
  const sqrtEps = Math.sqrt(Number.EPSILON);
  let a = lower;
  let b = upper;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  // Each pass shrinks [a, b]; the budget only guards against a pathological objective.
  for (let iteration = 0; iteration < 500; iteration++) {
    const middle = 0.5 * (a + b);
    const tol1 = sqrtEps * Math.abs(x) + tolerance / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv);
      let qq = (x - v) * (fx - fw);
      let p = (x - v) * qq - (x - w) * r;
      qq = 2 * (qq - r);
      if (qq > 0) p = -p;
      qq = Math.abs(qq);
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * qq * r) && p > qq * (a - x) && p < qq * (b - x)) {
        d = p / qq;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = middle >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= middle ? a - x : b - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx };
}
