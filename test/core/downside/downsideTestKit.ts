import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { DownsideOptions, DownsidePortfolio } from "../../../src/core/downside/types";
import { isCoreError } from "../../../src/core/errors";
import type { LinearProgram, LpSolution, LpSolver } from "../../../src/core/lp/types";
import type { ReturnsPanel } from "../../../src/core/types";
import { loadHighsSolver } from "../../../src/functions/lp/highsSolver";

/** One fixture problem: a panel index, the options and the oracle's optimum. */
export interface DownsideCase {
  readonly name: string;
  readonly measure?: "cdar" | "maxdd";
  readonly panel: number;
  readonly options: DownsideOptions;
  readonly weights: number[];
  readonly risk: number;
  readonly expectedReturn: number;
}

interface FixtureFile {
  readonly header: Record<string, string | number>;
  readonly panels: { rows: number; cols: number; returns: number[] }[];
  readonly cases: DownsideCase[];
}

/** Reads test/fixtures/optimize/<name>.json (written by scripts/fixtures/<name>.py). */
export function readDownsideFixture(
  name: string
): FixtureFile & { readonly panelsAsReturns: ReturnsPanel[] } {
  const file = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "fixtures", "optimize", `${name}.json`), "utf8")
  ) as FixtureFile;
  return {
    ...file,
    panelsAsReturns: file.panels.map((p) => panelFromRows(p.returns, p.rows, p.cols)),
  };
}

/** A ReturnsPanel from row-major values (row t, asset j at values[t·cols + j]). */
export function panelFromRows(values: ArrayLike<number>, rows: number, cols: number): ReturnsPanel {
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < rows; t++)
    for (let j = 0; j < cols; j++) data[j * rows + t] = values[t * cols + j];
  return {
    kind: "returns",
    rows,
    cols,
    data,
    labels: Array.from({ length: cols }, (_, j) => `A${j + 1}`),
  };
}

/** Portfolio return in each scenario, straight from the column-major panel. */
export function portfolioReturns(panel: ReturnsPanel, w: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let t = 0; t < panel.rows; t++) {
    let s = 0;
    for (let j = 0; j < panel.cols; j++) s += panel.data[j * panel.rows + t] * w[j];
    out.push(s);
  }
  return out;
}

/**
 * Drawdowns recomputed the textbook way (not the core's recursion): cumulative sums c_t, the
 * running maximum u_t = max(0, c_1 … c_t), d_t = u_t − c_t.
 */
export function plainDrawdowns(panel: ReturnsPanel, w: ArrayLike<number>): number[] {
  const out: number[] = [];
  let c = 0;
  let peak = 0;
  for (const r of portfolioReturns(panel, w)) {
    c += r;
    peak = Math.max(peak, c);
    out.push(peak - c);
  }
  return out;
}

/** CDaR_α as the Rockafellar–Uryasev minimum, evaluated at every breakpoint ζ ∈ {0, d_t}: O(T²). */
export function plainCdar(d: readonly number[], alpha: number): number {
  const k = (1 - alpha) * d.length;
  let best = Infinity;
  for (const zeta of [0, ...d]) {
    let tail = 0;
    for (const v of d) tail += Math.max(v - zeta, 0);
    best = Math.min(best, zeta + tail / k);
  }
  return best;
}

/** Semideviation below the threshold, population (1/T): sqrt(mean(min(r − h, 0)²)). */
export function plainSemideviation(
  panel: ReturnsPanel,
  w: ArrayLike<number>,
  threshold: number
): number {
  let s = 0;
  for (const r of portfolioReturns(panel, w)) s += Math.min(r - threshold, 0) ** 2;
  return Math.sqrt(s / panel.rows);
}

export function mean(panel: ReturnsPanel, w: ArrayLike<number>): number {
  return portfolioReturns(panel, w).reduce((a, b) => a + b, 0) / panel.rows;
}

/** A solver that records every program it is given and the answer, for duality checks. */
export function recordingSolver(inner: LpSolver): {
  solver: LpSolver;
  calls: { program: LinearProgram; solution: LpSolution }[];
} {
  const calls: { program: LinearProgram; solution: LpSolution }[] = [];
  return {
    calls,
    solver: {
      solve(program, options) {
        const solution = inner.solve(program, options);
        calls.push({ program, solution });
        return solution;
      },
    },
  };
}

/**
 * LP optimality certificate from row duals y (HiGHS' sign: ∂objective/∂row bound) for a
 * minimisation: reduced costs c − Aᵀy must be ≥ 0 at a variable's lower bound, ≤ 0 at its upper,
 * 0 in between; a dual is ≥ 0 only on a row at its lower bound, ≤ 0 only at its upper; and the
 * dual objective (Σ y_r·active bound + Σ reduced cost·bound) equals the primal objective.
 * Returns the largest violation and the duality gap.
 */
export function dualityCheck(
  program: LinearProgram,
  solution: LpSolution
): { violation: number; gap: number } {
  const y = solution.rowDuals!;
  const { start, index, value, lower: rl, upper: ru } = program.rows;
  const reduced = Float64Array.from(program.objective);
  const m = rl.length;
  const activity = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    for (let k = start[r]; k < start[r + 1]; k++) {
      reduced[index[k]] -= value[k] * y[r];
      activity[r] += value[k] * solution.x[index[k]];
    }
  }
  const tol = 1e-7;
  let violation = 0;
  let dual = 0;
  for (let r = 0; r < m; r++) {
    const atLower = Math.abs(activity[r] - rl[r]) <= tol * (1 + Math.abs(rl[r]));
    const atUpper = Math.abs(activity[r] - ru[r]) <= tol * (1 + Math.abs(ru[r]));
    if (y[r] > 0 && !atLower) violation = Math.max(violation, y[r]);
    if (y[r] < 0 && !atUpper) violation = Math.max(violation, -y[r]);
    const bound = y[r] > 0 ? rl[r] : ru[r];
    if (y[r] !== 0 && Number.isFinite(bound)) dual += y[r] * bound;
  }
  for (let j = 0; j < reduced.length; j++) {
    const x = solution.x[j];
    const atLower = Math.abs(x - program.lower[j]) <= tol;
    const atUpper = Math.abs(x - program.upper[j]) <= tol;
    const d = reduced[j];
    if (d > tol && !atLower) violation = Math.max(violation, d);
    if (d < -tol && !atUpper) violation = Math.max(violation, -d);
    const bound = d > 0 ? program.lower[j] : program.upper[j];
    if (Math.abs(d) > tol && Number.isFinite(bound)) dual += d * bound;
  }
  return { violation, gap: Math.abs(dual - solution.objective) };
}

/** fast-check: a random fat-ish returns panel (2–5 assets × 20–60 scenarios) with a seed-free shape. */
export const randomPanel = fc
  .record({
    rows: fc.integer({ min: 20, max: 60 }),
    cols: fc.integer({ min: 2, max: 5 }),
  })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.double({ min: -0.15, max: 0.15, noNaN: true }), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map((values) => panelFromRows(values, rows, cols))
  );

/** fast-check: a random long-only portfolio of `n` assets (Dirichlet-like, Σ = 1). */
export function randomWeights(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: n, maxLength: n })
    .map((v) => {
      const s = v.reduce((a, b) => a + b, 0);
      return v.map((x) => x / s);
    });
}

/** fast-check: a random panel ({@link randomPanel}) with a random long-only portfolio of its assets. */
export const randomPanelWithWeights: fc.Arbitrary<[ReturnsPanel, number[]]> = randomPanel.chain(
  (panel) => fc.tuple(fc.constant(panel), randomWeights(panel.cols))
);

/** The highest mean return of a single asset (each one held alone): maxratio needs one above 0. */
export function bestSingleAssetMean(panel: ReturnsPanel): number {
  const means = Array.from({ length: panel.cols }, (_, j) => {
    const e = new Array<number>(panel.cols).fill(0);
    e[j] = 1;
    return mean(panel, e);
  });
  return Math.max(...means);
}

/**
 * Runs `solve` on a recording solver over `inner` and checks the last LP it solved with
 * {@link dualityCheck}: the largest violation and the duality gap of that program's row duals.
 */
export function lastLpCertificate(
  inner: LpSolver,
  solve: (solver: LpSolver) => unknown
): { violation: number; gap: number } {
  const { solver, calls } = recordingSolver(inner);
  solve(solver);
  const { program, solution } = calls[calls.length - 1];
  return dualityCheck(program, solution);
}

/**
 * The suite's HiGHS: registers a beforeAll that loads it and returns a solver that forwards every
 * solve to it (so a suite writes `const highs = suiteHighs();` instead of a let and a beforeAll).
 */
export function suiteHighs(): LpSolver {
  let loaded: LpSolver | undefined;
  beforeAll(async () => {
    loaded = await loadHighsSolver();
  });
  return {
    solve(program, options) {
      if (loaded === undefined) throw new Error("suiteHighs: HiGHS is used before beforeAll ran");
      return loaded.solve(program, options);
    },
  };
}

/** The CoreError code `run` throws ("not a CoreError: …" for anything else), or undefined. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isCoreError(error) ? error.code : `not a CoreError: ${String(error)}`;
  }
  return undefined;
}

/**
 * Maximum-weight vectors that allow exactly one pair of assets each (1 on a and b, 0 elsewhere),
 * for every pair a < b in order: the portfolios a maxHoldings 2 program chooses among.
 */
export function pairUppers(cols: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < cols; a++) {
    for (let b = a + 1; b < cols; b++) {
      const upper = new Array<number>(cols).fill(0);
      upper[a] = 1;
      upper[b] = 1;
      out.push(upper);
    }
  }
  return out;
}

/**
 * Checks an optimum against a fixture oracle: the (mean − riskFree)/risk ratio within
 * `ratio`·|oracle ratio| under "maxratio", else the risk within `risk` (the optimum value is
 * unique even where the weights are not).
 */
export function expectOracleOptimum(
  p: DownsidePortfolio,
  c: DownsideCase,
  tolerance: { readonly ratio: number; readonly risk: number }
): void {
  if (c.options.objective === "maxratio") {
    const rf = c.options.riskFree ?? 0;
    const ratio = (p.expectedReturn - rf) / p.risk;
    const oracle = (c.expectedReturn - rf) / c.risk;
    expect(Math.abs(ratio - oracle)).toBeLessThanOrEqual(tolerance.ratio * Math.abs(oracle));
  } else {
    expect(Math.abs(p.risk - c.risk)).toBeLessThanOrEqual(tolerance.risk);
  }
}
