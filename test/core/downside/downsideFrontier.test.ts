import { cdarPortfolio } from "../../../src/core/downside/cdarPortfolio";
import { cvarPortfolio } from "../../../src/core/downside/cvarPortfolio";
import { downsideFrontier } from "../../../src/core/downside/downsideFrontier";
import type { ReturnsPanel } from "../../../src/core/types";
import { suiteHighs } from "./downsideTestKit";

const solver = suiteHighs();

/** 4 assets × 150 deterministic scenarios with distinct means and tails. */
function panel(): ReturnsPanel {
  const T = 150;
  const n = 4;
  const data = new Float64Array(T * n);
  for (let j = 0; j < n; j++) {
    for (let t = 0; t < T; t++) {
      data[j * T + t] = 0.01 * (j + 1) * Math.sin(t * (j + 2) * 0.7 + j) + 0.0008 * (j + 1);
    }
  }
  return { kind: "returns", rows: T, cols: n, data, labels: ["A", "B", "C", "D"] };
}

describe("downsideFrontier", () => {
  for (const measure of ["cvar", "cdar", "semivariance"] as const) {
    it(`${measure}: returns rise and risk never falls along the frontier; weights sum to 1`, () => {
      const rows = downsideFrontier(panel(), { measure, points: 6, periodsPerYear: 365 }, solver);
      expect(rows[0].note).toBe("min risk");
      expect(rows.filter((r) => r.note === "max ratio")).toHaveLength(1);
      expect(rows).toHaveLength(7);
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].expectedReturn).toBeGreaterThanOrEqual(rows[i - 1].expectedReturn - 1e-9);
        expect(rows[i].risk).toBeGreaterThanOrEqual(rows[i - 1].risk - 1e-9);
      }
      for (const row of rows) {
        expect(row.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 9);
      }
      const best = rows.find((r) => r.note === "max ratio")!;
      for (const row of rows) expect(row.ratio).toBeLessThanOrEqual(best.ratio + 1e-7);
    });
  }

  it("starts at the minimum-CVaR portfolio and shows CVaR per period, returns annualised", () => {
    const returns = panel();
    const rows = downsideFrontier(
      returns,
      { measure: "cvar", points: 3, alpha: 0.9, periodsPerYear: 365 },
      solver
    );
    const least = cvarPortfolio(returns, { objective: "minrisk", alpha: 0.9 }, solver);
    expect(rows[0].risk).toBeCloseTo(least.risk, 10);
    expect(rows[0].expectedReturn).toBeCloseTo(least.expectedReturn * 365, 8);
    expect(rows[0].ratio).toBeCloseTo(least.expectedReturn / least.risk, 8);
  });

  it("CDaR ratio is the annual return over the drawdown level", () => {
    const returns = panel();
    const rows = downsideFrontier(
      returns,
      { measure: "cdar", points: 2, periodsPerYear: 252, riskFree: 0.02 },
      solver
    );
    const least = cdarPortfolio(returns, { objective: "minrisk", alpha: 0.95 }, solver);
    expect(rows[0].risk).toBeCloseTo(least.risk, 10);
    expect(rows[0].ratio).toBeCloseTo((least.expectedReturn * 252 - 0.02) / least.risk, 8);
  });

  it("refuses points outside 2 to 1,000 and passes on infeasible bounds", () => {
    expect(() =>
      downsideFrontier(panel(), { measure: "cvar", points: 1, periodsPerYear: 365 }, solver)
    ).toThrow(expect.objectContaining({ argument: "points" }));
    expect(() =>
      downsideFrontier(
        panel(),
        { measure: "cvar", points: 3, periodsPerYear: 365, constraints: { upper: 0.2 } },
        solver
      )
    ).toThrow(/upper bounds sum to 0.8 < 1/);
  });
});
