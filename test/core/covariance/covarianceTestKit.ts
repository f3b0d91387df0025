import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { isCoreError, type CoreErrorCode } from "../../../src/core/errors";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import type { ShrinkageResult } from "../../../src/core/covariance/shrinkageResult";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import type { ReturnsPanel, SquareMatrix } from "../../../src/core/types";
import { readSharedCsv } from "../../helpers/sharedData";

/** Shared helpers of the covariance tests (not a test file itself). */

/** A returns panel from row-major rows (NaN = missing), frozen so any write throws. */
export function panelOf(rows: number[][], labels?: string[]): ReturnsPanel {
  const n = rows.length;
  const p = n > 0 ? rows[0].length : 0;
  const data = new Float64Array(n * p);
  for (let t = 0; t < n; t++) for (let j = 0; j < p; j++) data[j * n + t] = rows[t][j];
  return {
    kind: "returns",
    rows: n,
    cols: p,
    data,
    labels: labels ?? Array.from({ length: p }, (_, j) => `Asset ${j + 1}`),
  };
}

/** A deep copy of a panel, to prove the function under test left its input unchanged. */
export function copyPanel(panel: ReturnsPanel): ReturnsPanel {
  return { ...panel, data: Float64Array.from(panel.data), labels: [...panel.labels] };
}

/** Row-major nested list → flat Float64Array. */
export function flat(matrix: number[][]): Float64Array {
  return Float64Array.from(matrix.flat());
}

/**
 * Max |a − e| relative to max |e|: the oracle and we sum in different orders, so agreement is to a
 * few ulps of the largest entry, not of each (possibly tiny) entry.
 */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  let worst = 0;
  for (let k = 0; k < expected.length; k++) scale = Math.max(scale, Math.abs(expected[k]));
  for (let k = 0; k < expected.length; k++) {
    worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
  }
  return scale === 0 ? worst : worst / scale;
}

/** Smallest eigenvalue of a symmetric matrix (ml-matrix). */
export function minEigenvalue(m: SquareMatrix): number {
  const rows = Array.from({ length: m.size }, (_, i) =>
    Array.from(m.data.subarray(i * m.size, (i + 1) * m.size))
  );
  return Math.min(...new EigenvalueDecomposition(new Matrix(rows)).realEigenvalues);
}

/** Largest |a_ij − a_ji|. */
export function asymmetry(m: SquareMatrix): number {
  let worst = 0;
  for (let i = 0; i < m.size; i++) {
    for (let j = 0; j < i; j++) {
      worst = Math.max(worst, Math.abs(m.data[i * m.size + j] - m.data[j * m.size + i]));
    }
  }
  return worst;
}

/** The CoreError a call throws (fails the test when it throws something else or nothing). */
export function coreErrorOf(call: () => unknown): { code: CoreErrorCode; message: string } {
  try {
    call();
  } catch (error) {
    if (isCoreError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a CoreError, but the call returned");
}

/** One estimator case of a fixture written by scripts/fixtures/covariance.py. */
export interface FixtureCase {
  readonly name: string;
  readonly returns?: (number | null)[][];
  readonly file?: string;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly symbols?: string[];
  readonly rowsUsed: number;
  readonly sample: number[][];
  readonly ledoitWolf: { matrix: number[][]; shrinkage: number };
  readonly oas: { matrix: number[][]; shrinkage: number };
  readonly constantCorrelation: { matrix: number[][]; shrinkage: number };
  readonly ewma: { halfLife?: number; span?: number; matrix: number[][] }[];
}

export interface Fixture {
  readonly header: Record<string, string>;
  readonly cases: FixtureCase[];
}

/** Reads test/fixtures/covariance/<name>.json. */
export function readFixture(name: "random" | "crypto" | "stocks"): Fixture {
  const file = path.resolve(__dirname, "..", "..", "fixtures", "covariance", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Fixture;
}

/** The returns panel of a fixture case: inline for random cases, rebuilt from ../shared/data otherwise. */
export function fixturePanel(fixtureCase: FixtureCase): ReturnsPanel {
  if (fixtureCase.returns) {
    return panelOf(fixtureCase.returns.map((row) => row.map((v) => (v === null ? NaN : v))));
  }
  const csv = readSharedCsv(fixtureCase.file as string);
  const lo = csv.dates.indexOf(fixtureCase.firstDate as string);
  const hi = csv.dates.indexOf(fixtureCase.lastDate as string) + 1;
  const symbols = fixtureCase.symbols as string[];
  const columns = symbols.map((s) => csv.symbols.indexOf(s));
  const rows = csv.rows.slice(lo, hi).map((row) => columns.map((j) => row[j]));
  return returnsFromPrices(pricePanel(rows, { labels: symbols }));
}

/**
 * Random returns panels for property tests: 3–40 rows, 1–6 assets, a common factor plus noise, values
 * kept away from degenerate (constant) columns by the noise term.
 */
export function arbitraryPanel(minCols = 1, minRows = 3): fc.Arbitrary<ReturnsPanel> {
  return fc
    .record({
      rows: fc.integer({ min: minRows, max: 40 }),
      cols: fc.integer({ min: minCols, max: 6 }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
    })
    .map(({ rows, cols, seed }) => {
      let state = seed;
      const uniform = () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return (state + 0.5) / 4294967296;
      };
      const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const loadings = Array.from({ length: cols }, () => uniform() * 1.5);
      const table: number[][] = [];
      for (let t = 0; t < rows; t++) {
        const market = normal() * 0.03;
        table.push(loadings.map((b) => b * market + normal() * 0.02));
      }
      return panelOf(table);
    });
}

/** The same panel with its columns in the order `order` (labels follow). */
export function permuteColumns(panel: ReturnsPanel, order: number[]): ReturnsPanel {
  const { rows } = panel;
  const data = new Float64Array(panel.data.length);
  order.forEach((from, to) =>
    data.set(panel.data.subarray(from * rows, (from + 1) * rows), to * rows)
  );
  return { ...panel, data, labels: order.map((j) => panel.labels[j]) };
}

/** Entry (i, j) of the permuted matrix is entry (order[i], order[j]) of the original. */
export function permuteMatrix(m: SquareMatrix, order: number[]): Float64Array {
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.size; i++) {
    for (let j = 0; j < m.size; j++) out[i * m.size + j] = m.data[order[i] * m.size + order[j]];
  }
  return out;
}

/** A panel with every value multiplied by c. */
export function scalePanel(panel: ReturnsPanel, c: number): ReturnsPanel {
  return { ...panel, data: panel.data.map((v) => v * c) };
}

/** ledoitWolf, oracleApproximatingShrinkage or ledoitWolfConstantCorrelation. */
export type ShrinkageEstimator = (
  returns: ReturnsPanel,
  periodsPerYear?: number
) => ShrinkageResult;

/**
 * How closely a shrinkage estimator must match its oracle (sklearn, or the numpy script for the
 * constant-correlation target). They sum in different orders: measured agreement is ≤ 3e−15 of
 * the largest entry, and ≤ 4e−15 on δ for the constant-correlation target, whose π − ρ could cost
 * digits; 1e−12 leaves room.
 */
const SHRINKAGE_ORACLE_TOLERANCE = 1e-12;

/**
 * Asserts that `estimator` (per period, periodsPerYear = 1) matches the oracle's intensity and
 * matrix on every fixture case; `oracle` names the fixture's entry for this estimator.
 */
export function expectShrinkageOracle(
  estimator: ShrinkageEstimator,
  cases: readonly FixtureCase[],
  oracle: "ledoitWolf" | "oas" | "constantCorrelation"
): void {
  for (const c of cases) {
    const result = estimator(fixturePanel(c), 1);
    const expected = c[oracle];
    expect(Math.abs(result.shrinkage - expected.shrinkage)).toBeLessThan(
      SHRINKAGE_ORACLE_TOLERANCE
    );
    expect(relativeError(result.matrix.data, flat(expected.matrix))).toBeLessThan(
      SHRINKAGE_ORACLE_TOLERANCE
    );
  }
}

/** The hand-worked 3 × 2 panel of the covariance tests: columns [1, 2, 3] and [2, 4, 9]. */
export function handPanel(): ReturnsPanel {
  return panelOf([
    [1, 2],
    [2, 4],
    [3, 9],
  ]);
}

/** Asserts Σ̂(c·R) = c²·Σ̂(R) with the same intensity δ, both within `tolerance`. */
export function expectScaleEquivariant(
  estimator: ShrinkageEstimator,
  panel: ReturnsPanel,
  c: number,
  tolerance: number
): void {
  const base = estimator(panel, 1);
  const scaled = estimator(scalePanel(panel, c), 1);
  expect(Math.abs(scaled.shrinkage - base.shrinkage)).toBeLessThan(tolerance);
  expect(
    relativeError(
      scaled.matrix.data,
      base.matrix.data.map((v) => v * c * c)
    )
  ).toBeLessThan(tolerance);
}

/**
 * Asserts that reordering the assets reorders the matrix the same way (within `tolerance`) and,
 * when `sameShrinkage`, leaves δ unchanged too.
 */
export function expectOrderInvariant(
  estimator: ShrinkageEstimator,
  panel: ReturnsPanel,
  order: number[],
  tolerance: number,
  sameShrinkage = true
): void {
  const base = estimator(panel, 1);
  const permuted = estimator(permuteColumns(panel, order), 1);
  if (sameShrinkage) {
    expect(Math.abs(permuted.shrinkage - base.shrinkage)).toBeLessThan(tolerance);
  }
  expect(relativeError(permuted.matrix.data, permuteMatrix(base.matrix, order))).toBeLessThan(
    tolerance
  );
}

/**
 * Asserts, on generated panels, that the estimator returns exactly (1 − δ)·S + δ·μI with δ in [0, 1],
 * S the 1/n sample covariance and μ = tr(S)/p: the form shared by Ledoit–Wolf and OAS.
 */
export function expectShrinksTowardScaledIdentity(estimator: ShrinkageEstimator): void {
  fc.assert(
    fc.property(arbitraryPanel(), (panel) => {
      const { matrix, shrinkage } = estimator(panel, 1);
      expect(shrinkage).toBeGreaterThanOrEqual(0);
      expect(shrinkage).toBeLessThanOrEqual(1);
      const n = panel.rows;
      const p = panel.cols;
      const s = sampleCovariance(panel, 1).data.map((v) => (v * (n - 1)) / n);
      let trace = 0;
      for (let i = 0; i < p; i++) trace += s[i * p + i];
      const expected = s.map(
        (v, k) => (1 - shrinkage) * v + (k % (p + 1) === 0 ? shrinkage * (trace / p) : 0)
      );
      expect(relativeError(matrix.data, expected)).toBeLessThan(1e-13);
    }),
    { numRuns: 50 }
  );
}

/** Asserts that every generated panel gives an exactly symmetric, positive definite matrix. */
export function expectSymmetricPositiveDefinite(estimator: ShrinkageEstimator): void {
  fc.assert(
    fc.property(arbitraryPanel(), (panel) => {
      const { matrix } = estimator(panel, 1);
      expect(asymmetry(matrix)).toBe(0);
      expect(minEigenvalue(matrix)).toBeGreaterThan(0);
    }),
    { numRuns: 50 }
  );
}

/**
 * Asserts that `estimate` neither writes to a frozen panel of `rows` nor changes it. The default
 * rows have a gap (NaN), so the complete-case path is exercised too.
 */
export function expectInputUnchanged(
  estimate: (panel: ReturnsPanel) => unknown,
  rows: number[][] = [
    [1, 2],
    [NaN, 4],
    [3, 9],
    [4, 1],
  ]
): void {
  const panel = panelOf(rows);
  const before = copyPanel(panel);
  estimate(Object.freeze(panel));
  expect(panel).toEqual(before);
}
