import { CoreError } from "../errors";

/**
 * Checks the prior's weight τ: in (0, 1], as PyPortfolioOpt requires (τ is the ratio of the
 * uncertainty of the mean to the covariance of returns; 0.01 to 0.05 is usual, after He & Litterman).
 *
 * @param tau τ
 * @throws CoreError NON_FINITE; INVALID_ARGUMENT (τ ≤ 0 or τ > 1)
 * @example checkTau(0.05); // => undefined (no throw)
 */
export function checkTau(tau: number): void {
  if (!Number.isFinite(tau)) {
    throw new CoreError("NON_FINITE", `tau is ${tau}; give a number in (0, 1] such as 0.05`, {
      argument: "tau",
    });
  }
  if (!(tau > 0 && tau <= 1)) {
    throw new CoreError("INVALID_ARGUMENT", `tau must be in (0, 1] (0.05 is usual); got ${tau}`, {
      argument: "tau",
    });
  }
}
