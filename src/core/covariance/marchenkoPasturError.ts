/** Points at which the fitted and empirical densities are compared: the book's `pts=1000`. */
export const MARCHENKO_PASTUR_POINTS = 1000;

/**
 * Gaussian kernels further than this many bandwidths from a point are left out of its density: they
 * weigh exp(−10²/2) ≈ 2e−22 of a kernel's peak, far below the rounding of the sum.
 */
const KERNEL_REACH = 10;

/**
 * Squared error between the Marchenko–Pastur density of variance σ² and a Gaussian kernel density
 * estimate of observed eigenvalues: the objective López de Prado minimises to fit σ².
 *
 * Formula, q = T/N, λ± = σ²(1 ± √(1/q))², x_m = λ₋ + m(λ₊ − λ₋)/(M − 1) for m = 0 … M − 1 (M = 1000):
 *   f_MP(x) = q / (2π σ² x) · √((λ₊ − x)(x − λ₋)),
 *   f_KDE(x) = Σ_k exp(−(x − λ_k)² / (2h²)) / (N · h · √(2π)),
 *   SSE(σ²) = Σ_m (f_KDE(x_m) − f_MP(x_m))².
 * Reference: M. López de Prado (2020), "Machine Learning for Asset Managers", Cambridge UP, ch. 2,
 * snippets 2.1 (mpPDF), 2.2 (fitKDE with sklearn `KernelDensity(kernel="gaussian")`) and 2.4
 * (errPDFs); matches them evaluated in numpy/sklearn to rounding.
 * Conventions: `eigenvalues` sorted ascending (as symmetricEigen returns them); kernels beyond
 * 10 bandwidths of a point are skipped (exp(−50) ≈ 2e−22 of a peak), which is what makes the fit fast.
 * Complexity: O(N · min(M, 20h/Δ) + M), Δ = (λ₊ − λ₋)/(M − 1): each kernel touches the points within
 * 10 bandwidths of it.
 *
 * @param variance σ², > 0
 * @param eigenvalues eigenvalues of the correlation matrix, ascending; not modified
 * @param q T/N, > 1
 * @param bandwidth KDE bandwidth h, > 0
 * @returns the sum of squared differences over the M points
 * @throws nothing: an internal objective; marchenkoPasturFit and its callers check the inputs
 * @example marchenkoPasturError(0.5, Float64Array.of(0.2, 0.5, 0.9, 2.4), 4, 0.01);
 * // => 4747.28109137… (the book's errPDFs with sklearn gives 4747.28109137…)
 */
export function marchenkoPasturError(
  variance: number,
  eigenvalues: Float64Array,
  q: number,
  bandwidth: number
): number {
  const points = MARCHENKO_PASTUR_POINTS;
  const n = eigenvalues.length;
  const root = Math.sqrt(1 / q);
  const lower = variance * (1 - root) * (1 - root);
  const upper = variance * (1 + root) * (1 + root);
  const step = (upper - lower) / (points - 1);
  const inverseTwoH2 = 1 / (2 * bandwidth * bandwidth);
  const reach = KERNEL_REACH * bandwidth;
  // Kernel sums, eigenvalue by eigenvalue over the evenly spaced points: along a run of points the
  // Gaussian obeys g(d + Δ) = g(d) · ρ and ρ ← ρ · exp(−Δ²/h²), so each kernel costs three exp()
  // and two products per point instead of one exp() per point (≈ 10× faster; the recurrence's
  // relative rounding grows by ~1 ulp a step, over at most 2 · reach / Δ steps).
  const density = new Float64Array(points);
  const decay = Math.exp(-2 * step * step * inverseTwoH2);
  for (let k = 0; k < n; k++) {
    const e = eigenvalues[k];
    if (e < lower - reach || e > upper + reach) continue;
    let m0 = Math.round((e - lower) / step);
    if (m0 < 0) m0 = 0;
    if (m0 > points - 1) m0 = points - 1;
    const d0 = lower + m0 * step - e;
    const g0 = Math.exp(-d0 * d0 * inverseTwoH2);
    density[m0] += g0;
    // Upwards: d_{m+1}² − d_m² = 2 d_m Δ + Δ².
    let g = g0;
    let ratio = Math.exp(-(2 * d0 * step + step * step) * inverseTwoH2);
    let d = d0;
    for (let m = m0 + 1; m < points; m++) {
      d += step;
      if (d > reach) break;
      g *= ratio;
      ratio *= decay;
      density[m] += g;
    }
    // Downwards: d_{m−1}² − d_m² = −2 d_m Δ + Δ².
    g = g0;
    ratio = Math.exp(-(-2 * d0 * step + step * step) * inverseTwoH2);
    d = d0;
    for (let m = m0 - 1; m >= 0; m--) {
      d -= step;
      if (d < -reach) break;
      g *= ratio;
      ratio *= decay;
      density[m] += g;
    }
  }
  const kernelScale = 1 / (n * bandwidth * Math.sqrt(2 * Math.PI));
  const pdfScale = q / (2 * Math.PI * variance);
  let sse = 0;
  for (let m = 0; m < points; m++) {
    // The last point is λ₊ itself (as numpy's linspace), so f_MP there is exactly 0, not √(−ε).
    const x = m === points - 1 ? upper : lower + m * step;
    const span = (upper - x) * (x - lower);
    const pdf = span > 0 ? (pdfScale / x) * Math.sqrt(span) : 0;
    const error = density[m] * kernelScale - pdf;
    sse += error * error;
  }
  return sse;
}
