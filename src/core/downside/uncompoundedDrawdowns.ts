/**
 * Drawdowns of a portfolio's uncompounded cumulative return, the quantity the CDaR and maximum
 * drawdown optimisers measure (Chekhlov, Uryasev & Zabarankin 2005).
 *
 * Formula: c_t = Σ_{s≤t} r_sᵀw (c_0 = 0), u_t = max(0, max_{s≤t} c_s) (the high-water mark starts at
 * the initial wealth, 0), d_t = u_t − c_t; computed by the recursion d_t = max(0, d_{t−1} − r_tᵀw),
 * d_0 = 0, which is the same thing without the cumulative sums.
 * Reference: Chekhlov, Uryasev & Zabarankin (2005), "Drawdown measure in portfolio optimization",
 * IJTAF 8(1), eq. (2): drawdowns of uncompounded (additive) returns, which keep the optimisation linear.
 * Conventions: returns panel column-major (row t, asset j at data[j·rows + t]), oldest first; the
 * drawdowns are return units (0.3 = 30 percentage points below the peak), not fractions of wealth.
 * Complexity: O(T·n) time, O(T) memory.
 *
 * @param data column-major returns, rows × weights.length, finite
 * @param rows number of scenarios T
 * @param weights portfolio weights w
 * @returns d_1 … d_T, each ≥ 0
 * @throws nothing: the caller validates the panel
 * @example uncompoundedDrawdowns(Float64Array.of(0.1, -0.2, 0.05), 3, [1]); // => [0, 0.2, 0.15]
 */
export function uncompoundedDrawdowns(
  data: ArrayLike<number>,
  rows: number,
  weights: ArrayLike<number>
): Float64Array {
  const portfolio = new Float64Array(rows);
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (w === 0) continue;
    // Column-major: one contiguous pass per asset.
    const offset = j * rows;
    for (let t = 0; t < rows; t++) portfolio[t] += w * data[offset + t];
  }
  const out = new Float64Array(rows);
  let previous = 0;
  for (let t = 0; t < rows; t++) {
    previous = Math.max(0, previous - portfolio[t]);
    out[t] = previous;
  }
  return out;
}
