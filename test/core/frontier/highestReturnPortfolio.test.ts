import fc from "fast-check";
import { highestReturnPortfolio } from "../../../src/core/frontier/highestReturnPortfolio";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { dot, randomProblem, randomProblems, squareMatrix, sum } from "./frontierTestKit";

describe("highestReturnPortfolio", () => {
  it("fills assets by decreasing expected return from their lower bounds, by hand", () => {
    // μ = (0.1, 0.3, 0.2), lower 0.1 each, upper 0.5: start at (0.1, 0.1, 0.1), 0.7 left;
    // B (0.3) rises to 0.5 (0.3 left), C (0.2) takes 0.3 → 0.4 and stays free: (0.1, 0.5, 0.4).
    const cov = squareMatrix([
      [0.04, 0, 0],
      [0, 0.09, 0],
      [0, 0, 0.05],
    ]);
    const start = highestReturnPortfolio(
      validateFrontierInputs([0.1, 0.3, 0.2], cov, { lower: 0.1, upper: 0.5 })
    );
    expect(Array.from(start.weights).map((w) => Number(w.toFixed(12)))).toEqual([0.1, 0.5, 0.4]);
    expect(start.free).toEqual([2]);
  });

  it("splits a tie by minimum variance and pins a bound asset when none is free", () => {
    // Tie of A and B at μ = 0.2 with Σ = diag(0.04, 0.09): 0.04·w_A = 0.09·w_B ⇒ (9/13, 4/13).
    const cov = squareMatrix([
      [0.04, 0, 0],
      [0, 0.09, 0],
      [0, 0, 0.01],
    ]);
    const tie = highestReturnPortfolio(validateFrontierInputs([0.2, 0.2, 0.1], cov));
    expect(tie.weights[0]).toBeCloseTo(9 / 13, 14);
    expect([...tie.free].sort()).toEqual([0, 1]);
    // Upper 0.5: A and B fill exactly; nobody is strictly inside, B (larger (Σw)_i) pins γ.
    const full = highestReturnPortfolio(
      validateFrontierInputs([0.2, 0.2, 0.1], cov, { upper: 0.5 })
    );
    expect(Array.from(full.weights)).toEqual([0.5, 0.5, 0]);
    expect(full.free).toEqual([1]);
  });

  it("reaches the fixtures' maximum return", () => {
    for (const problem of randomProblems) {
      const inputs = validateFrontierInputs(problem.mu, squareMatrix(problem.cov), problem);
      expect(dot(problem.mu, highestReturnPortfolio(inputs).weights)).toBeCloseTo(
        problem.maximumReturn,
        13
      );
    }
  });

  it("is feasible, of maximal return and optimal for λ → ∞ among ties (property)", () => {
    fc.assert(
      fc.property(randomProblem(), ({ mu, cov, lower, upper }) => {
        const inputs = validateFrontierInputs(mu, cov, { lower, upper });
        fc.pre(sum(lower) < 1 - 1e-9 && sum(upper) > 1 + 1e-9);
        const before = Array.from(inputs.mu);
        const start = highestReturnPortfolio(inputs);
        expect(Math.abs(sum(start.weights) - 1)).toBeLessThan(1e-12);
        expect(start.free.length).toBeGreaterThan(0);
        // Greedy fill is the LP optimum of max μᵀw over the box and budget.
        const order = mu.map((_, i) => i).sort((a, b) => mu[b] - mu[a]);
        const greedy = [...lower];
        let left = 1 - sum(lower);
        for (const i of order) {
          const add = Math.min(upper[i] - lower[i], left);
          greedy[i] += add;
          left -= add;
        }
        // Up to the tie tolerance: returns within 1e-8·max(|μ|, σ) count as equal.
        const scale = Math.max(
          ...mu.map(Math.abs),
          ...mu.map((_, i) => Math.sqrt(cov.data[i * mu.length + i]))
        );
        expect(Math.abs(dot(mu, start.weights) - dot(mu, greedy))).toBeLessThanOrEqual(
          1e-8 * scale
        );
        // Among the top-return portfolios it has the least variance: KKT with equal-μ multipliers,
        // i.e. those of min ½wᵀΣw − λμᵀw for a huge λ, restricted to the assets that tie.
        const tied = mu.map((m) => Math.abs(m - mu[start.free[0]]) <= 1e-8 * scale);
        const restricted = (xs: number[]) => xs.filter((_, i) => tied[i]);
        const n = mu.length;
        const members = mu.map((_, i) => i).filter((i) => tied[i]);
        const shifted = new Float64Array(members.length * members.length);
        members.forEach((i, p) =>
          members.forEach((j, q) => (shifted[p * members.length + q] = cov.data[i * n + j]))
        );
        const others = start.weights.map((w, j) => (tied[j] ? 0 : w));
        const linear = members.map((i) => {
          let s = 0;
          for (let j = 0; j < n; j++) s += cov.data[i * n + j] * others[j];
          return s;
        });
        // Fold the fixed assets' cross term into an equivalent μ-free check: g = Σ_TT w_T + Σ_T,rest w_rest.
        const wT = members.map((i) => start.weights[i]);
        const g = members.map(
          (_, p) =>
            linear[p] +
            members.reduce((acc, _j, q) => acc + shifted[p * members.length + q] * wT[q], 0)
        );
        const lo = restricted(lower);
        const up = restricted(upper);
        const inside = g.filter((_, p) => wT[p] > lo[p] + 1e-9 && wT[p] < up[p] - 1e-9);
        const gamma = inside.length > 0 ? inside[0] : undefined;
        if (gamma !== undefined) {
          g.forEach((gp, p) => {
            const scale = 1e-9 * Math.max(...Array.from(cov.data).map(Math.abs));
            if (wT[p] <= lo[p] + 1e-9) expect(gp).toBeGreaterThanOrEqual(gamma - scale);
            else if (wT[p] >= up[p] - 1e-9) expect(gp).toBeLessThanOrEqual(gamma + scale);
            else expect(Math.abs(gp - gamma)).toBeLessThan(scale);
          });
        }
        expect(Array.from(inputs.mu)).toEqual(before);
      }),
      { numRuns: 100 }
    );
  });
});
