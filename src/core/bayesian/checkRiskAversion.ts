import { CoreError } from "../errors";

/**
 * Checks a risk aversion δ: finite and positive.
 *
 * @param riskAversion δ
 * @throws CoreError NON_FINITE; INVALID_ARGUMENT (δ ≤ 0)
 * @example checkRiskAversion(2.5); // => undefined (no throw)
 */
export function checkRiskAversion(riskAversion: number): void {
  if (!Number.isFinite(riskAversion)) {
    throw new CoreError(
      "NON_FINITE",
      `riskAversion is ${riskAversion}; give a finite positive number (2 to 3 is usual)`,
      { argument: "riskAversion" }
    );
  }
  if (!(riskAversion > 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `riskAversion must be above 0 (2 to 3 is usual); got ${riskAversion}`,
      { argument: "riskAversion" }
    );
  }
}
