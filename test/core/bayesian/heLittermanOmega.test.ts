import fc from "fast-check";
import { heLittermanOmega } from "../../../src/core/bayesian/heLittermanOmega";
import { parseViews } from "../../../src/core/bayesian/parseViews";
import {
  makeViews,
  matrix,
  problemArbitrary,
  readFixture,
  type ProblemCase,
} from "./bayesianTestUtils";

const random = readFixture<ProblemCase>("random");

describe("heLittermanOmega", () => {
  it("is τ pΣpᵀ per view (hand-worked)", () => {
    // Absolute A1: 0.05 × 0.04 = 0.002; relative A2 over A1: 0.05 × (0.09 + 0.04 − 2·0.01) = 0.0055.
    const omega = heLittermanOmega(
      makeViews(2, [
        { asset: 0, q: 0.4 },
        { asset: 1, over: 0, q: 0.1 },
      ]),
      matrix([0.04, 0.01, 0.01, 0.09])
    );
    expect(omega[0]).toBeCloseTo(0.002, 16);
    expect(omega[1]).toBeCloseTo(0.0055, 16);
  });

  it("is τ·diag(Σ) for one absolute view per asset (PyPortfolioOpt's test_default_omega)", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, tau }) => {
        const views = makeViews(
          n,
          Array.from({ length: n }, (_, i) => ({ asset: i, q: 0.1 }))
        );
        const omega = heLittermanOmega(views, cov, tau);
        for (let i = 0; i < n; i++) expect(omega[i]).toBeCloseTo(tau * cov.data[i * n + i], 15);
      }),
      { numRuns: 50 }
    );
  });

  it(`matches numpy on ${random.cases.length} random problems`, () => {
    for (const c of random.cases) {
      if (c.views.length === 0) continue;
      const omega = heLittermanOmega(parseViews(c.views, c.labels), matrix(c.cov, c.labels), c.tau);
      c.helitterman.omega.forEach((w, k) =>
        expect(Math.abs(omega[k] - (w as number))).toBeLessThan(1e-13 * (w as number))
      );
    }
  });

  describe("throws", () => {
    it("LENGTH_MISMATCH for views on another number of assets", () => {
      expect(() =>
        heLittermanOmega(makeViews(3, [{ asset: 0, q: 0.1 }]), matrix([1, 0, 0, 1]))
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "views" }));
    });
    it("INVALID_ARGUMENT for τ outside (0, 1]", () => {
      expect(() =>
        heLittermanOmega(makeViews(2, [{ asset: 0, q: 0.1 }]), matrix([1, 0, 0, 1]), 1.5)
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "tau" }));
    });
  });

  it("leaves its inputs unchanged", () => {
    const views = makeViews(2, [{ asset: 1, over: 0, q: 0.1 }]);
    const cov = matrix([1, 0.5, 0.5, 1]);
    heLittermanOmega(views, cov);
    expect(Array.from(views.P)).toEqual([-1, 1]);
    expect(Array.from(cov.data)).toEqual([1, 0.5, 0.5, 1]);
  });
});
