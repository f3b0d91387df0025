import fc from "fast-check";
import { blackLittermanPosterior } from "../../../src/core/bayesian/blackLittermanPosterior";
import { heLittermanOmega } from "../../../src/core/bayesian/heLittermanOmega";
import { idzorekOmega } from "../../../src/core/bayesian/idzorekOmega";
import { parseViews } from "../../../src/core/bayesian/parseViews";
import {
  makeViews,
  matrix,
  maxAbs,
  maxAbsDiff,
  problemArbitrary,
  rank,
  readFixture,
  smallestEigenvalue,
  type ProblemCase,
} from "./bayesianTestUtils";

const random = readFixture<ProblemCase>("random");
const omegaOf = (values: (number | null)[]) => values.map((v) => (v === null ? Infinity : v));

describe("blackLittermanPosterior", () => {
  it("moves one absolute view's asset half-way with ω = τΣ_AA (hand-worked)", () => {
    // Σ = I, π = (0.1, 0.1), view A1 = 0.3, τ = 0.05, ω = 0.05: A = τ + ω = 0.1,
    // μ = π + τΣp (Q − pπ)/A = (0.1 + 0.05·0.2/0.1, 0.1) = (0.2, 0.1);
    // Σ_BL = (1 + τ)I − τ²ppᵀ/A = diag(1.05 − 0.025, 1.05) = diag(1.025, 1.05).
    const post = blackLittermanPosterior(
      [0.1, 0.1],
      matrix([1, 0, 0, 1]),
      makeViews(2, [{ asset: 0, q: 0.3 }]),
      [0.05]
    );
    expect(Array.from(post.mu)).toEqual([expect.closeTo(0.2, 15), expect.closeTo(0.1, 15)]);
    expect(Array.from(post.cov.data)).toEqual([
      expect.closeTo(1.025, 15),
      0,
      0,
      expect.closeTo(1.05, 15),
    ]);
    expect(post.cov.labels).toEqual(["A1", "A2"]);
  });

  it("spreads a relative view over both assets (hand-worked)", () => {
    // Σ = I, π = 0, view A1 − A2 = 0.1, τ = 0.05, ω = 0.1: A = τ·2 + 0.1 = 0.2,
    // μ = τ(1, −1)·0.1/0.2 = (0.025, −0.025).
    const post = blackLittermanPosterior(
      [0, 0],
      matrix([1, 0, 0, 1]),
      makeViews(2, [{ asset: 0, over: 1, q: 0.1 }]),
      [0.1]
    );
    expect(post.mu[0]).toBeCloseTo(0.025, 15);
    expect(post.mu[1]).toBeCloseTo(-0.025, 15);
  });

  it(`matches the textbook closed forms in numpy ${random.header.numpy} on ${random.cases.length} random problems, both Ω methods`, () => {
    expect(random.header.script).toBe("scripts/fixtures/bayesian.py");
    for (const c of random.cases) {
      const cov = matrix(c.cov, c.labels);
      // An Excel range is never empty, so the no-views case is built directly.
      const views =
        c.views.length > 0 ? parseViews(c.views, c.labels) : makeViews(c.labels.length, []);
      expect(Array.from(views.P)).toEqual(c.P);
      for (const answer of [c.helitterman, c.idzorek]) {
        if (answer === undefined) continue;
        const post = blackLittermanPosterior(c.prior, cov, views, omegaOf(answer.omega), c.tau);
        expect(maxAbsDiff(post.mu, answer.mu)).toBeLessThan(1e-12 * Math.max(1, maxAbs(answer.mu)));
        expect(maxAbsDiff(post.cov.data, answer.cov)).toBeLessThan(1e-12 * maxAbs(answer.cov));
      }
    }
  });

  it("gives back the prior with no views: μ_BL = π and Σ_BL = (1 + τ)Σ", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, prior, tau }) => {
        const post = blackLittermanPosterior(prior, cov, makeViews(n, []), [], tau);
        expect(Array.from(post.mu)).toEqual(prior);
        for (let i = 0; i < n * n; i++) expect(post.cov.data[i]).toBe((1 + tau) * cov.data[i]);
      }),
      { numRuns: 50 }
    );
  });

  it("meets a view of 100 % Idzorek confidence exactly (P μ_BL = Q) and ignores one of 0 %", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, prior, list, tau }) => {
        const exact = list.map((v, k) => ({ ...v, confidence: k % 2 === 0 ? 1 : 0 }));
        const views = makeViews(n, exact);
        fc.pre(rank(views.P, views.count, n) === views.count);
        const post = blackLittermanPosterior(prior, cov, views, idzorekOmega(views, cov, tau), tau);
        const kept = makeViews(
          n,
          exact.filter((v) => v.confidence === 1)
        );
        const alone = blackLittermanPosterior(prior, cov, kept, new Array(kept.count).fill(0), tau);
        expect(maxAbsDiff(post.mu, alone.mu)).toBe(0);
        exact.forEach((v, k) => {
          if (v.confidence !== 1) return;
          let pm = 0;
          for (let j = 0; j < n; j++) pm += views.P[k * n + j] * post.mu[j];
          expect(Math.abs(pm - v.q)).toBeLessThan(1e-9 * (1 + maxAbs(prior)));
        });
      }),
      { numRuns: 100 }
    );
  });

  it("gives a symmetric Σ_BL with Σ_BL − Σ positive semidefinite (so Σ_BL ≥ Σ)", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, prior, list, tau }) => {
        const views = makeViews(n, list);
        fc.pre(rank(views.P, views.count, n) === views.count);
        const post = blackLittermanPosterior(
          prior,
          cov,
          views,
          heLittermanOmega(views, cov, tau),
          tau
        );
        const gap = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(post.cov.data[i * n + j]).toBe(post.cov.data[j * n + i]);
            gap[i * n + j] = post.cov.data[i * n + j] - cov.data[i * n + j];
          }
        }
        expect(smallestEigenvalue(gap, n)).toBeGreaterThan(-1e-12 * maxAbs(cov.data));
        expect(smallestEigenvalue(post.cov.data, n)).toBeGreaterThan(0);
      }),
      { numRuns: 100 }
    );
  });

  it("with He–Litterman Ω, μ_BL does not depend on τ", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, prior, list }) => {
        const views = makeViews(n, list);
        fc.pre(rank(views.P, views.count, n) === views.count);
        const a = blackLittermanPosterior(
          prior,
          cov,
          views,
          heLittermanOmega(views, cov, 0.02),
          0.02
        );
        const b = blackLittermanPosterior(
          prior,
          cov,
          views,
          heLittermanOmega(views, cov, 0.5),
          0.5
        );
        expect(maxAbsDiff(a.mu, b.mu)).toBeLessThan(1e-12 * (1 + maxAbs(a.mu)));
      }),
      { numRuns: 50 }
    );
  });

  it("is invariant to the order of the assets", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, prior, list, tau }) => {
        const views = makeViews(n, list);
        fc.pre(rank(views.P, views.count, n) === views.count);
        const order = Array.from({ length: n }, (_, i) => n - 1 - i);
        const permuted = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) permuted[i * n + j] = cov.data[order[i] * n + order[j]];
        const pv = makeViews(
          n,
          list.map((v) => ({
            ...v,
            asset: n - 1 - v.asset,
            over: v.over === undefined ? undefined : n - 1 - v.over,
          }))
        );
        const omega = heLittermanOmega(views, cov, tau);
        const a = blackLittermanPosterior(prior, cov, views, omega, tau);
        const b = blackLittermanPosterior(
          order.map((i) => prior[i]),
          matrix(permuted),
          pv,
          omega,
          tau
        );
        for (let i = 0; i < n; i++) expect(b.mu[i]).toBeCloseTo(a.mu[order[i]], 12);
      }),
      { numRuns: 50 }
    );
  });

  describe("throws", () => {
    const cov = matrix([1, 0.2, 0.2, 1], ["BTC", "ETH"]);
    const one = makeViews(2, [{ asset: 0, q: 0.3 }]);
    it("LENGTH_MISMATCH when omega is not one per view", () => {
      expect(() => blackLittermanPosterior([0, 0], cov, one, [0.1, 0.1])).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "omega" })
      );
    });
    it("INVALID_ARGUMENT for a negative ω and NON_FINITE for NaN", () => {
      expect(() => blackLittermanPosterior([0, 0], cov, one, [-1])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "omega" })
      );
      expect(() => blackLittermanPosterior([0, 0], cov, one, [NaN])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "omega" })
      );
    });
    it("LENGTH_MISMATCH and NON_FINITE for a bad prior", () => {
      expect(() => blackLittermanPosterior([0], cov, one, [0.1])).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "prior" })
      );
      expect(() => blackLittermanPosterior([0, Infinity], cov, one, [0.1])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "prior", label: "ETH" })
      );
    });
    it("INVALID_ARGUMENT for τ outside (0, 1]", () => {
      expect(() => blackLittermanPosterior([0, 0], cov, one, [0.1], 0)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "tau" })
      );
    });
    it("SINGULAR_MATRIX for dependent fully confident views, naming them", () => {
      // A1 over A2, A2 over A3, A1 over A3, all exact: the third row is the sum of the first two.
      const views = makeViews(3, [
        { asset: 0, over: 1, q: 0.05 },
        { asset: 1, over: 2, q: 0.05 },
        { asset: 0, over: 2, q: 0.2 },
      ]);
      expect(() =>
        blackLittermanPosterior([0, 0, 0], matrix([1, 0, 0, 0, 1, 0, 0, 0, 1]), views, [0, 0, 0])
      ).toThrow(
        expect.objectContaining({
          code: "SINGULAR_MATRIX",
          argument: "views",
          message: expect.stringContaining(
            "A1 over A2 (row 1), A2 over A3 (row 2), A1 over A3 (row 3)"
          ),
        })
      );
    });
    it("SINGULAR_MATRIX for a covariance that is not positive definite", () => {
      expect(() => blackLittermanPosterior([0, 0], matrix([1, 1, 1, 1]), one, [0.1])).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX", argument: "cov" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const cov = matrix([1, 0.2, 0.2, 1]);
    const views = makeViews(2, [{ asset: 0, over: 1, q: 0.1 }]);
    const prior = Object.freeze([0.1, 0.2]);
    const omega = Object.freeze([0.05]);
    const before = [Array.from(cov.data), Array.from(views.P), Array.from(views.Q)];
    blackLittermanPosterior(prior, cov, views, omega);
    expect([Array.from(cov.data), Array.from(views.P), Array.from(views.Q)]).toEqual(before);
    expect(prior).toEqual([0.1, 0.2]);
  });
});
