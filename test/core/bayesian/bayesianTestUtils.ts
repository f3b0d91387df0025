import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { BlackLittermanViews } from "../../../src/core/bayesian/types";
import type { SquareMatrix } from "../../../src/core/types";

/** Test helpers shared by the Black–Litterman tests (not a test file itself). */

export function matrix(data: ArrayLike<number>, labels?: readonly string[]): SquareMatrix {
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
    fs.readFileSync(path.join(__dirname, "../../fixtures/bayesian", `${name}.json`), "utf8")
  );
}

/** What scripts/fixtures/bayesian.py writes per uncertainty method. */
export interface MethodAnswer {
  form: "textbook" | "woodbury";
  omega: (number | null)[];
  mu: number[];
  cov: number[];
  weightsPosterior: number[];
  weightsPrior: number[];
}

/** One problem of random.json, stocks.json or crypto.json. */
export interface ProblemCase {
  labels: string[];
  cov: number[];
  marketCaps: number[];
  riskAversion: number;
  riskFree?: number;
  tau: number;
  views: (string | number)[][];
  prior: number[];
  P?: number[];
  Q?: number[];
  confidences?: number[];
  prices?: number[][];
  helitterman: MethodAnswer;
  idzorek?: MethodAnswer;
}

/** Views built directly from (asset, over, q, confidence) index tuples. */
export function makeViews(
  n: number,
  list: readonly { asset: number; over?: number; q: number; confidence?: number }[]
): BlackLittermanViews {
  const P = new Float64Array(list.length * n);
  list.forEach((v, k) => {
    P[k * n + v.asset] = 1;
    if (v.over !== undefined) P[k * n + v.over] = -1;
  });
  const withConfidence = list.every((v) => v.confidence !== undefined);
  return {
    count: list.length,
    assets: n,
    P,
    Q: Float64Array.from(list.map((v) => v.q)),
    confidences: withConfidence
      ? Float64Array.from(list.map((v) => v.confidence as number))
      : undefined,
    names: list.map((v) =>
      v.over === undefined ? `A${v.asset + 1}` : `A${v.asset + 1} over A${v.over + 1}`
    ),
    rows: list.map((_, k) => k),
  };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

export function maxAbs(a: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]));
  return worst;
}

/** Smallest eigenvalue of a small symmetric matrix by Jacobi rotations (an oracle independent of ml-matrix). */
export function smallestEigenvalue(data: ArrayLike<number>, n: number): number {
  const a = Array.from(data);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  let smallest = Infinity;
  for (let i = 0; i < n; i++) smallest = Math.min(smallest, a[i * n + i]);
  return smallest;
}

/** A random well-conditioned covariance Σ = FFᵀ + diag(d), with a prior and up to n − 1 distinct views. */
export const problemArbitrary = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      factors: fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
        minLength: 2 * n,
        maxLength: 2 * n,
      }),
      diagonal: fc.array(fc.double({ min: 0.01, max: 0.5, noNaN: true }), {
        minLength: n,
        maxLength: n,
      }),
      prior: fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), {
        minLength: n,
        maxLength: n,
      }),
      views: fc.uniqueArray(
        fc.record({
          asset: fc.integer({ min: 0, max: n - 1 }),
          over: fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: undefined }),
          q: fc.double({ min: -1, max: 1, noNaN: true }),
          confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        {
          maxLength: n - 1,
          // One view per asset or pair, and never an asset over itself: P has full row rank then
          // only if the pairs do not close a cycle, which the test filters below.
          selector: (v) =>
            v.over === undefined
              ? `${v.asset}`
              : `${Math.min(v.asset, v.over)}-${Math.max(v.asset, v.over)}`,
        }
      ),
      tau: fc.double({ min: 0.01, max: 1, noNaN: true }),
    })
  )
  .map((p) => {
    const n = p.n;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = i === j ? p.diagonal[i] : 0;
        for (let f = 0; f < 2; f++) sum += p.factors[i * 2 + f] * p.factors[j * 2 + f];
        data[i * n + j] = sum;
      }
    }
    const list = p.views.filter((v) => v.over !== v.asset);
    return { n, cov: matrix(data), prior: p.prior, list, tau: p.tau };
  });

/** Rank of P (K × N) by Gaussian elimination with partial pivoting. */
export function rank(P: ArrayLike<number>, k: number, n: number): number {
  const a = Array.from(P);
  let r = 0;
  for (let c = 0; c < n && r < k; c++) {
    let best = r;
    for (let i = r + 1; i < k; i++)
      if (Math.abs(a[i * n + c]) > Math.abs(a[best * n + c])) best = i;
    if (Math.abs(a[best * n + c]) < 1e-9) continue;
    for (let j = 0; j < n; j++) [a[r * n + j], a[best * n + j]] = [a[best * n + j], a[r * n + j]];
    for (let i = r + 1; i < k; i++) {
      const f = a[i * n + c] / a[r * n + c];
      for (let j = 0; j < n; j++) a[i * n + j] -= f * a[r * n + j];
    }
    r++;
  }
  return r;
}
