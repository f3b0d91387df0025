import { createLpBuilder } from "../../../src/core/lp/createLpBuilder";
import { portfolioLpRows } from "../../../src/core/lp/portfolioLpRows";
import type { LpSolver } from "../../../src/core/lp/types";
import { loadHighsSolver } from "../../../src/functions/lp/highsSolver";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});
const options = { timeLimitSeconds: 10 };
const labels = ["A", "B", "C", "D"];
// A linear objective "maximise μᵀw" puts everything on the best asset the rows allow.
const mu = [0.04, 0.03, 0.02, 0.01];

function maximiseMean(input: Parameters<typeof portfolioLpRows>[1]) {
  const lp = createLpBuilder();
  const rows = portfolioLpRows(lp, input);
  rows.weights.forEach((column, j) => lp.addCost(column, -mu[j]));
  const solution = solver.solve(lp.build("minimize"), options);
  return { rows, solution, w: Array.from(rows.weights, (c) => solution.x[c]) };
}

describe("portfolioLpRows", () => {
  it("adds the budget and bounds: caps fill the best assets in order", () => {
    // Caps 0.4: A 0.4, B 0.4, C 0.2 (the rest), D 0.
    const { w, rows } = maximiseMean({ labels, constraints: { upper: 0.4 } });
    expect(w.map((v) => +v.toFixed(9))).toEqual([0.4, 0.4, 0.2, 0]);
    expect(rows.binding(w)).toEqual(["asset D: min 0", "asset A: max 0.4", "asset B: max 0.4"]);
  });

  it("adds group caps", () => {
    // {A, B} capped at 0.5: A 0.5, then C 0.5.
    const { w, rows } = maximiseMean({
      labels,
      constraints: { groups: [{ name: "AB", members: [0, 1], max: 0.5 }] },
    });
    expect(w.map((v) => +v.toFixed(9))).toEqual([0.5, 0, 0.5, 0]);
    expect(rows.binding(w)).toContain("group AB: cap 0.5");
  });

  it("holds maxHoldings exactly through binaries", () => {
    // Caps 0.3 and at most 4 holdings: 0.3, 0.3, 0.3, 0.1; at most 3 would leave 0.1 uninvested,
    // so with caps 0.35 and K = 3: 0.35, 0.35, 0.3, 0.
    const { w } = maximiseMean({
      labels,
      constraints: { upper: 0.35 },
      limits: { maxHoldings: 3 },
    });
    expect(w.map((v) => +v.toFixed(9))).toEqual([0.35, 0.35, 0.3, 0]);
    // Minimising the mean instead prefers D, C, B under the same K.
    const lp = createLpBuilder();
    const rows = portfolioLpRows(lp, {
      labels,
      constraints: { upper: 0.35 },
      limits: { maxHoldings: 3 },
    });
    rows.weights.forEach((column, j) => lp.addCost(column, mu[j]));
    const solution = solver.solve(lp.build("minimize"), options);
    const held = Array.from(rows.weights, (c) => solution.x[c]).filter((v) => v > 1e-9).length;
    expect(held).toBe(3);
  });

  it("holds the turnover limit against current weights", () => {
    // From all in D, turnover 0.5 (one-way Σ|w − w0|) lets 0.25 move to A: w = (0.25, 0, 0, 0.75).
    const current = Float64Array.from([0, 0, 0, 1]);
    const { w, rows } = maximiseMean({ labels, limits: { current, maxTurnover: 0.5 } });
    expect(w.map((v) => +v.toFixed(9))).toEqual([0.25, 0, 0, 0.75]);
    expect(rows.binding(w)).toContain("maxTurnover 0.5");
  });

  it("charges proportional cost: a trade happens only when the gain beats costRate × 2", () => {
    // Moving Δ from D to A gains 0.03Δ and costs costRate · 2Δ: at 0.02 the trade loses, at 0.01 it pays.
    const current = Float64Array.from([0, 0, 0, 1]);
    expect(maximiseMean({ labels, limits: { current, costRate: 0.02 } }).w[3]).toBeCloseTo(1, 9);
    expect(maximiseMean({ labels, limits: { current, costRate: 0.01 } }).w[0]).toBeCloseTo(1, 9);
  });

  it("writes the rows in y = κw under homogenisation", () => {
    // κ fixed at 2: y must be 2w, so the caps become 0.8.
    const lp = createLpBuilder();
    const kappa = lp.addColumn(2, 2, 0, "kappa");
    const rows = portfolioLpRows(lp, {
      labels,
      constraints: { upper: 0.4 },
      scale: { column: kappa, upper: 2 },
    });
    rows.weights.forEach((column, j) => lp.addCost(column, -mu[j]));
    const solution = solver.solve(lp.build("minimize"), options);
    expect(Array.from(rows.weights, (c) => +solution.x[c].toFixed(9))).toEqual([0.8, 0.8, 0.4, 0]);
  });

  it("refuses infeasible bounds before any solve, naming the constraint and the amount", () => {
    expect(() =>
      portfolioLpRows(createLpBuilder(), { labels, constraints: { lower: 0.3 } })
    ).toThrow(
      expect.objectContaining({
        code: "INFEASIBLE",
        message: expect.stringMatching(/lower bounds sum to 1.2 > 1: lower them by 0.2/),
      })
    );
  });

  it("refuses a cardinality below the assets with minimum weights", () => {
    expect(() =>
      portfolioLpRows(createLpBuilder(), {
        labels,
        constraints: { lower: [0.1, 0.1, 0.1, 0] },
        limits: { maxHoldings: 2 },
      })
    ).toThrow(
      expect.objectContaining({
        code: "INFEASIBLE",
        message: expect.stringMatching(
          /maxHoldings 2 is below the 3 assets.*raise maxHoldings to 3/
        ),
      })
    );
    expect(() =>
      portfolioLpRows(createLpBuilder(), {
        labels,
        constraints: { upper: 0.3 },
        limits: { maxHoldings: 3 },
      })
    ).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/raise maxHoldings to 4/) })
    );
  });

  it("refuses limits an LP cannot hold or cannot measure", () => {
    expect(() =>
      portfolioLpRows(createLpBuilder(), { labels, limits: { maxTrackingError: 0.05 } })
    ).toThrow(/maxTrackingError/);
    expect(() =>
      portfolioLpRows(createLpBuilder(), { labels, limits: { maxTurnover: 0.2 } })
    ).toThrow(/pass currentWeights/);
    expect(() =>
      portfolioLpRows(createLpBuilder(), { labels, limits: { maxHoldings: 1.5 } })
    ).toThrow(/whole number/);
    expect(() =>
      portfolioLpRows(createLpBuilder(), {
        labels,
        limits: { current: Float64Array.from([0.5, 0.5, 0.5, 0]), maxTurnover: 1 },
      })
    ).toThrow(/sum to 1.5 > 1/);
  });

  it("explains an infeasible turnover limit with the least turnover that works", () => {
    // From all in D with D capped at 0.4, at least 0.6 must move out: one-way turnover 1.2.
    const current = Float64Array.from([0, 0, 0, 1]);
    const { rows, solution } = maximiseMean({
      labels,
      constraints: { upper: 0.4 },
      limits: { current, maxTurnover: 0.5 },
    });
    expect(solution.status).toBe("infeasible");
    expect(rows.explainInfeasible(solver, 10)).toMatch(
      /maxTurnover 0.5 is below the turnover 1.2 .*at least 1.2/
    );
  });
});
