import { CoreError } from "../errors";
import type { BlackLittermanViews } from "./types";

/**
 * Validates views built by hand (or by {@link parseViews}) against the number of assets.
 *
 * Complexity: O(K·N).
 *
 * @param views P (K × N), Q (K), optional confidences, names and rows
 * @param n the number of assets of the covariance matrix
 * @throws CoreError LENGTH_MISMATCH (N, P, Q, names, rows or confidences of the wrong size)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in P, Q or the confidences)
 * @throws CoreError INVALID_ARGUMENT (a P row of zeros; a confidence outside [0, 1])
 * @example checkViews({ count: 1, assets: 2, P: Float64Array.of(1, 0), Q: Float64Array.of(0.1), names: ["A"], rows: [0] }, 2);
 * // => undefined (no throw)
 */
export function checkViews(views: BlackLittermanViews, n: number): void {
  const argument = "views";
  const k = views.count;
  const mismatch = (what: string, got: number, want: number) =>
    new CoreError(
      "LENGTH_MISMATCH",
      `${argument}: ${what} has ${got} entries but ${k} views on ${n} assets need ${want}; build P as K × N and Q as K`,
      { argument }
    );
  if (!Number.isInteger(k) || k < 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument}: count must be a whole number ≥ 0; got ${k}`,
      {
        argument,
      }
    );
  }
  if (views.assets !== n) throw mismatch("the asset count", views.assets, n);
  if (views.P.length !== k * n) throw mismatch("P", views.P.length, k * n);
  if (views.Q.length !== k) throw mismatch("Q", views.Q.length, k);
  if (views.names.length !== k) throw mismatch("names", views.names.length, k);
  if (views.rows.length !== k) throw mismatch("rows", views.rows.length, k);
  if (views.confidences !== undefined && views.confidences.length !== k) {
    throw mismatch("confidences", views.confidences.length, k);
  }
  for (let v = 0; v < k; v++) {
    const location = { argument, row: views.rows[v] };
    let norm = 0;
    for (let j = 0; j < n; j++) {
      const value = views.P[v * n + j];
      if (!Number.isFinite(value)) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: P row ${v + 1} (${views.names[v]}), column ${j + 1} is ${value}; every entry must be a finite number`,
          { ...location, column: j }
        );
      }
      norm += Math.abs(value);
    }
    if (norm === 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: P row ${v + 1} (${views.names[v]}) is all zeros, so the view is on no asset; remove it`,
        location
      );
    }
    if (!Number.isFinite(views.Q[v])) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: the return of view ${v + 1} (${views.names[v]}) is ${views.Q[v]}; give a finite number`,
        location
      );
    }
    const c = views.confidences?.[v];
    if (c !== undefined && !(c >= 0 && c <= 1)) {
      throw new CoreError(
        Number.isNaN(c) ? "NON_FINITE" : "INVALID_ARGUMENT",
        `${argument}: the confidence of view ${v + 1} (${views.names[v]}) is ${c}; give a fraction in [0, 1] such as 0.6`,
        location
      );
    }
  }
}
