import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { ReturnsPanel, SquareMatrix } from "../../../src/core/types";

/** Reads test/fixtures/correlation/<name> (written by scripts/fixtures/correlation.py); null → NaN. */
export function loadFixture<T = any>(name: string): T {
  const file = path.resolve(__dirname, "..", "..", "fixtures", "correlation", name);
  return JSON.parse(fs.readFileSync(file, "utf8"), (_key, value) =>
    value === null ? NaN : value
  ) as T;
}

/** A returns panel from row-major values (rows = dates), NaN = missing. */
export function panelOf(rows: readonly (readonly number[])[], labels?: string[]): ReturnsPanel {
  const n = rows.length;
  const cols = n === 0 ? 0 : rows[0].length;
  const data = new Float64Array(n * cols);
  for (let t = 0; t < n; t++) for (let j = 0; j < cols; j++) data[j * n + t] = rows[t][j];
  return {
    kind: "returns",
    rows: n,
    cols,
    data,
    labels: labels ?? Array.from({ length: cols }, (_, j) => `A${j + 1}`),
  };
}

/** A square matrix from nested rows. */
export function matrixOf(rows: readonly (readonly number[])[], labels?: string[]): SquareMatrix {
  const size = rows.length;
  return {
    size,
    data: Float64Array.from(rows.flat()),
    labels: labels ?? Array.from({ length: size }, (_, j) => `A${j + 1}`),
  };
}

/** Entry (i, j) of a row-major square matrix. */
export function at(m: SquareMatrix, i: number, j: number): number {
  return m.data[i * m.size + j];
}

/** Asserts |actual − expected| ≤ tol entrywise, with NaN matching NaN only. */
export function expectMatrixClose(
  actual: SquareMatrix,
  expected: readonly (readonly number[])[],
  tol: number
): void {
  expect(actual.size).toBe(expected.length);
  for (let i = 0; i < actual.size; i++) {
    for (let j = 0; j < actual.size; j++) {
      const e = expected[i][j];
      const a = at(actual, i, j);
      if (Number.isNaN(e)) expect(a).toBeNaN();
      else if (Math.abs(a - e) > tol)
        throw new Error(`(${i}, ${j}): got ${a}, expected ${e} ± ${tol}`);
    }
  }
}

/** Asserts two series agree within tol, NaN where the other is NaN. */
export function expectSeriesClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number
): void {
  expect(actual.length).toBe(expected.length);
  for (let t = 0; t < expected.length; t++) {
    const e = expected[t];
    const a = actual[t];
    if (Number.isNaN(e)) {
      if (!Number.isNaN(a)) throw new Error(`row ${t}: got ${a}, expected NaN`);
    } else if (!(Math.abs(a - e) <= tol)) {
      throw new Error(`row ${t}: got ${a}, expected ${e} ± ${tol}`);
    }
  }
}

/** Pairwise-complete Pearson by the textbook two-pass formula (an independent reference). */
export function directPearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < x.length; t++) {
    if (!Number.isNaN(x[t]) && !Number.isNaN(y[t])) {
      xs.push(x[t]);
      ys.push(y[t]);
    }
  }
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
    syy += (ys[k] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Column j of a panel as a fresh array. */
export function columnOf(panel: ReturnsPanel, j: number): Float64Array {
  return panel.data.slice(j * panel.rows, (j + 1) * panel.rows);
}

/**
 * Random panels of returns with leading blanks (late listings), one shared listing date for some
 * columns, and distinct values (so no accidental zero variance).
 */
export function arbitraryPanel(
  maxCols = 6,
  maxRows = 40
): fc.Arbitrary<{ panel: ReturnsPanel; rows: number[][] }> {
  return fc
    .record({
      cols: fc.integer({ min: 2, max: maxCols }),
      rows: fc.integer({ min: 12, max: maxRows }),
      seed: fc.integer(),
      leads: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: maxCols, maxLength: maxCols }),
    })
    .map(({ cols, rows, seed, leads }) => {
      let s = seed >>> 0 || 1;
      const next = () => {
        s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5;
        s >>>= 0;
        return s / 4294967296 - 0.5;
      };
      const values: number[][] = [];
      for (let t = 0; t < rows; t++) {
        const market = next();
        const row: number[] = [];
        for (let j = 0; j < cols; j++) row.push(t < leads[j] ? NaN : 0.5 * market + next());
        values.push(row);
      }
      return { panel: panelOf(values), rows: values };
    });
}

/** A copy of a panel (for checking that inputs are unchanged). */
export function snapshot(panel: ReturnsPanel): number[] {
  return Array.from(panel.data);
}

/** Smallest eigenvalue of a small symmetric matrix by Jacobi rotations (independent of ml-matrix). */
export function minEigenvalue(m: SquareMatrix): number {
  const n = m.size;
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => at(m, i, j)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Math.min(...a.map((row, i) => row[i]));
}
