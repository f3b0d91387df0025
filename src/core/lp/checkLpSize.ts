import { CoreError } from "../errors";

/**
 * The most constraint-matrix entries one LP may have. HiGHS (WebAssembly, 32-bit, at most 4 GB and
 * often far less in a browser tab) keeps the matrix by row and by column, plus presolve copies and LU
 * factors: measured with highs 1.15.3 on the primal min-CVaR LP (50 assets), the wasm memory grew
 * by 271 bytes per entry at 260,000 entries and 359 at 1,040,000 (395 MB), so 2.5 million entries
 * stay under about 1 GB. 50 assets × 20 years of daily scenarios (≈ 380,000 entries) fit easily.
 */
export const MAX_LP_ENTRIES = 2_500_000;

/**
 * Refuses a scenario LP too large for the solver's memory budget before any of it is built.
 *
 * Formula: entries ≈ scenarios × (assets + entriesPerScenario); refused above {@link MAX_LP_ENTRIES}.
 * Complexity: O(1).
 *
 * @param scenarios number of scenarios (rows of returns)
 * @param assets number of assets
 * @param method the method's name for the message, e.g. "mincvar"
 * @param entriesPerScenario matrix entries per scenario row beyond the assets' (default 2: u_t and ζ)
 * @throws CoreError INVALID_ARGUMENT naming `prices` with the size and the fix
 * @example checkLpSize(1825, 50, "mincvar"); // passes: 94,900 entries
 */
export function checkLpSize(
  scenarios: number,
  assets: number,
  method: string,
  entriesPerScenario = 2
): void {
  const entries = scenarios * (assets + entriesPerScenario);
  if (entries > MAX_LP_ENTRIES) {
    const fewer = Math.floor(MAX_LP_ENTRIES / (assets + entriesPerScenario));
    throw new CoreError(
      "INVALID_ARGUMENT",
      `prices: ${method} over ${scenarios} scenarios × ${assets} assets needs ${entries} LP coefficients,` +
        ` above the solver's memory budget of ${MAX_LP_ENTRIES}; use at most ${fewer} rows of prices` +
        ` (a shorter history) or fewer assets`,
      { argument: "prices" }
    );
  }
}
