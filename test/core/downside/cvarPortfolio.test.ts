import fc from "fast-check";
import { cvarPortfolio } from "../../../src/core/downside/cvarPortfolio";
import type { DownsideOptions } from "../../../src/core/downside/types";
import { createLpBuilder } from "../../../src/core/lp/createLpBuilder";
import type { LpSolver } from "../../../src/core/lp/types";
import type { ReturnsPanel } from "../../../src/core/types";
import fixture from "../../fixtures/optimize/downsideLp.json";
import { suiteHighs } from "./downsideTestKit";

const solver = suiteHighs();

/** A returns panel from rows of scenario returns (dates × assets). */
function panel(rows: readonly (readonly number[])[], labels?: string[]): ReturnsPanel {
  const T = rows.length;
  const n = rows[0].length;
  const data = new Float64Array(T * n);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) data[j * T + t] = rows[t][j];
  return {
    kind: "returns",
    rows: T,
    cols: n,
    data,
    labels: labels ?? Array.from({ length: n }, (_, j) => `A${j + 1}`),
  };
}

/** The Rockafellar–Uryasev CVaR of a portfolio, as min over ζ at the scenario losses. */
function cvarOf(rows: readonly (readonly number[])[], w: ArrayLike<number>, alpha: number) {
  const losses = rows.map((r) => -r.reduce((s, v, j) => s + v * w[j], 0));
  const k = (1 - alpha) * rows.length;
  return Math.min(...losses.map((z) => z + losses.reduce((s, l) => s + Math.max(l - z, 0), 0) / k));
}

describe("cvarPortfolio", () => {
  it("finds the hand-worked two-asset minimum", () => {
    // Scenarios (A, B): (−0.1, 0) and (0.1, −0.04); α = 0.5, T = 2: k = (1 − α)T = 1, so CVaR is the
    // worst loss max(0.1a, 0.04 − 0.14a) with b = 1 − a; equal at 0.24a = 0.04: a = 1/6, CVaR = 1/60.
    const rows = [
      [-0.1, 0],
      [0.1, -0.04],
    ];
    const result = cvarPortfolio(
      panel(rows, ["A", "B"]),
      { objective: "minrisk", alpha: 0.5 },
      solver
    );
    expect(result.weights[0]).toBeCloseTo(1 / 6, 9);
    expect(result.weights[1]).toBeCloseTo(5 / 6, 9);
    expect(result.risk).toBeCloseTo(1 / 60, 9);
    // Mean: (−0.1a + 0.1a)/2 + (0 − 0.04b)/2 = −0.02 · 5/6.
    expect(result.expectedReturn).toBeCloseTo(-0.02 * (5 / 6), 12);
    expect(result.labels).toEqual(["A", "B"]);
  });

  it("finds the hand-worked maximum ratio at the kink of CVaR", () => {
    // Scenarios (A, B): (0.04, 0.03), (−0.02, −0.005), (0.04, 0.03), (0.01, −0.03); α = 0.75, T = 4:
    // k = 1, CVaR the worst loss. With b = 1 − a the losses of scenarios 2 and 4 are 0.005 + 0.015a
    // and 0.03 − 0.04a (1 and 3 are gains), so CVaR = max of the two, kinked at a = 5/11 where it is
    // 0.13/11. Means: A 0.0175, B 0.00625, so the excess mean (rf 0) is 0.00625 + 0.01125a. Left of
    // the kink the ratio rises (risk falls, mean rises); right of it, (0.00625 + 0.01125a) /
    // (0.005 + 0.015a) falls (0.01125 · 0.005 < 0.00625 · 0.015). So a = 5/11, ratio 0.125/0.13.
    const rows = [
      [0.04, 0.03],
      [-0.02, -0.005],
      [0.04, 0.03],
      [0.01, -0.03],
    ];
    const result = cvarPortfolio(panel(rows), { objective: "maxratio", alpha: 0.75 }, solver);
    expect(result.weights[0]).toBeCloseTo(5 / 11, 9);
    expect(result.risk).toBeCloseTo(0.13 / 11, 12);
    expect(result.expectedReturn / result.risk).toBeCloseTo(0.125 / 0.13, 9);
  });

  it("refuses maxratio when a portfolio's tail is all gains (the ratio is unbounded)", () => {
    // B alone: worst loss (k = 1) is −0.01, a gain, with a positive mean.
    const rows = [
      [0.02, 0.01],
      [-0.02, 0.02],
      [0.06, 0.01],
    ];
    expect(() =>
      cvarPortfolio(panel(rows), { objective: "maxratio", alpha: 2 / 3 }, solver)
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "alpha" }));
  });

  describe("matches scipy linprog/milp (HiGHS) fixtures", () => {
    const header = fixture.header;
    it("records its script and versions", () => {
      expect(header.script).toBe("scripts/fixtures/downsideLp.py");
      expect(header.scipy).toMatch(/^1\./);
      expect(fixture.cases.length).toBeGreaterThan(30);
    });
    for (const c of fixture.cases) {
      it(c.name, () => {
        const options = c.options as unknown as DownsideOptions & {
          limits?: { current?: number[] };
        };
        const limits = options.limits
          ? {
              ...options.limits,
              current: options.limits.current
                ? Float64Array.from(options.limits.current)
                : undefined,
            }
          : undefined;
        const result = cvarPortfolio(panel(c.returns), { ...options, limits }, solver);
        const sum = result.weights.reduce((s, w) => s + w, 0);
        expect(sum).toBeCloseTo(1, 12);
        const alpha = options.alpha ?? 0.95;
        // Our weights' own CVaR is what we report.
        expect(result.risk).toBeCloseTo(cvarOf(c.returns, result.weights, alpha), 10);
        if (c.ratio !== null) {
          const ours = (result.expectedReturn - (options.riskFree ?? 0)) / result.risk;
          expect(Math.abs(ours - c.ratio) / Math.abs(c.ratio)).toBeLessThan(1e-6);
          expect(ours).toBeGreaterThanOrEqual(c.ratio * (1 - 1e-6));
        } else if (limits?.current) {
          // Compare the objective CVaR + costRate·Σ|w − w0| (the argmin need not be unique).
          const cost = (w: ArrayLike<number>) =>
            (limits.costRate ?? 0) *
            Array.from(w).reduce((s, v, j) => s + Math.abs(v - limits.current![j]), 0);
          expect(result.risk + cost(result.weights)).toBeCloseTo(c.risk + cost(c.weights), 7);
          const turnover = Array.from(result.weights).reduce(
            (s, v, j) => s + Math.abs(v - limits.current![j]),
            0
          );
          expect(turnover).toBeLessThanOrEqual((limits.maxTurnover ?? Infinity) + 1e-7);
        } else {
          expect(result.risk).toBeCloseTo(c.risk, 7);
        }
        if (options.targetReturn !== undefined) {
          expect(result.expectedReturn).toBeGreaterThanOrEqual(options.targetReturn - 1e-9);
        }
        if (limits?.maxHoldings !== undefined) {
          expect(Array.from(result.weights).filter((w) => w > 1e-9).length).toBeLessThanOrEqual(
            limits.maxHoldings
          );
        }
      });
    }
  });

  it("satisfies LP duality, bounds, CVaR ≥ VaR and CVaR ≥ mean loss on random panels", () => {
    // Dual of min ζ + cΣu (c = 1/((1−α)T)), u_t + r_tᵀw + ζ ≥ 0 (p_t), Σw = 1 (λ), 0 ≤ w ≤ u:
    // max λ − Σ_j u_j s_j s.t. Σp = 1, 0 ≤ p ≤ c, λ − s_j ≤ −Σ_t p_t r_tj, s ≥ 0 (CVaR's dual
    // representation: the worst expected loss over the risk envelope {p : Σp = 1, 0 ≤ p ≤ c}).
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 5, max: 30 }),
        fc.constantFrom(0.5, 0.8, 0.9, 0.95),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (n, T, alpha, cap, seed) => {
          const upper = Math.max(cap, 1 / n + 0.01);
          let state = seed;
          const random = () => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648 - 0.5;
          };
          const rows = Array.from({ length: T }, () =>
            Array.from({ length: n }, () => 0.1 * random())
          );
          const result = cvarPortfolio(
            panel(rows),
            { objective: "minrisk", alpha, constraints: { upper } },
            solver
          );
          const w = result.weights;
          expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
          for (const v of w) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(upper + 1e-9);
          }
          const dual = createLpBuilder();
          const c = 1 / ((1 - alpha) * T);
          const lambda = dual.addColumn(-Infinity, Infinity, 1, "lambda");
          const p = rows.map((_, t) => dual.addColumn(0, c, 0, `p${t}`));
          const s = Array.from({ length: n }, (_, j) =>
            dual.addColumn(0, Infinity, -Math.min(upper, 1), `s${j}`)
          );
          dual.addRow(
            p,
            p.map(() => 1),
            1,
            1,
            "sum p"
          );
          for (let j = 0; j < n; j++) {
            dual.addRow(
              [lambda, s[j], ...p],
              [1, -1, ...rows.map((r) => r[j])],
              -Infinity,
              0,
              `asset ${j}`
            );
          }
          const answer = solver.solve(dual.build("maximize"), { timeLimitSeconds: 10 });
          expect(answer.status).toBe("optimal");
          expect(answer.objective).toBeCloseTo(result.risk, 8);
          // VaR: the loss at the k-th worst scenario; CVaR averages the tail beyond it.
          const losses = rows
            .map((r) => -r.reduce((sum, v, j) => sum + v * w[j], 0))
            .sort((a, b) => b - a);
          const k = (1 - alpha) * T;
          const valueAtRisk = losses[Math.max(0, Math.ceil(k) - 1)];
          expect(result.risk).toBeGreaterThanOrEqual(valueAtRisk - 1e-12);
          // CVaR averages the worst (1 − α) share, so it is at least the mean loss over all.
          expect(result.risk).toBeGreaterThanOrEqual(-result.expectedReturn - 1e-12);
          // Equal weights are feasible (upper ≥ 1/n + 0.01) and cannot beat the optimum.
          expect(result.risk).toBeLessThanOrEqual(
            cvarOf(rows, new Array(n).fill(1 / n), alpha) + 1e-9
          );
        }
      ),
      { numRuns: 60 }
    );
  });

  it("solves the plain LP through its dual: one solve of n + 1 rows, no presolve", () => {
    const rows = Array.from({ length: 30 }, (_, t) => [
      0.01 * Math.sin(t),
      0.01 * Math.cos(t),
      0.012 * Math.sin(t + 1),
    ]);
    const seen: { rows: number; presolve?: boolean; scaling?: boolean }[] = [];
    const counting: LpSolver = {
      solve: (program, options) => {
        seen.push({
          rows: program.rows.lower.length,
          presolve: options.presolve,
          scaling: options.scaling,
        });
        return solver.solve(program, options);
      },
    };
    const viaDual = cvarPortfolio(
      panel(rows),
      {
        objective: "minrisk",
        alpha: 0.9,
        constraints: { upper: 0.5, groups: [{ name: "G", members: [0, 1], max: 0.6 }] },
      },
      counting
    );
    expect(seen).toEqual([{ rows: 4, presolve: false, scaling: false }]);
    // The primal (forced by a zero-cost turnover limit that cannot bind) gives the same optimum.
    const viaPrimal = cvarPortfolio(
      panel(rows),
      {
        objective: "minrisk",
        alpha: 0.9,
        constraints: { upper: 0.5, groups: [{ name: "G", members: [0, 1], max: 0.6 }] },
        limits: { current: Float64Array.from([0.3, 0.3, 0.4]), maxTurnover: 2 },
      },
      solver
    );
    expect(viaDual.risk).toBeCloseTo(viaPrimal.risk, 10);
  });

  it("holds maxHoldings exactly and names the binding constraints", () => {
    const rows = Array.from({ length: 40 }, (_, t) => [
      0.01 * Math.sin(t),
      0.01 * Math.cos(t),
      0.012 * Math.sin(t + 1),
      0.008 * Math.cos(2 * t),
    ]);
    const result = cvarPortfolio(
      panel(rows),
      { objective: "minrisk", alpha: 0.9, constraints: { upper: 0.6 }, limits: { maxHoldings: 2 } },
      solver
    );
    expect(Array.from(result.weights).filter((w) => w > 1e-9).length).toBeLessThanOrEqual(2);
    expect(result.binding).toContain("maxHoldings 2");
  });

  it("leaves out rows with a missing return", () => {
    const rows = [
      [-0.1, 0],
      [NaN, 0.5],
      [0.1, -0.04],
    ];
    const result = cvarPortfolio(panel(rows), { objective: "minrisk", alpha: 0.5 }, solver);
    expect(result.weights[0]).toBeCloseTo(1 / 6, 9);
  });

  it("refuses alpha outside (0, 1), naming alpha", () => {
    for (const alpha of [0, 1, 1.5, -0.1, NaN]) {
      expect(() =>
        cvarPortfolio(panel([[0.1], [0.2]]), { objective: "minrisk", alpha }, solver)
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "alpha" }));
    }
  });

  it("refuses a target return above the highest mean, with the highest", () => {
    const rows = [
      [0.01, 0.02],
      [0.03, 0.0],
    ];
    // Means 0.02 and 0.01; a cap of 0.5 allows at most 0.015.
    expect(() =>
      cvarPortfolio(
        panel(rows),
        { objective: "minrisk", targetReturn: 0.018, constraints: { upper: 0.5 } },
        solver
      )
    ).toThrow(
      /targetReturn 0.018 per period is above the highest mean the constraints allow \(0.015\)/
    );
  });

  it("refuses maxratio when nothing beats the risk-free rate", () => {
    expect(() =>
      cvarPortfolio(panel([[0.01], [-0.02]]), { objective: "maxratio", riskFree: 0 }, solver)
    ).toThrow(expect.objectContaining({ code: "INFEASIBLE", argument: "riskFree" }));
  });

  it("refuses infeasible bounds with checkFeasibility's message", () => {
    expect(() =>
      cvarPortfolio(
        panel([
          [0.01, 0.02],
          [0.0, 0.01],
        ]),
        { objective: "minrisk", constraints: { upper: 0.4 } },
        solver
      )
    ).toThrow(/upper bounds sum to 0.8 < 1: raise them by 0.2/);
  });

  it("refuses too few complete rows and a scenario LP over the memory budget", () => {
    expect(() =>
      cvarPortfolio(
        panel([
          [0.1, NaN],
          [0.2, 0.1],
        ]),
        { objective: "minrisk" },
        solver
      )
    ).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
    const big: ReturnsPanel = {
      kind: "returns",
      rows: 200_000,
      cols: 30,
      data: new Float64Array(6e6),
      labels: Array.from({ length: 30 }, (_, j) => `A${j}`),
    };
    expect(() => cvarPortfolio(big, { objective: "minrisk" }, solver)).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        argument: "prices",
        message: expect.stringMatching(/memory budget.*use at most \d+ rows of prices/),
      })
    );
  });

  it("turns the solver's time limit into NOT_CONVERGED with the fix", () => {
    const timeout: LpSolver = {
      solve: (p) => ({
        status: "time-limit",
        x: new Float64Array(p.objective.length),
        objective: NaN,
      }),
    };
    expect(() =>
      cvarPortfolio(
        panel([
          [0.1, 0],
          [0, 0.1],
        ]),
        { objective: "minrisk", timeLimitSeconds: 2 },
        timeout
      )
    ).toThrow(
      expect.objectContaining({
        code: "NOT_CONVERGED",
        message: expect.stringMatching(/time limit of 2 s.*fewer rows of prices/),
      })
    );
  });

  it("does not modify its input", () => {
    const p = panel([
      [-0.1, 0],
      [0.1, -0.04],
    ]);
    const copy = Float64Array.from(p.data);
    cvarPortfolio(Object.freeze(p), { objective: "minrisk", alpha: 0.5 }, solver);
    expect(p.data).toEqual(copy);
  });
});
