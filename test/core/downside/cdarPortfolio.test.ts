import fc from "fast-check";
import { cdarPortfolio } from "../../../src/core/downside/cdarPortfolio";
import type { LpSolver } from "../../../src/core/lp/types";
import {
  bestSingleAssetMean,
  codeOf,
  expectOracleOptimum,
  lastLpCertificate,
  mean,
  pairUppers,
  panelFromRows,
  plainCdar,
  plainDrawdowns,
  randomPanelWithWeights,
  readDownsideFixture,
  recordingSolver,
  suiteHighs,
} from "./downsideTestKit";

const fixture = readDownsideFixture("downsideDrawdown");
const cases = fixture.cases.filter((c) => c.measure === "cdar");

const highs = suiteHighs();

describe("cdarPortfolio", () => {
  it("hand-worked: two assets, one never falls", () => {
    // A: +1 %, −2 %, +1 % (drawdowns 0, 0.02, 0.01); B: 0 every period (never draws down).
    // Any weight on A adds drawdown, so the minimum CDaR is all in B with CDaR 0.
    const panel = panelFromRows([0.01, 0, -0.02, 0, 0.01, 0], 3, 2);
    const p = cdarPortfolio(panel, { objective: "minrisk", alpha: 0.5 }, highs);
    expect(p.weights[1]).toBeCloseTo(1, 9);
    expect(p.risk).toBeCloseTo(0, 9);
  });

  it("hand-worked: perfectly hedged pair has zero drawdown at 50/50", () => {
    // A: +2 %, −2 %, +2 %, −2 %; B = −A. At w = (½, ½) every portfolio return is 0, so CDaR 0;
    // any other mix has a drawdown of |2w − 1|·0.02 after each fall.
    const panel = panelFromRows([0.02, -0.02, -0.02, 0.02, 0.02, -0.02, -0.02, 0.02], 4, 2);
    const p = cdarPortfolio(panel, { objective: "minrisk", alpha: 0.5 }, highs);
    expect(p.weights[0]).toBeCloseTo(0.5, 7);
    expect(p.risk).toBeCloseTo(0, 9);
  });

  it("maxratio with a drawdown-free portfolio above riskFree returns one with risk 0", () => {
    // A: +1 % every period (no drawdown, mean 1 %); B: +5 %, −3 %, +6 %, −2 %. All in A has CDaR 0
    // and mean > 0, so the ratio is unbounded; the optimum reported must have zero drawdowns.
    const panel = panelFromRows([0.01, 0.05, 0.01, -0.03, 0.01, 0.06, 0.01, -0.02], 4, 2);
    const p = cdarPortfolio(panel, { objective: "maxratio", alpha: 0.5 }, highs);
    expect(p.risk).toBe(0);
    expect(Math.max(...plainDrawdowns(panel, p.weights))).toBeLessThanOrEqual(1e-12);
    expect(p.expectedReturn).toBeGreaterThan(0);
  });

  it("hand-worked: a target return forces the drawdown up by a known amount", () => {
    // A: +3 %, −1 % (mean 1 %, drawdowns 0, 0.01); B: 0 (mean 0, no drawdown). Target mean 0.5 %
    // needs w_A ≥ 0.5; CDaR at α = 0.5 (T = 2, k = 1) is the largest drawdown 0.01·w_A = 0.005.
    const panel = panelFromRows([0.03, 0, -0.01, 0], 2, 2);
    const p = cdarPortfolio(
      panel,
      { objective: "minrisk", alpha: 0.5, targetReturn: 0.005 },
      highs
    );
    expect(p.weights[0]).toBeCloseTo(0.5, 7);
    expect(p.risk).toBeCloseTo(0.005, 9);
    expect(p.expectedReturn).toBeCloseTo(0.005, 9);
  });

  it(`matches scipy linprog(highs) on ${cases.length} fixture problems (${String(fixture.header.script)})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      const panel = fixture.panelsAsReturns[c.panel];
      const p = cdarPortfolio(panel, c.options, highs);
      const alpha = c.options.alpha ?? 0.95;
      expectOracleOptimum(p, c, { ratio: 1e-6, risk: 1e-8 });
      expect(p.risk).toBeCloseTo(plainCdar(plainDrawdowns(panel, p.weights), alpha), 10);
      expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it("solves plain programs through the LP dual in one solve, and the primal gives the same optimum when the dual is refused", () => {
    const plain = cases.filter(
      (c) => c.options.limits === undefined || Object.keys(c.options.limits).length === 0
    );
    expect(plain.length).toBeGreaterThanOrEqual(10);
    for (const c of plain.slice(0, 12)) {
      const panel = fixture.panelsAsReturns[c.panel];
      const { solver, calls } = recordingSolver(highs);
      const p = cdarPortfolio(panel, c.options, solver);
      expect(calls.length).toBe(1);
      // The dual's rows: T drawdown columns, n weights, ζ (and κ under maxratio), not ~2T.
      expect(calls[0].program.rows.lower.length).toBeLessThanOrEqual(panel.rows + panel.cols + 2);
      let first = true;
      const refusingFirst: LpSolver = {
        solve(program, options) {
          if (!first) return highs.solve(program, options);
          first = false;
          const x = new Float64Array(program.objective.length);
          return { status: "error", x, objective: NaN, message: "refused by the test" };
        },
      };
      const q = cdarPortfolio(panel, c.options, refusingFirst);
      expect(first).toBe(false);
      if (c.options.objective === "maxratio") {
        const rf = c.options.riskFree ?? 0;
        const ratio = (p.expectedReturn - rf) / p.risk;
        expect(Math.abs(ratio - (q.expectedReturn - rf) / q.risk)).toBeLessThanOrEqual(
          1e-7 * Math.abs(ratio)
        );
      } else {
        expect(Math.abs(p.risk - q.risk)).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it("respects bounds, groups and the target in every fixture problem", () => {
    for (const c of cases) {
      const p = cdarPortfolio(fixture.panelsAsReturns[c.panel], c.options, highs);
      const cons = c.options.constraints ?? {};
      p.weights.forEach((w, j) => {
        const lo = typeof cons.lower === "number" ? cons.lower : (cons.lower?.[j] ?? 0);
        const hi = typeof cons.upper === "number" ? cons.upper : (cons.upper?.[j] ?? 1);
        expect(w).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(w).toBeLessThanOrEqual(hi + 1e-9);
      });
      for (const g of cons.groups ?? []) {
        const sum = g.members.reduce((s, i) => s + p.weights[i], 0);
        if (g.max !== undefined) expect(sum).toBeLessThanOrEqual(g.max + 1e-9);
        if (g.min !== undefined) expect(sum).toBeGreaterThanOrEqual(g.min - 1e-9);
      }
      if (c.options.targetReturn !== undefined) {
        expect(p.expectedReturn).toBeGreaterThanOrEqual(c.options.targetReturn - 1e-9);
      }
    }
  });

  it("is no worse than any random feasible portfolio, reports the recomputed CDaR (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, fc.constantFrom(0.5, 0.9, 0.95), ([panel, w], alpha) => {
        const p = cdarPortfolio(panel, { objective: "minrisk", alpha }, highs);
        const risk = plainCdar(plainDrawdowns(panel, p.weights), alpha);
        expect(Math.abs(p.risk - risk)).toBeLessThanOrEqual(1e-10);
        expect(p.risk).toBeLessThanOrEqual(plainCdar(plainDrawdowns(panel, w), alpha) + 1e-8);
        expect(Math.abs(p.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.min(...p.weights)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 }
    );
  });

  it("maxratio beats every random portfolio's mean/CDaR ratio (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, ([panel, w]) => {
        fc.pre(bestSingleAssetMean(panel) > 1e-4);
        const p = cdarPortfolio(panel, { objective: "maxratio", alpha: 0.8 }, highs);
        const ratio = p.expectedReturn / p.risk;
        const other = mean(panel, w) / plainCdar(plainDrawdowns(panel, w), 0.8);
        expect(ratio).toBeGreaterThanOrEqual(other - 1e-7 * Math.abs(other));
      }),
      { numRuns: 30 }
    );
  });

  it("the LP's row duals certify optimality (reduced-cost signs, zero duality gap)", () => {
    for (const c of cases.slice(0, 8)) {
      const { violation, gap } = lastLpCertificate(highs, (solver) =>
        cdarPortfolio(fixture.panelsAsReturns[c.panel], c.options, solver)
      );
      expect(violation).toBeLessThanOrEqual(1e-7);
      expect(gap).toBeLessThanOrEqual(1e-8);
    }
  });

  it("honours maxHoldings exactly (MIP): no better portfolio on fewer assets by enumeration", () => {
    const panel = fixture.panelsAsReturns[2];
    const p = cdarPortfolio(
      panel,
      { objective: "minrisk", alpha: 0.9, limits: { maxHoldings: 2 } },
      highs
    );
    expect(p.weights.filter((w) => w > 0).length).toBeLessThanOrEqual(2);
    // Enumerate every pair: the MIP optimum must equal the best pair's LP optimum.
    const best = Math.min(
      ...pairUppers(panel.cols).map(
        (upper) =>
          cdarPortfolio(panel, { objective: "minrisk", alpha: 0.9, constraints: { upper } }, highs)
            .risk
      )
    );
    expect(p.risk).toBeCloseTo(best, 7);
    expect(p.binding).toContain("maxHoldings 2");
  });

  it("maxratio with maxHoldings matches the best pair by enumeration", () => {
    const panel = fixture.panelsAsReturns[1];
    const p = cdarPortfolio(panel, { objective: "maxratio", limits: { maxHoldings: 2 } }, highs);
    const best = Math.max(
      ...pairUppers(panel.cols).map((upper) => {
        try {
          const q = cdarPortfolio(panel, { objective: "maxratio", constraints: { upper } }, highs);
          return q.expectedReturn / q.risk;
        } catch {
          // a pair whose assets both lose money has no positive ratio
          return -Infinity;
        }
      })
    );
    expect(p.expectedReturn / p.risk).toBeCloseTo(best, 6);
  });

  it("honours a turnover limit against current weights", () => {
    const panel = fixture.panelsAsReturns[1];
    const current = new Float64Array(panel.cols).fill(1 / panel.cols);
    const p = cdarPortfolio(
      panel,
      { objective: "minrisk", limits: { current, maxTurnover: 0.1 } },
      highs
    );
    const turnover = p.weights.reduce((s, w, j) => s + Math.abs(w - current[j]), 0);
    expect(turnover).toBeLessThanOrEqual(0.1 + 1e-9);
    const free = cdarPortfolio(panel, { objective: "minrisk" }, highs);
    expect(p.risk).toBeGreaterThanOrEqual(free.risk - 1e-12);
  });

  it("throws INFEASIBLE naming targetReturn, with the highest attainable mean", () => {
    const panel = fixture.panelsAsReturns[0];
    expect(() => cdarPortfolio(panel, { objective: "minrisk", targetReturn: 1 }, highs)).toThrow(
      /targetReturn 1 is above the highest mean return/
    );
  });

  it("throws INFEASIBLE for bounds that cannot hold, and for maxratio with no return above riskFree", () => {
    const panel = fixture.panelsAsReturns[0];
    expect(
      codeOf(() =>
        cdarPortfolio(panel, { objective: "minrisk", constraints: { upper: 0.2 } }, highs)
      )
    ).toBe("INFEASIBLE");
    expect(() => cdarPortfolio(panel, { objective: "maxratio", riskFree: 1 }, highs)).toThrow(
      /riskFree/
    );
  });

  it("throws on bad input: alpha, objective, too few rows, a missing return, target with maxratio", () => {
    const panel = fixture.panelsAsReturns[0];
    expect(codeOf(() => cdarPortfolio(panel, { objective: "minrisk", alpha: 1 }, highs))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(codeOf(() => cdarPortfolio(panel, { objective: "minrisk", alpha: 0 }, highs))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(codeOf(() => cdarPortfolio(panel, { objective: "best" as "minrisk" }, highs))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(
      codeOf(() => cdarPortfolio(panelFromRows([0.1, 0.2], 1, 2), { objective: "minrisk" }, highs))
    ).toBe("TOO_FEW_POINTS");
    expect(
      codeOf(() =>
        cdarPortfolio(panelFromRows([0.1, NaN, 0.2, 0.1], 2, 2), { objective: "minrisk" }, highs)
      )
    ).toBe("NON_FINITE");
    expect(
      codeOf(() => cdarPortfolio(panel, { objective: "maxratio", targetReturn: 0.001 }, highs))
    ).toBe("INVALID_ARGUMENT");
  });

  it("reports NOT_CONVERGED when the solver stops at its time limit", () => {
    const stopped: LpSolver = {
      solve: (program) => ({
        status: "time-limit",
        x: new Float64Array(program.objective.length),
        objective: NaN,
      }),
    };
    expect(() =>
      cdarPortfolio(fixture.panelsAsReturns[0], { objective: "minrisk" }, stopped)
    ).toThrow(/time limit/);
  });

  it("does not retry the primal when the dual used up the time limit (one solve, NOT_CONVERGED)", () => {
    let solves = 0;
    const stopped: LpSolver = {
      solve: (program) => {
        solves += 1;
        return {
          status: "time-limit",
          x: new Float64Array(program.objective.length),
          objective: NaN,
        };
      },
    };
    expect(
      codeOf(() => cdarPortfolio(fixture.panelsAsReturns[0], { objective: "minrisk" }, stopped))
    ).toBe("NOT_CONVERGED");
    expect(solves).toBe(1);
  });

  it("does not modify its inputs", () => {
    const panel = fixture.panelsAsReturns[0];
    const before = Float64Array.from(panel.data);
    const options = Object.freeze({
      objective: "minrisk" as const,
      constraints: Object.freeze({ upper: 0.8 }),
    });
    cdarPortfolio(Object.freeze(panel), options, highs);
    expect(panel.data).toEqual(before);
  });
});
