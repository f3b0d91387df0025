import { blackLitterman } from "../../../src/core/bayesian/blackLitterman";
import { efficientFrontier } from "../../../src/core/frontier/efficientFrontier";
import { maximumSharpePortfolio } from "../../../src/core/frontier/maximumSharpePortfolio";
import { maximumSharpeConstrained } from "../../../src/core/optimize/maximumSharpeConstrained";
import { blackLittermanPosterior } from "../../../src/core/bayesian/blackLittermanPosterior";
import { parseViews } from "../../../src/core/bayesian/parseViews";
import {
  makeViews,
  matrix,
  maxAbs,
  maxAbsDiff,
  readFixture,
  type MethodAnswer,
  type ProblemCase,
} from "./bayesianTestUtils";

const random = readFixture<ProblemCase>("random");
const stocks = readFixture<ProblemCase>("stocks").cases[0];
const crypto = readFixture<ProblemCase>("crypto").cases[0];
const stockCov = matrix(stocks.cov, stocks.labels);

/** PyPortfolioOpt base_optimizer.portfolio_performance with the posterior: (μᵀw, √wᵀΣw, Sharpe at rf 0.02). */
function performance(
  mu: ArrayLike<number>,
  cov: { size: number; data: Float64Array },
  w: ArrayLike<number>
) {
  const n = cov.size;
  let ret = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    ret += mu[i] * w[i];
    for (let j = 0; j < n; j++) variance += w[i] * cov.data[i * n + j] * w[j];
  }
  const vol = Math.sqrt(variance);
  return [ret, vol, (ret - 0.02) / vol];
}

function expectAllClose(actual: number[], expected: number[], rtol: number) {
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(rtol * Math.abs(expected[i]))
  );
}

function expectAnswer(
  result: ReturnType<typeof blackLitterman>,
  answer: MethodAnswer,
  weights: number[]
) {
  expect(maxAbsDiff(result.mu, answer.mu)).toBeLessThan(1e-12 * Math.max(1, maxAbs(answer.mu)));
  expect(maxAbsDiff(result.cov.data, answer.cov)).toBeLessThan(1e-12 * maxAbs(answer.cov));
  expect(maxAbsDiff(result.weights, weights)).toBeLessThan(1e-9 * Math.max(1, maxAbs(weights)));
}

describe("blackLitterman", () => {
  it("reproduces the hand-worked single view with an explicit prior", () => {
    // Σ = I, π = 0.1, view A = 0.3: He–Litterman ω = τ, so A moves half-way to 0.2 (see the posterior test).
    const result = blackLitterman(
      matrix([1, 0, 0, 1], ["A", "B"]),
      makeViews(2, [{ asset: 0, q: 0.3 }]),
      {
        prior: [0.1, 0.1],
      }
    );
    expect(result.mu[0]).toBeCloseTo(0.2, 15);
    expect(result.omega[0]).toBeCloseTo(0.05, 15);
    expect(result.riskAversion).toBeUndefined();
    // w ∝ Σ_BL⁻¹μ = (0.2/1.025, 0.1/1.05).
    const raw = [0.2 / 1.025, 0.1 / 1.05];
    expect(result.weights[0]).toBeCloseTo(raw[0] / (raw[0] + raw[1]), 14);
  });

  describe("PyPortfolioOpt's published values (tests/test_black_litterman.py, its stock_prices.csv)", () => {
    // The covariance is its sample_cov re-derived in numpy by scripts/fixtures/bayesian.py.
    it("test_idzorek_with_priors: market prior (δ = 1), Idzorek confidences [1, 1, 0.25, 0.25]", () => {
      const views = parseViews(
        [["asset", "return", "confidence"], ...stocks.views.map((v) => [v[0], v[2], v[3]])],
        stocks.labels
      );
      const result = blackLitterman(stockCov, views, {
        marketCaps: stocks.marketCaps,
        riskAversion: 1,
        uncertainty: "idzorek",
        weightsCovariance: "prior",
      });
      expect(result.omega[0]).toBe(0);
      expect(result.mu[stocks.labels.indexOf("AAPL")]).toBeCloseTo(-0.3, 7);
      expectAllClose(
        performance(result.mu, result.cov, result.weights),
        [0.943431295405105, 0.5361412623208567, 1.722365653051476],
        1e-7
      );
      expectAnswer(
        result,
        stocks.idzorek as MethodAnswer,
        (stocks.idzorek as MethodAnswer).weightsPrior
      );
    });

    it("test_bl_market_prior: market prior with δ from SPY (published to 5 decimals: 2.68549) and r_f = 0.02", () => {
      // market_implied_prior_returns adds its default risk_free_rate 0.02; the views get He–Litterman Ω
      // and bl_weights(delta) solves with the prior Σ. Only δ's rounding separates this from the
      // published run (relative 2e-6 in π), hence rtol 1e-5 instead of 1e-7.
      const views = parseViews(
        [
          ["GOOG", 0.4],
          ["AAPL", -0.3],
          ["FB", 0.3],
          ["BABA", 0],
        ],
        stocks.labels
      );
      const result = blackLitterman(stockCov, views, {
        marketCaps: stocks.marketCaps,
        riskAversion: 2.68549,
        riskFree: 0.02,
        weightsCovariance: "prior",
      });
      views.names.forEach((name, k) => {
        const i = stocks.labels.indexOf(name);
        const [low, high] = [
          Math.min(result.prior[i], views.Q[k]),
          Math.max(result.prior[i], views.Q[k]),
        ];
        expect(result.mu[i]).toBeGreaterThanOrEqual(low);
        expect(result.mu[i]).toBeLessThanOrEqual(high);
      });
      expectAllClose(
        performance(result.mu, result.cov, result.weights),
        [0.2580693114409672, 0.265445955488424, 0.8968654692926723],
        1e-5
      );
    });

    const fiveViews = [
      ["AAPL", 0.2],
      ["BBY", -0.3],
      ["BAC", 0],
      ["SBUX", -0.2],
      ["T", 0.131321],
    ];

    it("test_bl_equal_prior: π = 1/20, He–Litterman Ω", () => {
      const result = blackLitterman(stockCov, parseViews(fiveViews, stocks.labels), {
        prior: new Array(20).fill(0.05),
        weightsCovariance: "prior",
      });
      expectAllClose(
        performance(result.mu, result.cov, result.weights),
        [0.1877432247395778, 0.3246889329226965, 0.5166274785827545],
        1e-7
      );
    });

    it("test_bl_weights: no prior (π = 0), weights as clean_weights rounds them (5 decimals, |w| < 1e-4 → 0)", () => {
      const published: Record<string, number> = {
        AAPL: 1.40675,
        BAC: 0.02651,
        T: 2.81117,
        BBY: -1.44667,
        SBUX: -1.79776,
      };
      const result = blackLitterman(stockCov, parseViews(fiveViews, stocks.labels), {
        prior: new Array(20).fill(0),
        weightsCovariance: "prior",
      });
      stocks.labels.forEach((label, i) => {
        if (label in published)
          expect(Math.abs(result.weights[i] - published[label])).toBeLessThanOrEqual(5e-6);
        else expect(Math.abs(result.weights[i])).toBeLessThan(1e-4);
      });
    });

    it("test_bl_no_uncertainty: Ω = 0 makes the posterior equal the views", () => {
      const views = parseViews(
        [
          ["GOOG", 0.4],
          ["AAPL", -0.3],
          ["FB", 0.3],
          ["BABA", 0],
        ],
        stocks.labels
      );
      const post = blackLittermanPosterior(new Array(20).fill(0), stockCov, views, [0, 0, 0, 0]);
      views.Q.forEach((q, k) =>
        expect(Math.abs(post.mu[stocks.labels.indexOf(views.names[k])] - q)).toBeLessThan(1e-12)
      );
    });
  });

  it(`matches numpy on the stock data with He–Litterman Ω and on ${random.cases.length} random problems`, () => {
    const views = parseViews(
      [["asset", "return", "confidence"], ...stocks.views.map((v) => [v[0], v[2], v[3]])],
      stocks.labels
    );
    expectAnswer(
      blackLitterman(stockCov, views, { marketCaps: stocks.marketCaps, riskAversion: 1 }),
      stocks.helitterman,
      stocks.helitterman.weightsPosterior
    );
    for (const c of random.cases) {
      const cov = matrix(c.cov, c.labels);
      const parsed =
        c.views.length > 0 ? parseViews(c.views, c.labels) : makeViews(c.labels.length, []);
      for (const uncertainty of ["helitterman", "idzorek"] as const) {
        const answer = c[uncertainty] as MethodAnswer;
        for (const weightsCovariance of ["posterior", "prior"] as const) {
          const result = blackLitterman(cov, parsed, {
            marketCaps: c.marketCaps,
            riskAversion: c.riskAversion,
            riskFree: c.riskFree,
            uncertainty,
            tau: c.tau,
            weightsCovariance,
          });
          expect(maxAbsDiff(result.prior, c.prior)).toBeLessThan(1e-14);
          expectAnswer(
            result,
            answer,
            weightsCovariance === "prior" ? answer.weightsPrior : answer.weightsPosterior
          );
        }
      }
    }
  });

  it("matches numpy on crypto large caps in 2021, δ implied from BTC, views SOL 40 % and ETH over BTC by 5 %", () => {
    const table = [["asset", "over", "return", "confidence"], ...crypto.views];
    const views = parseViews(table, crypto.labels);
    expect(views.names).toEqual(["SOL", "ETH over BTC"]);
    const cov = matrix(crypto.cov, crypto.labels);
    for (const uncertainty of ["helitterman", "idzorek"] as const) {
      const result = blackLitterman(cov, views, {
        marketCaps: crypto.marketCaps,
        marketPrices: (crypto.prices as number[][])[0],
        periodsPerYear: 365,
        uncertainty,
      });
      expect(result.riskAversion).toBeCloseTo(crypto.riskAversion, 12);
      expect(maxAbsDiff(result.prior, crypto.prior)).toBeLessThan(1e-13);
      const answer = crypto[uncertainty] as MethodAnswer;
      expectAnswer(result, answer, answer.weightsPosterior);
    }
  });

  it("feeds the existing optimisers as (mu, cov): the QP and the critical line agree, and equal the BL weights when those are long-only", () => {
    const cov = matrix(crypto.cov, crypto.labels);
    const options = {
      marketCaps: crypto.marketCaps,
      riskAversion: crypto.riskAversion,
      uncertainty: "idzorek",
    } as const;
    const both = blackLitterman(
      cov,
      parseViews([["asset", "over", "return", "confidence"], ...crypto.views], crypto.labels),
      options
    );
    const qp = maximumSharpeConstrained(both.mu, both.cov);
    const cla = maximumSharpePortfolio(both.mu, both.cov);
    expect(maxAbsDiff(qp.weights, cla.weights)).toBeLessThan(1e-8);
    expect(efficientFrontier(both.mu, both.cov).length).toBeGreaterThan(1);
    // The views short BTC in the unconstrained weights. With no views the long-only tangency
    // portfolio of the market prior is the market portfolio itself (reverse optimisation, r_f = 0).
    const none = blackLitterman(cov, makeViews(6, []), options);
    const market = maximumSharpeConstrained(none.mu, none.cov);
    expect(maxAbsDiff(market.weights, none.marketWeights as Float64Array)).toBeLessThan(1e-8);
    expect(maxAbsDiff(none.weights, none.marketWeights as Float64Array)).toBeLessThan(1e-12);
  });

  it("weights sum to 1", () => {
    for (const c of random.cases) {
      const parsed =
        c.views.length > 0 ? parseViews(c.views, c.labels) : makeViews(c.labels.length, []);
      const result = blackLitterman(matrix(c.cov, c.labels), parsed, {
        marketCaps: c.marketCaps,
        riskAversion: 2,
      });
      expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
      // No views: the market portfolio is the answer up to the (1 + τ) scale, which the normalisation removes.
      if (c.views.length === 0)
        expect(maxAbsDiff(result.weights, result.marketWeights as Float64Array)).toBeLessThan(
          1e-12
        );
    }
  });

  describe("throws", () => {
    const cov = matrix([1, 0, 0, 1], ["BTC", "ETH"]);
    const views = makeViews(2, [{ asset: 0, q: 0.3 }]);
    it("INVALID_ARGUMENT without a prior source, or with both", () => {
      expect(() => blackLitterman(cov, views, {})).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "marketCaps" })
      );
      expect(() => blackLitterman(cov, views, { prior: [0, 0], marketCaps: [1, 1] })).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "give either marketCaps or a prior, not both",
        })
      );
    });
    it("INVALID_ARGUMENT for a market prior without a risk aversion", () => {
      expect(() => blackLitterman(cov, views, { marketCaps: [1, 1] })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "riskAversion" })
      );
    });
    it("INVALID_ARGUMENT for unknown option words, listing the choices", () => {
      expect(() =>
        blackLitterman(cov, views, { prior: [0, 0], uncertainty: "idzorck" as "idzorek" })
      ).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: 'uncertainty must be "helitterman" or "idzorek"; got "idzorck"',
        })
      );
      expect(() =>
        blackLitterman(cov, views, { prior: [0, 0], weightsCovariance: "both" as "prior" })
      ).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "weightsCovariance" })
      );
    });
    it("SINGULAR_MATRIX for a covariance that is not positive definite, from the posterior step", () => {
      expect(() =>
        blackLitterman(matrix([1, 1, 1, 1], ["BTC", "ETH"]), views, { prior: [0, 0] })
      ).toThrow(expect.objectContaining({ code: "SINGULAR_MATRIX", argument: "cov" }));
    });
    it("INVALID_ARGUMENT for Idzorek without confidences", () => {
      expect(() => blackLitterman(cov, views, { prior: [0, 0], uncertainty: "idzorek" })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "views" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const cov = matrix([1, 0.3, 0.3, 2], ["BTC", "ETH"]);
    const caps = Object.freeze([2, 1]);
    const views = makeViews(2, [{ asset: 1, over: 0, q: 0.05, confidence: 0.5 }]);
    const before = Array.from(cov.data);
    blackLitterman(cov, views, { marketCaps: caps, riskAversion: 2.5, uncertainty: "idzorek" });
    expect(Array.from(cov.data)).toEqual(before);
    expect(caps).toEqual([2, 1]);
  });
});
