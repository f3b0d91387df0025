import fc from "fast-check";
import { blackLittermanPosterior } from "../../../src/core/bayesian/blackLittermanPosterior";
import { idzorekOmega } from "../../../src/core/bayesian/idzorekOmega";
import { parseViews } from "../../../src/core/bayesian/parseViews";
import {
  makeViews,
  matrix,
  problemArbitrary,
  readFixture,
  type ProblemCase,
} from "./bayesianTestUtils";

const random = readFixture<ProblemCase>("random");
const identity5 = matrix(Array.from({ length: 25 }, (_, i) => (i % 6 === 0 ? 1 : 0)));

describe("idzorekOmega", () => {
  it("is τ pΣpᵀ (1 − c)/c, exactly 0 at c = 1 and +Infinity at c = 0 (hand-worked)", () => {
    // Σ_AA = 0.04, τ = 0.05: c = 0.5 → 0.002·1; c = 0.2 → 0.002·4 = 0.008.
    const cov = matrix([0.04, 0.01, 0.01, 0.09]);
    const views = makeViews(2, [
      { asset: 0, q: 0.4, confidence: 0.5 },
      { asset: 1, over: 0, q: 0.1, confidence: 0.2 },
    ]);
    const omega = idzorekOmega(views, cov);
    expect(omega[0]).toBeCloseTo(0.002, 16);
    // Relative view: pΣpᵀ = 0.04 + 0.09 − 0.02 = 0.11; × 0.05 × 4 = 0.022.
    expect(omega[1]).toBeCloseTo(0.022, 16);
    const edge = idzorekOmega(
      makeViews(2, [
        { asset: 0, q: 0.4, confidence: 1 },
        { asset: 1, q: 0.1, confidence: 0 },
      ]),
      cov
    );
    expect(Array.from(edge)).toEqual([0, Infinity]);
  });

  it("reproduces PyPortfolioOpt's test_idzorek_basic: Σ = I, π = 0.1, views 0.3, μ = 0.1 + c·0.2", () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`A${i + 1}`, 0.3]);
    for (const c of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
      const views = {
        ...parseViews(rows, identity5.labels),
        confidences: new Float64Array(5).fill(c),
      };
      const post = blackLittermanPosterior(
        new Array(5).fill(0.1),
        identity5,
        views,
        idzorekOmega(views, identity5)
      );
      // PyPortfolioOpt asserts 7 decimals (assert_almost_equal); the closed form is exact here.
      for (const m of post.mu) expect(m).toBeCloseTo(0.1 + c * 0.2, 14);
    }
  });

  it(`matches numpy on ${random.cases.length} random problems`, () => {
    for (const c of random.cases) {
      if (c.views.length === 0) continue;
      const omega = idzorekOmega(parseViews(c.views, c.labels), matrix(c.cov, c.labels), c.tau);
      (c.idzorek?.omega ?? []).forEach((w, k) =>
        w === null
          ? expect(omega[k]).toBe(Infinity)
          : expect(Math.abs(omega[k] - w)).toBeLessThan(1e-15 + 1e-13 * w)
      );
    }
  });

  it("tilts the returns by the fraction c of the fully confident tilt, for one view alone (Idzorek's definition)", () => {
    fc.assert(
      fc.property(
        problemArbitrary,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ n, cov, prior, list, tau }, c) => {
          fc.pre(list.length > 0);
          const full = makeViews(n, [{ ...list[0], confidence: 1 }]);
          const partial = makeViews(n, [{ ...list[0], confidence: c }]);
          const muFull = blackLittermanPosterior(
            prior,
            cov,
            full,
            idzorekOmega(full, cov, tau),
            tau
          ).mu;
          const mu = blackLittermanPosterior(
            prior,
            cov,
            partial,
            idzorekOmega(partial, cov, tau),
            tau
          ).mu;
          for (let i = 0; i < n; i++) {
            expect(Math.abs(mu[i] - prior[i] - c * (muFull[i] - prior[i]))).toBeLessThan(
              1e-12 * (1 + Math.abs(muFull[i]))
            );
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    const cov = matrix([1, 0, 0, 1]);
    it("INVALID_ARGUMENT without confidences, pointing to helitterman", () => {
      expect(() => idzorekOmega(makeViews(2, [{ asset: 0, q: 0.1 }]), cov)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringContaining('use uncertainty "helitterman"'),
        })
      );
    });
    it("INVALID_ARGUMENT for a confidence outside [0, 1] (built by hand)", () => {
      expect(() =>
        idzorekOmega(makeViews(2, [{ asset: 0, q: 0.1, confidence: 1.1 }]), cov)
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "views" }));
      expect(() =>
        idzorekOmega(makeViews(2, [{ asset: 0, q: 0.1, confidence: -0.1 }]), cov)
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "views" }));
    });
  });

  it("leaves its inputs unchanged", () => {
    const views = makeViews(2, [{ asset: 0, q: 0.1, confidence: 0.5 }]);
    const cov = matrix([1, 0, 0, 1]);
    idzorekOmega(views, cov);
    expect(Array.from(views.confidences as Float64Array)).toEqual([0.5]);
    expect(Array.from(cov.data)).toEqual([1, 0, 0, 1]);
  });
});
