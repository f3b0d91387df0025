import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { solveQuadraticProgram } from "../../../src/core/optimize/solveQuadraticProgram";
import { portfolioConstraintRows } from "../../../src/core/optimize/portfolioConstraintRows";
import { checkFeasibility } from "../../../src/core/optimize/checkFeasibility";
import type { PortfolioConstraints, PortfolioGroup } from "../../../src/core/optimize/types";
import type { SquareMatrix } from "../../../src/core/types";

/** Test helpers shared by the optimiser tests (not a test file itself). */

export function matrix(data: number[], labels?: string[]): SquareMatrix {
  const size = Math.round(Math.sqrt(data.length));
  return {
    size,
    data: Float64Array.from(data),
    labels: labels ?? Array.from({ length: size }, (_, i) => `A${i + 1}`),
  };
}

export function readFixture<T>(name: string): {
  header: Record<string, string | number>;
  cases: T[];
} {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, "../../fixtures/optimize", `${name}.json`), "utf8")
  );
}

/** One case of fixtures/optimize/minimumVarianceConstrained.json (its header names the script). */
export interface ConstrainedCase {
  n: number;
  cov: number[];
  mu: number[];
  upper: number;
  groups: PortfolioGroup[];
  minimumVariance: number[];
  targetReturn: number;
  frontierPoint: number[] | null;
}

/** One case of fixtures/optimize/maximumRatio.json: the maximum Sharpe and diversification answers. */
export interface MaximumRatioCase {
  n: number;
  cov: number[];
  mu: number[];
  riskFree: number;
  upper: number;
  groups: PortfolioGroup[];
  maximumSharpe: { weights: number[]; ratio: number };
  maximumDiversification: { weights: number[]; ratio: number };
}

export function quadratic(cov: SquareMatrix, w: ArrayLike<number>): number {
  const n = cov.size;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) sum += w[i] * cov.data[i * n + j] * w[j];
  }
  return sum;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Asserts w is long-only, sums to 1 and meets the bounds and groups, to `tol`. */
export function expectFeasible(
  w: ArrayLike<number>,
  constraints: PortfolioConstraints,
  tol = 1e-9
) {
  const n = w.length;
  const at = (v: number | ArrayLike<number> | undefined, i: number, fallback: number) =>
    v === undefined ? fallback : typeof v === "number" ? v : v[i];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += w[i];
    expect(w[i]).toBeGreaterThanOrEqual(at(constraints.lower, i, 0) - tol);
    expect(w[i]).toBeLessThanOrEqual(at(constraints.upper, i, 1) + tol);
  }
  expect(Math.abs(sum - 1)).toBeLessThan(tol);
  for (const g of constraints.groups ?? []) {
    const total = g.members.reduce((s, i) => s + w[i], 0);
    if (g.min !== undefined) expect(total).toBeGreaterThanOrEqual(g.min - tol);
    if (g.max !== undefined) expect(total).toBeLessThanOrEqual(g.max + tol);
  }
}

/** A feasible portfolio near a random point c: argmin ‖w − c‖² over the constraint set. */
export function randomFeasiblePortfolio(
  constraints: PortfolioConstraints,
  n: number,
  c: ArrayLike<number>
): Float64Array {
  const rows = portfolioConstraintRows(
    constraints,
    n,
    Array.from({ length: n }, (_, i) => `A${i}`)
  );
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) D[i * n + i] = 1;
  return solveQuadraticProgram({
    D,
    d: c,
    Aeq: new Float64Array(n).fill(1),
    beq: [1],
    Aineq: rows.Aineq,
    bineq: rows.bineq,
  }).x;
}

/** A random feasible portfolio problem: cov = FFᵀ + diag (two factors), μ, an upper bound, groups. */
export const portfolioProblem = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    values: fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 1000),
      {
        minLength: 64,
        maxLength: 64,
      }
    ),
    upper: fc.integer({ min: 20, max: 100 }).map((v) => v / 100),
    cap: fc.option(
      fc.integer({ min: 10, max: 90 }).map((v) => v / 100),
      { nil: undefined }
    ),
    floor: fc.option(
      fc.integer({ min: 5, max: 50 }).map((v) => v / 100),
      { nil: undefined }
    ),
    split: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ n, values, upper, cap, floor, split }) => {
    const data = new Array<number>(n * n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = i === j ? 0.02 + 0.03 * Math.abs(values[40 + i]) : 0;
        for (let k = 0; k < 2; k++) sum += 0.05 * values[i * 2 + k] * values[j * 2 + k];
        data[i * n + j] = sum;
      }
    }
    const mu = Array.from({ length: n }, (_, i) => 0.05 + 0.2 * values[20 + i]);
    const cut = Math.min(split, n);
    const groups: PortfolioGroup[] = [];
    if (cap !== undefined) groups.push({ name: "G1", members: range(0, cut), max: cap });
    if (floor !== undefined && cut < n)
      groups.push({ name: "G2", members: range(cut, n), min: floor });
    const constraints: PortfolioConstraints = { upper, groups };
    const centre = Array.from({ length: n }, (_, i) => values[50 + i]);
    return { cov: matrix(data), mu, constraints, centre };
  })
  .filter(({ cov, constraints }) => checkFeasibility(constraints, cov.size).feasible);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Sample covariance (n − 1) of the complete rows of the chosen columns of a wide CSV. */
export function sampleCovarianceOfReturns(rows: number[][], columns: number[]): number[] {
  const returns: number[][] = [];
  for (let t = 1; t < rows.length; t++) {
    const r = columns.map((j) => rows[t][j] / rows[t - 1][j] - 1);
    if (r.every(Number.isFinite)) returns.push(r);
  }
  const k = columns.length;
  const mean = new Array<number>(k).fill(0);
  for (const r of returns) r.forEach((v, j) => (mean[j] += v / returns.length));
  const cov = new Array<number>(k * k).fill(0);
  for (const r of returns) {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++)
        cov[i * k + j] += ((r[i] - mean[i]) * (r[j] - mean[j])) / (returns.length - 1);
    }
  }
  return cov;
}
