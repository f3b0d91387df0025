import fc from "fast-check";
import {
  MARCHENKO_PASTUR_POINTS,
  marchenkoPasturError,
} from "../../../src/core/covariance/marchenkoPasturError";
import { readRobustFixture } from "./robustTestKit";

/** The Marchenko–Pastur density and a direct (one exp per pair) kernel density, for comparison. */
function directError(variance: number, eigenvalues: number[], q: number, h: number): number {
  const m = MARCHENKO_PASTUR_POINTS;
  const lo = variance * (1 - Math.sqrt(1 / q)) ** 2;
  const hi = variance * (1 + Math.sqrt(1 / q)) ** 2;
  let sse = 0;
  for (let k = 0; k < m; k++) {
    const x = k === m - 1 ? hi : lo + (k * (hi - lo)) / (m - 1);
    const pdf = (q / (2 * Math.PI * variance * x)) * Math.sqrt(Math.max(0, (hi - x) * (x - lo)));
    let kde = 0;
    for (const e of eigenvalues) kde += Math.exp(-((x - e) ** 2) / (2 * h * h));
    kde /= eigenvalues.length * h * Math.sqrt(2 * Math.PI);
    sse += (kde - pdf) ** 2;
  }
  return sse;
}

describe("marchenkoPasturError", () => {
  it("is Σ f_MP² when every eigenvalue lies far from the support (the kernel density is 0 there)", () => {
    // σ² = 0.5, q = 4: support [0.125, 1.125]; an eigenvalue at 50 is 4,900 bandwidths away.
    const q = 4;
    const expected = directError(0.5, [50], q, 0.01);
    expect(marchenkoPasturError(0.5, Float64Array.of(50), q, 0.01)).toBeCloseTo(expected, 9);
    // The density integrates to 1 over its support, so Σ f_MP² · Δ is finite and positive.
    expect(expected).toBeGreaterThan(0);
  });

  it("matches sklearn KernelDensity + the book's mpPDF (errPDFs) on the book-sized spectra", () => {
    const { fits } = readRobustFixture();
    expect(fits.length).toBe(3);
    for (const fit of fits) {
      const eigenvalues = Float64Array.from(fit.eigenvalues);
      for (const [variance, expected] of Object.entries(fit.errors)) {
        const actual = marchenkoPasturError(Number(variance), eigenvalues, fit.q, fit.bandwidth);
        // Measured ≤ 3e−14 relative: the kernel recurrence and sklearn round differently.
        expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-11);
      }
    }
  });

  it("equals the direct evaluation (one exp per kernel and point) on random spectra", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.double({ min: 1.2, max: 20, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.25),
        (values, variance, q, h) => {
          const sorted = Float64Array.from(values).sort();
          const expected = directError(variance, Array.from(sorted), q, h);
          const actual = marchenkoPasturError(variance, sorted, q, h);
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-10 * Math.max(1, expected));
        }
      ),
      { numRuns: 60 }
    );
  });
});
