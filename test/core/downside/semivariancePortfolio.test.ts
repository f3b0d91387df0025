import fc from "fast-check";
import { semivariancePortfolio } from "../../../src/core/downside/semivariancePortfolio";
import {
  bestSingleAssetMean,
  codeOf,
  expectOracleOptimum,
  mean,
  panelFromRows,
  plainSemideviation,
  randomPanelWithWeights,
  readDownsideFixture,
  suiteHighs,
} from "./downsideTestKit";

const fixture = readDownsideFixture("downsideSemivariance");

const highs = suiteHighs();

describe("semivariancePortfolio", () => {
  it("hand-worked: one asset never falls below the threshold", () => {
    // A: −1 %, +3 %; B: +0.5 %, +0.5 %. B never falls below 0, so w = (0, 1) has semideviation 0;
    // any weight a on A gives r_1 = −0.01a + 0.005(1 − a) < 0 once a > 1/3, and ≥ 0 below it, so
    // the minimum (0) is attained for every a ≤ 1/3: the reported risk must be 0.
    const panel = panelFromRows([-0.01, 0.005, 0.03, 0.005], 2, 2);
    const p = semivariancePortfolio(panel, { objective: "minrisk" }, highs);
    expect(p.risk).toBeCloseTo(0, 9);
    expect(p.weights[0]).toBeLessThanOrEqual(1 / 3 + 1e-7);
  });

  it("hand-worked: two mirror assets with a target return", () => {
    // A: +4 %, −2 % (mean 1 %); B: −2 %, +4 % (mean 1 %). w = (a, 1 − a): r_1 = 0.06a − 0.02,
    // r_2 = 0.04 − 0.06a; both ≥ 0 for a ∈ [1/3, 2/3], so the semideviation is 0 at a = ½ and the
    // mean is 1 %. With threshold 0.01 (the mean): r_1 − h = 0.06a − 0.03, r_2 − h = 0.03 − 0.06a,
    // semivariance = ½·(0.03 − 0.06a)² for a < ½ (and symmetric), minimised at a = ½ with 0.
    const panel = panelFromRows([0.04, -0.02, -0.02, 0.04], 2, 2);
    const p = semivariancePortfolio(panel, { objective: "minrisk", threshold: 0.01 }, highs);
    expect(p.weights[0]).toBeCloseTo(0.5, 6);
    expect(p.risk).toBeCloseTo(0, 8);
    expect(p.expectedReturn).toBeCloseTo(0.01, 12);
  });

  it("hand-worked: a single loss scenario, semideviation = |loss|·w / √T", () => {
    // A: −3 %, +5 %, +4 % (mean 2 %); B: +1 % every period (mean 1 %, never negative).
    // Target 1.5 % needs a ≥ ½; the only negative return is r_1 = −0.03a + 0.01(1 − a) = 0.01 − 0.04a,
    // negative for a > ¼, so at a = ½: r_1 = −0.01 and semideviation = 0.01/√3.
    const panel = panelFromRows([-0.03, 0.01, 0.05, 0.01, 0.04, 0.01], 3, 2);
    const p = semivariancePortfolio(panel, { objective: "minrisk", targetReturn: 0.015 }, highs);
    expect(p.weights[0]).toBeCloseTo(0.5, 6);
    expect(p.risk).toBeCloseTo(0.01 / Math.sqrt(3), 8);
  });

  it(`matches SLSQP on the semivariance on ${fixture.cases.length} fixture problems (${String(fixture.header.script)})`, () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(12);
    for (const c of fixture.cases) {
      const panel = fixture.panelsAsReturns[c.panel];
      const p = semivariancePortfolio(panel, c.options, highs);
      const h = c.options.threshold ?? 0;
      expect(Math.abs(p.risk - plainSemideviation(panel, p.weights, h))).toBeLessThanOrEqual(1e-12);
      // Sortino against SLSQP's own optimum (ftol 1e-15); the Newton method agrees to ~1e-11 relative.
      expectOracleOptimum(p, c, { ratio: 1e-8, risk: 1e-10 });
      for (let j = 0; j < p.weights.length; j++) {
        expect(Math.abs(p.weights[j] - c.weights[j])).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it("is no worse than any random portfolio and reports the recomputed semideviation (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, fc.constantFrom(0, 0.002), ([panel, w], threshold) => {
        const p = semivariancePortfolio(panel, { objective: "minrisk", threshold }, highs);
        expect(
          Math.abs(p.risk - plainSemideviation(panel, p.weights, threshold))
        ).toBeLessThanOrEqual(1e-12);
        expect(p.risk).toBeLessThanOrEqual(plainSemideviation(panel, w, threshold) + 1e-12);
        expect(Math.abs(p.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.min(...p.weights)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 }
    );
  });

  it("max Sortino beats every random portfolio's Sortino ratio (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, ([panel, w]) => {
        fc.pre(bestSingleAssetMean(panel) > 1e-4);
        const p = semivariancePortfolio(panel, { objective: "maxratio" }, highs);
        fc.pre(p.risk > 1e-9);
        const sortino = p.expectedReturn / p.risk;
        const other = mean(panel, w) / plainSemideviation(panel, w, 0);
        expect(sortino).toBeGreaterThanOrEqual(other - 1e-9 * Math.abs(other));
      }),
      { numRuns: 30 }
    );
  });

  it("honours bounds, groups and a turnover limit", () => {
    const panel = fixture.panelsAsReturns[2];
    const current = new Float64Array(panel.cols).fill(1 / panel.cols);
    const p = semivariancePortfolio(
      panel,
      {
        objective: "minrisk",
        constraints: { upper: 0.5, groups: [{ name: "pair", members: [0, 1], min: 0.3 }] },
        limits: { current, maxTurnover: 0.2 },
      },
      highs
    );
    expect(Math.max(...p.weights)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(p.weights[0] + p.weights[1]).toBeGreaterThanOrEqual(0.3 - 1e-9);
    expect(p.weights.reduce((s, w, j) => s + Math.abs(w - current[j]), 0)).toBeLessThanOrEqual(
      0.2 + 1e-9
    );
  });

  it("refuses maxHoldings (no mixed-integer QP) naming the methods that can", () => {
    const panel = fixture.panelsAsReturns[0];
    expect(() =>
      semivariancePortfolio(panel, { objective: "minrisk", limits: { maxHoldings: 2 } }, highs)
    ).toThrow(/maxHoldings.*mincdar or mincvar/);
  });

  it("throws INFEASIBLE naming targetReturn or riskFree", () => {
    const panel = fixture.panelsAsReturns[0];
    expect(() =>
      semivariancePortfolio(panel, { objective: "minrisk", targetReturn: 1 }, highs)
    ).toThrow(/targetReturn 1 is above the highest mean return/);
    expect(() =>
      semivariancePortfolio(panel, { objective: "maxratio", riskFree: 1 }, highs)
    ).toThrow(/riskFree/);
    expect(
      codeOf(() =>
        semivariancePortfolio(panel, { objective: "minrisk", constraints: { lower: 0.5 } }, highs)
      )
    ).toBe("INFEASIBLE");
  });

  it("throws on bad input: objective, threshold, missing return, too few rows", () => {
    const panel = fixture.panelsAsReturns[0];
    expect(codeOf(() => semivariancePortfolio(panel, { objective: "x" as "minrisk" }, highs))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(
      codeOf(() => semivariancePortfolio(panel, { objective: "minrisk", threshold: NaN }, highs))
    ).toBe("INVALID_ARGUMENT");
    expect(
      codeOf(() =>
        semivariancePortfolio(
          panelFromRows([0.1, Infinity, 0.2, 0.1], 2, 2),
          { objective: "minrisk" },
          highs
        )
      )
    ).toBe("NON_FINITE");
    expect(
      codeOf(() =>
        semivariancePortfolio(panelFromRows([0.1], 1, 1), { objective: "minrisk" }, highs)
      )
    ).toBe("TOO_FEW_POINTS");
  });

  it("does not modify its inputs", () => {
    const panel = fixture.panelsAsReturns[1];
    const before = Float64Array.from(panel.data);
    semivariancePortfolio(
      Object.freeze(panel),
      Object.freeze({ objective: "maxratio" as const }),
      highs
    );
    expect(panel.data).toEqual(before);
  });
});
