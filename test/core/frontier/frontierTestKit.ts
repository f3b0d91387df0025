import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { CoreError } from "../../../src/core/errors";
import type { SquareMatrix } from "../../../src/core/types";

/** Shared helpers of the frontier tests (not a test file itself). */

export interface OraclePoint {
  readonly weights: number[];
  readonly expectedReturn: number;
  readonly variance: number;
  readonly sharpe: number;
  readonly polished: boolean;
}

export interface OracleProblem {
  readonly mu: number[];
  readonly cov: number[][];
  readonly lower: number[];
  readonly upper: number[];
  readonly riskFree: number;
  readonly minimumVariance: OraclePoint;
  readonly maximumReturn: number;
  readonly maximumSharpe: OraclePoint;
  readonly targets: (OraclePoint & { readonly target: number })[];
  readonly kind?: string;
}

export interface PaperFixture extends OracleProblem {
  readonly header: { readonly script: string; readonly numpy: string; readonly scipy: string };
  readonly labels: string[];
  readonly publishedTurningPoints: { readonly weights: number[]; readonly lambda: number }[];
}

const fixtureDir = path.resolve(__dirname, "..", "..", "fixtures", "frontier");

export function readFixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(fixtureDir, name), "utf8")) as T;
}

/**
 * The ten-asset example of Bailey & López de Prado (2013), with its published turning points and
 * the SLSQP + KKT oracle answers of scripts/fixtures/frontier.py.
 */
export const paper = readFixture<PaperFixture>("claPaperTenAsset.json");

/** Random long-only, boxed and short-allowed problems with their oracle answers (same script). */
export const randomProblems: readonly OracleProblem[] = readFixture<{ problems: OracleProblem[] }>(
  "randomProblems.json"
).problems;

/** Every oracle problem: the paper's first, then the random ones. */
export const oracleProblems: readonly OracleProblem[] = [paper, ...randomProblems];

/** The code of the CoreError a call throws; "not a CoreError" for another throw, undefined if none. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof CoreError ? error.code : "not a CoreError";
  }
  return undefined;
}

export function squareMatrix(
  rows: readonly (readonly number[])[],
  labels?: string[]
): SquareMatrix {
  const size = rows.length;
  return {
    size,
    data: Float64Array.from(rows.flat()),
    labels: labels ?? Array.from({ length: size }, (_, i) => `A${i + 1}`),
  };
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

export function quadratic(cov: SquareMatrix, w: ArrayLike<number>): number {
  const n = cov.size;
  let v = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i] * cov.data[i * n + j] * w[j];
  return v;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Checks the KKT conditions of min ½wᵀΣw − λμᵀw s.t. Σw = 1, lower ≤ w ≤ upper at (w, λ): with
 * g = Σw − λμ there must be a γ with g_i = γ for assets strictly inside their bounds, g_i ≥ γ at a
 * lower bound and g_i ≤ γ at an upper bound, and λ ≥ 0. Together with feasibility these are
 * sufficient (convex problem), so passing proves w has the minimum variance for its return.
 * Returns the largest violation, scaled by the size of the gradient terms.
 */
export function kktViolation(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  w: ArrayLike<number>,
  lambda: number
): number {
  const n = cov.size;
  const inside = 1e-9;
  const g: number[] = [];
  let scale = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      s += cov.data[i * n + j] * w[j];
      scale = Math.max(scale, Math.abs(cov.data[i * n + j]));
    }
    g.push(s - lambda * mu[i]);
    scale = Math.max(scale, Math.abs(lambda * mu[i]));
  }
  let violation = lambda < 0 ? -lambda : 0;
  const interior: number[] = [];
  let maxUpper = -Infinity;
  let minLower = Infinity;
  for (let i = 0; i < n; i++) {
    if (w[i] < lower[i] - 1e-12 || w[i] > upper[i] + 1e-12) violation = Math.max(violation, 1);
    if (w[i] > lower[i] + inside && w[i] < upper[i] - inside) interior.push(g[i]);
    else if (w[i] <= lower[i] + inside && upper[i] > lower[i]) minLower = Math.min(minLower, g[i]);
    else if (upper[i] > lower[i]) maxUpper = Math.max(maxUpper, g[i]);
  }
  if (interior.length > 0) {
    const gamma = sum(interior) / interior.length;
    for (const gi of interior) violation = Math.max(violation, Math.abs(gi - gamma) / scale);
    violation = Math.max(violation, (gamma - minLower) / scale, (maxUpper - gamma) / scale);
  } else {
    // A vertex: some γ between the largest upper-bound gradient and the smallest lower-bound one.
    violation = Math.max(violation, (maxUpper - minLower) / scale);
  }
  return violation;
}

/** A random positive definite covariance A·Aᵀ/n + εI, with random bounds and returns. */
export interface RandomProblem {
  readonly mu: number[];
  readonly cov: SquareMatrix;
  readonly lower: number[];
  readonly upper: number[];
}

export const randomProblem = (maxAssets = 7): fc.Arbitrary<RandomProblem> =>
  fc
    .integer({ min: 1, max: maxAssets })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        a: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
          minLength: n * n,
          maxLength: n * n,
        }),
        epsilon: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
        // Returns on a coarse grid half the time, so that ties in μ are common.
        mu: fc.array(
          fc.oneof(
            fc.integer({ min: -2, max: 8 }).map((k) => k / 10),
            fc.double({ min: -0.5, max: 1.5, noNaN: true })
          ),
          { minLength: n, maxLength: n }
        ),
        boxed: fc.boolean(),
        lowerRaw: fc.array(fc.double({ min: -0.3, max: 1, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        widthRaw: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
      })
    )
    .map(({ n, a, epsilon, mu, boxed, lowerRaw, widthRaw }) => {
      const rows: number[][] = [];
      for (let i = 0; i < n; i++) {
        const row: number[] = [];
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += a[i * n + k] * a[j * n + k];
          row.push(s / n + (i === j ? epsilon : 0));
        }
        rows.push(row);
      }
      // Symmetrise exactly (the products above are symmetric up to summation order only).
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) rows[i][j] = rows[j][i];
      const lower = boxed ? lowerRaw.map((x) => x / (n + 1)) : new Array<number>(n).fill(0);
      const upper = boxed
        ? lower.map((l, i) => l + 0.02 + widthRaw[i])
        : new Array<number>(n).fill(1);
      if (boxed && sum(upper) < 1 + 1e-6) {
        const lift = (1.01 - sum(upper)) / n;
        for (let i = 0; i < n; i++) upper[i] += lift;
      }
      return { mu, cov: squareMatrix(rows), lower, upper };
    });

/** Reorders a problem's assets: index i of the result is asset order[i] of the input. */
export function permuteProblem(problem: RandomProblem, order: readonly number[]): RandomProblem {
  const n = order.length;
  const rows = order.map((i) => order.map((j) => problem.cov.data[i * n + j]));
  return {
    mu: order.map((i) => problem.mu[i]),
    cov: squareMatrix(rows),
    lower: order.map((i) => problem.lower[i]),
    upper: order.map((i) => problem.upper[i]),
  };
}

/**
 * Σ = diag(0.04, 0.09): two uncorrelated assets with volatilities 20 % and 30 %, the covariance of
 * the hand-worked two-asset cases (with μ = (0.1, 0.2)).
 */
export function uncorrelatedPair(): SquareMatrix {
  return squareMatrix([
    [0.04, 0],
    [0, 0.09],
  ]);
}

/**
 * Asserts that `solve` leaves a small three-asset boxed problem untouched: μ and the bounds are
 * passed frozen (a write throws); Σ, a Float64Array that cannot be frozen, is compared by snapshot.
 */
export function expectInputsUnchanged(
  solve: (
    mu: readonly number[],
    cov: SquareMatrix,
    bounds: { readonly lower: readonly number[]; readonly upper: readonly number[] }
  ) => unknown
): void {
  const problem = {
    mu: [0.1, 0.2, 0.15],
    cov: squareMatrix([
      [0.04, 0.01, 0],
      [0.01, 0.09, 0.02],
      [0, 0.02, 0.05],
    ]),
    lower: [0, 0, 0.1],
    upper: [0.6, 0.6, 0.6],
  };
  const before = snapshot(problem);
  solve(Object.freeze([...problem.mu]), problem.cov, {
    lower: Object.freeze([...problem.lower]),
    upper: Object.freeze([...problem.upper]),
  });
  expect(snapshot(problem)).toBe(before);
}

/** Deep-frozen copies: Float64Arrays cannot be frozen, so callers compare against snapshots. */
export function snapshot(problem: RandomProblem): string {
  return JSON.stringify({
    mu: problem.mu,
    cov: Array.from(problem.cov.data),
    lower: problem.lower,
    upper: problem.upper,
  });
}

/**
 * Annualised (periodsPerYear = 365) mean simple returns and sample covariance (n − 1) of the last
 * `days` daily returns of the given symbols in ../shared/data/crypto-daily-close.csv.
 */
export function realCryptoProblem(
  csv: { symbols: string[]; rows: number[][] },
  symbols: readonly string[],
  days: number
): { mu: number[]; cov: SquareMatrix } {
  const columns = symbols.map((s) => csv.symbols.indexOf(s));
  const rows = csv.rows.slice(-(days + 1));
  const returns = columns.map((c) =>
    Array.from({ length: days }, (_, t) => rows[t + 1][c] / rows[t][c] - 1)
  );
  const means = returns.map((r) => sum(r) / days);
  const cov = squareMatrix(
    returns.map((ri, i) =>
      returns.map(
        (rj, j) =>
          (365 * ri.reduce((acc, x, t) => acc + (x - means[i]) * (rj[t] - means[j]), 0)) /
          (days - 1)
      )
    ),
    [...symbols]
  );
  return { mu: means.map((m) => m * 365), cov };
}
