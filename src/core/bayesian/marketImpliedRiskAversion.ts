import { CoreError } from "../errors";

/**
 * Market-implied risk aversion δ: the excess return the market pays per unit of variance.
 *
 * Formula: δ = (E[r_m]·ppy − r_f) / (Var(r_m)·ppy), r_m the simple returns of the market's prices,
 * E the sample mean, Var the sample variance with n − 1 (so the annualised mean is the arithmetic
 * mean times ppy, and the annualised variance the per-period variance times ppy).
 * Reference: Black & Litterman (1992); PyPortfolioOpt `market_implied_risk_aversion`, which this
 * matches for the same `frequency` (= periodsPerYear) and `risk_free_rate`. Its defaults differ:
 * PyPortfolioOpt assumes 252 and 0.02, Diversify 365 (crypto trades every day) and 0.
 * Conventions: prices oldest first, strictly positive; r_f annualised.
 * Complexity: O(n) time, O(1) extra memory.
 *
 * @param marketPrices prices of the market portfolio (e.g. a cap-weighted index or BTC), oldest first, at least 3
 * @param periodsPerYear periods per year of the prices (default 365)
 * @param riskFree annual risk-free rate r_f (default 0)
 * @returns δ > 0
 * @throws CoreError TOO_FEW_POINTS (fewer than 3 prices: a variance needs two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in the prices or riskFree, with the row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not positive; the market's mean return is not above riskFree, so δ ≤ 0)
 * @throws CoreError ZERO_VARIANCE (constant prices)
 * @example marketImpliedRiskAversion([100, 110, 99, 108.9], 1); // => 2.5 (returns 0.1, −0.1, 0.1: mean 1/30, variance 1/75)
 */
export function marketImpliedRiskAversion(
  marketPrices: ArrayLike<number>,
  periodsPerYear = 365,
  riskFree = 0
): number {
  const argument = "marketPrices";
  if (!(Number.isFinite(periodsPerYear) && periodsPerYear > 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `periodsPerYear must be a positive number such as 365, 252, 52 or 12; got ${periodsPerYear}`,
      { argument: "periodsPerYear" }
    );
  }
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree is ${riskFree}; give a finite rate such as 0.02`, {
      argument: "riskFree",
    });
  }
  const n = marketPrices.length;
  if (n < 3) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument} has ${n} price${n === 1 ? "" : "s"}; the market's variance needs at least 3 prices`,
      { argument }
    );
  }
  for (let t = 0; t < n; t++) {
    const price = marketPrices[t];
    if (!Number.isFinite(price)) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: row ${t + 1} is ${price}; every price must be a finite number`,
        { argument, row: t }
      );
    }
    if (price <= 0) {
      throw new CoreError(
        "NON_POSITIVE_PRICE",
        `${argument}: row ${t + 1} is ${price}; prices must be above 0`,
        { argument, row: t }
      );
    }
  }
  // Welford's update: one pass, and no cancellation between Σr² and (Σr)² on long daily series.
  let mean = 0;
  let m2 = 0;
  for (let t = 1; t < n; t++) {
    const r = marketPrices[t] / marketPrices[t - 1] - 1;
    const delta = r - mean;
    mean += delta / t;
    m2 += delta * (r - mean);
  }
  const variance = m2 / (n - 2);
  if (!(variance > 0)) {
    throw new CoreError(
      "ZERO_VARIANCE",
      `${argument} has constant returns, so its variance is 0 and the risk aversion is undefined; give a market series that moves, or give riskAversion directly`,
      { argument }
    );
  }
  const excess = mean * periodsPerYear - riskFree;
  const fmt = (v: number) => String(Number(v.toPrecision(4)));
  if (!(excess > 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument}: the market's annualised mean return ${fmt(mean * periodsPerYear)} is not above riskFree ${fmt(riskFree)}, so the implied risk aversion would be ${fmt(excess / (variance * periodsPerYear))} (it must be positive); use a longer market history or give riskAversion directly (2 to 3 is usual)`,
      { argument }
    );
  }
  return excess / (variance * periodsPerYear);
}
