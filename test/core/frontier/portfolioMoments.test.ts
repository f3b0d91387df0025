import fc from "fast-check";
import { portfolioMoments } from "../../../src/core/frontier/portfolioMoments";

/** The dense double sum, in the same order: what portfolioMoments must equal bit for bit. */
function dense(mu: Float64Array, cov: Float64Array, n: number, w: Float64Array) {
  let expectedReturn = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    expectedReturn += mu[i] * w[i];
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j] * w[j];
    variance += w[i] * s;
  }
  return { expectedReturn, variance: Math.max(variance, 0) };
}

describe("portfolioMoments", () => {
  it("gives μᵀw and wᵀΣw of a hand-worked portfolio", () => {
    // w = (0.5, 0, 0.5), Σ = diag(0.04, 0.09, 0.01) + 0.01 off (0, 2): μᵀw = 0.05 + 0.15 = 0.2;
    // wᵀΣw = 0.25·0.04 + 0.25·0.01 + 2·0.25·0.01 = 0.0175.
    const cov = Float64Array.of(0.04, 0, 0.01, 0, 0.09, 0, 0.01, 0, 0.01);
    const m = portfolioMoments(
      Float64Array.of(0.1, 0.5, 0.3),
      cov,
      3,
      Float64Array.of(0.5, 0, 0.5)
    );
    expect(m.expectedReturn).toBeCloseTo(0.2, 15);
    expect(m.variance).toBeCloseTo(0.0175, 15);
  });

  it("is bit-identical to the dense loops on sparse weights (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            }),
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            fc.array(
              fc.oneof(
                fc.constant(0),
                fc.constant(-0),
                fc.double({ min: -1, max: 1, noNaN: true })
              ),
              {
                minLength: n,
                maxLength: n,
              }
            )
          )
        ),
        ([n, entries, muValues, weights]) => {
          const cov = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) cov[i * n + j] = cov[j * n + i] = entries[i * n + j];
          const mu = Float64Array.from(muValues);
          const w = Float64Array.from(weights);
          const got = portfolioMoments(mu, cov, n, w);
          const want = dense(mu, cov, n, w);
          expect(Object.is(got.expectedReturn, want.expectedReturn)).toBe(true);
          expect(Object.is(got.variance, want.variance)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("sums every term with skipZeros false, so a non-finite entry under a zero weight gives NaN", () => {
    // Asset 2 is not held; its mean is NaN and its covariance with asset 1 is Infinity.
    const mu = Float64Array.of(0.1, NaN);
    const cov = Float64Array.of(0.04, Infinity, Infinity, 0.09);
    const w = Float64Array.of(1, 0);
    // Skipping zero weights never reads them: μᵀw = 0.1, wᵀΣw = 0.04.
    expect(portfolioMoments(mu, cov, 2, w)).toEqual({ expectedReturn: 0.1, variance: 0.04 });
    // Every term: 0.1 + NaN·0 = NaN; row 1 = 0.04 + Infinity·0 = NaN.
    const all = portfolioMoments(mu, cov, 2, w, false);
    expect(all.expectedReturn).toBeNaN();
    expect(all.variance).toBeNaN();
  });

  it("is the dense loops bit for bit with skipZeros false, non-finite entries included (property)", () => {
    const entry = fc.oneof(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.constantFrom(NaN, Infinity, -Infinity, 0, -0)
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(entry, { minLength: n * n, maxLength: n * n }),
              fc.array(entry, { minLength: n, maxLength: n }),
              fc.array(entry, { minLength: n, maxLength: n })
            )
          ),
        ([n, entries, muValues, weights]) => {
          const cov = Float64Array.from(entries);
          const mu = Float64Array.from(muValues);
          const w = Float64Array.from(weights);
          const got = portfolioMoments(mu, cov, n, w, false);
          const want = dense(mu, cov, n, w);
          expect(Object.is(got.expectedReturn, want.expectedReturn)).toBe(true);
          expect(Object.is(got.variance, want.variance)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("does not modify its inputs", () => {
    const mu = Float64Array.of(0.1, 0.2);
    const cov = Float64Array.of(0.04, 0.01, 0.01, 0.09);
    const w = Float64Array.of(0.3, 0.7);
    const copy = Float64Array.from(cov);
    portfolioMoments(mu, cov, 2, w);
    expect(cov).toEqual(copy);
    expect(w).toEqual(Float64Array.of(0.3, 0.7));
    expect(mu).toEqual(Float64Array.of(0.1, 0.2));
  });
});
