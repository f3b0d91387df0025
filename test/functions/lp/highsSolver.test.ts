import { createLpBuilder } from "../../../src/core/lp/createLpBuilder";
import type { LinearProgram, LpSolver } from "../../../src/core/lp/types";
import { loadHighsSolver } from "../../../src/functions/lp/highsSolver";

const options = { timeLimitSeconds: 10 };

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe("loadHighsSolver", () => {
  it("loads once and shares the solver", async () => {
    expect(await loadHighsSolver()).toBe(solver);
  });

  it("solves an LP with its optimum and row duals", () => {
    // max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0: vertex x = 1.6, y = 1.2, objective 2.8;
    // duals of the two rows solve [1 3; 2 1]ᵀ-system: 1 = a + 3b, 1 = 2a + b → a = 0.4, b = 0.2.
    const lp = createLpBuilder();
    const x = lp.addColumn(0, Infinity, 1, "x");
    const y = lp.addColumn(0, Infinity, 1, "y");
    lp.addRow([x, y], [1, 2], -Infinity, 4, "first");
    lp.addRow([x, y], [3, 1], -Infinity, 6, "second");
    const solution = solver.solve(lp.build("maximize"), options);
    expect(solution.status).toBe("optimal");
    expect(solution.x[0]).toBeCloseTo(1.6, 9);
    expect(solution.x[1]).toBeCloseTo(1.2, 9);
    expect(solution.objective).toBeCloseTo(2.8, 9);
    expect(Math.abs(solution.rowDuals![0])).toBeCloseTo(0.4, 9);
    expect(Math.abs(solution.rowDuals![1])).toBeCloseTo(0.2, 9);
  });

  it("solves a MIP exactly (integer optimum differs from the LP relaxation's)", () => {
    // max 5a + 4b s.t. 6a + 4b ≤ 24, a + 2b ≤ 6, a, b integer ≥ 0: relaxation (3, 1.5) = 21;
    // integer points: (4, 0) = 20, (3, 1) = 19, (2, 2) = 18 → the optimum is (4, 0), 20.
    const lp = createLpBuilder();
    const a = lp.addColumn(0, 10, 5, "a", true);
    const b = lp.addColumn(0, 10, 4, "b", true);
    lp.addRow([a, b], [6, 4], -Infinity, 24, "r1");
    lp.addRow([a, b], [1, 2], -Infinity, 6, "r2");
    const solution = solver.solve(lp.build("maximize"), options);
    expect(solution.status).toBe("optimal");
    expect(solution.x[0]).toBeCloseTo(4, 9);
    expect(solution.x[1]).toBeCloseTo(0, 9);
    expect(solution.objective).toBeCloseTo(20, 9);
    expect(solution.rowDuals).toBeUndefined();
  });

  it("solves a convex QP given as upper-triangle triplets", () => {
    // min ½(2x² + 2xy + 2y²) − x s.t. x + y = 1: Q = [2 1; 1 2]; on y = 1 − x the objective is
    // x² + x(1 − x) + (1 − x)² − x = x² − 2x + 1, minimised at x = 1, y = 0, value 0.
    const program: LinearProgram = {
      ...createLpBuilderProgram(),
      quadratic: {
        row: Int32Array.from([0, 0, 1]),
        col: Int32Array.from([0, 1, 1]),
        value: Float64Array.from([2, 1, 2]),
      },
    };
    const solution = solver.solve(program, options);
    expect(solution.status).toBe("optimal");
    expect(solution.x[0]).toBeCloseTo(1, 7);
    expect(solution.x[1]).toBeCloseTo(0, 7);
    expect(solution.objective).toBeCloseTo(0, 9);
  });

  it("reports infeasibility", () => {
    const lp = createLpBuilder();
    const x = lp.addColumn(0, 1, 1, "x");
    lp.addRow([x], [1], 2, Infinity, "x at least 2");
    const solution = solver.solve(lp.build("minimize"), options);
    expect(solution.status).toBe("infeasible");
    expect(solution.message).toMatch(/HiGHS model status infeasible/);
  });

  it("reports unboundedness", () => {
    const lp = createLpBuilder();
    const x = lp.addColumn(0, Infinity, 1, "x");
    const y = lp.addColumn(0, Infinity, 0, "y");
    lp.addRow([x, y], [1, -1], -Infinity, 1, "x − y ≤ 1");
    const solution = solver.solve(lp.build("maximize"), options);
    expect(solution.status).toBe("unbounded");
  });

  it("stops at the time limit on a hard MIP", () => {
    // A market-split instance (Cornuéjols & Dawande 1998): 4 equality rows over 30 binaries with
    // coefficients in [0, 99] and right-hand sides half the row sums, which branch-and-bound needs
    // many nodes for; a 1 ms limit stops it first.
    const lp = createLpBuilder();
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const columns: number[] = [];
    for (let i = 0; i < 30; i++) columns.push(lp.addColumn(0, 1, 0, `x${i}`, true));
    for (let r = 0; r < 4; r++) {
      const values = columns.map(() => Math.floor(random() * 100));
      const half = Math.floor(values.reduce((s, v) => s + v, 0) / 2);
      lp.addRow(columns, values, half, half, `split ${r}`);
    }
    const solution = solver.solve(lp.build("minimize"), { timeLimitSeconds: 0.001 });
    expect(solution.status).toBe("time-limit");
    expect(solution.message).toMatch(/time/i);
  });
});

function createLpBuilderProgram(): LinearProgram {
  const lp = createLpBuilder();
  const x = lp.addColumn(-Infinity, Infinity, -1, "x");
  const y = lp.addColumn(-Infinity, Infinity, 0, "y");
  lp.addRow([x, y], [1, 1], 1, 1, "sum");
  return lp.build("minimize");
}
