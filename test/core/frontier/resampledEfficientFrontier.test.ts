import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { efficientFrontier } from "../../../src/core/frontier/efficientFrontier";
import { resampledEfficientFrontier } from "../../../src/core/frontier/resampledEfficientFrontier";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import { meanReturns } from "../../../src/core/returns/meanReturns";
import { seededRandom } from "../../../src/core/stats/seededRandom";
import type { PortfolioGroup } from "../../../src/core/optimize/types";
import type { ReturnsPanel } from "../../../src/core/types";

interface InputCase {
  name: string;
  returns: number[][];
  resamples: number;
  points: number;
  seed: number;
  riskFree: number;
  periodsPerYear: number;
  upper?: number;
  groups?: PortfolioGroup[];
}
interface OraclePoint {
  weights: number[];
  expectedReturn: number;
  volatility: number;
  sharpe: number;
}
interface OracleCase {
  name: string;
  points: OraclePoint[];
  maximumSharpe: OraclePoint | null;
  maximumSharpeResamples: number;
}

const dir = path.join(__dirname, "../../fixtures/frontier");
const input: { cases: InputCase[] } = JSON.parse(
  fs.readFileSync(path.join(dir, "resampledInput.json"), "utf8")
);
const oracle: { header: Record<string, string>; cases: OracleCase[] } = JSON.parse(
  fs.readFileSync(path.join(dir, "resampled.json"), "utf8")
);

function panelOf(rows: number[][]): ReturnsPanel {
  const T = rows.length;
  const n = rows[0].length;
  const data = new Float64Array(T * n);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) data[j * T + t] = rows[t][j];
  return { kind: "returns", rows: T, cols: n, data, labels: rows[0].map((_, j) => `A${j + 1}`) };
}

/** A seeded random panel: a common factor plus noise, drifts rising with the column. */
function randomPanel(seed: number, rows: number, cols: number): ReturnsPanel {
  const next = seededRandom(seed);
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < rows; t++) {
    const market = (next() - 0.5) * 0.04;
    for (let j = 0; j < cols; j++) {
      data[j * rows + t] = 0.001 * (j + 1) + market + (next() - 0.5) * (0.03 + 0.01 * j);
    }
  }
  return {
    kind: "returns",
    rows,
    cols,
    data,
    labels: Array.from({ length: cols }, (_, j) => `A${j + 1}`),
  };
}

describe("resampledEfficientFrontier", () => {
  it(`matches scipy on the same bootstrap resamples (${oracle.cases.length} cases)`, () => {
    expect(oracle.header.script).toBe("scripts/fixtures/resampled.py");
    for (const [k, c] of input.cases.entries()) {
      const expected = oracle.cases[k];
      expect(expected.name).toBe(c.name);
      const result = resampledEfficientFrontier(panelOf(c.returns), {
        points: c.points,
        resamples: c.resamples,
        seed: c.seed,
        riskFree: c.riskFree,
        periodsPerYear: c.periodsPerYear,
        constraints: { upper: c.upper, groups: c.groups },
      });
      expect(result.points).toHaveLength(c.points);
      expect(result.rowsUsed).toBe(c.returns.length);
      result.points.forEach((p, r) => {
        const e = expected.points[r];
        p.weights.forEach((w, i) => expect(Math.abs(w - e.weights[i])).toBeLessThan(1e-6));
        expect(p.expectedReturn).toBeCloseTo(e.expectedReturn, 7);
        expect(p.volatility).toBeCloseTo(e.volatility, 7);
        expect(p.sharpe).toBeCloseTo(e.sharpe, 6);
      });
      expect(result.maximumSharpeResamples).toBe(expected.maximumSharpeResamples);
      const best = result.maximumSharpe;
      expect(best).toBeDefined();
      best!.weights.forEach((w, i) =>
        expect(Math.abs(w - expected.maximumSharpe!.weights[i])).toBeLessThan(1e-5)
      );
      expect(best!.sharpe).toBeCloseTo(expected.maximumSharpe!.sharpe, 6);
    }
  });

  it("averages to (0.5, 0.5) when caps of 0.5 pin every resample's portfolio (hand-worked)", () => {
    // Two assets, each at most 0.5, weights summing to 1: the only feasible portfolio is (0.5, 0.5),
    // so every rank of every resample is it, and so is every average.
    const panel = randomPanel(5, 30, 2);
    const result = resampledEfficientFrontier(panel, {
      points: 3,
      resamples: 5,
      constraints: { upper: 0.5 },
    });
    for (const p of result.points) {
      expect(p.weights[0]).toBeCloseTo(0.5, 12);
      expect(p.weights[1]).toBeCloseTo(0.5, 12);
    }
    // Described on the original sample: μᵀw and √(wᵀΣw) of (0.5, 0.5), by hand from the estimates.
    const mu = meanReturns(panel, 365);
    const cov = sampleCovariance(panel, 365).data;
    expect(result.points[0].expectedReturn).toBeCloseTo(0.5 * mu[0] + 0.5 * mu[1], 12);
    expect(result.points[0].volatility).toBeCloseTo(
      Math.sqrt(0.25 * cov[0] + 0.5 * cov[1] + 0.25 * cov[3]),
      12
    );
  });

  it("gives the same numbers for the same seed, and different ones for another seed", () => {
    const panel = randomPanel(1, 80, 4);
    const a = resampledEfficientFrontier(panel, { points: 4, resamples: 6, seed: 3 });
    const b = resampledEfficientFrontier(panel, { points: 4, resamples: 6, seed: 3 });
    const c = resampledEfficientFrontier(panel, { points: 4, resamples: 6, seed: 4 });
    expect(a.points.map((p) => Array.from(p.weights))).toEqual(
      b.points.map((p) => Array.from(p.weights))
    );
    expect(a.maximumSharpe!.weights).toEqual(b.maximumSharpe!.weights);
    expect(c.points[0].weights).not.toEqual(a.points[0].weights);
  });

  it("keeps sums, bounds and group caps, and lies on or below the sample frontier (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 3, max: 6 }),
        fc.boolean(),
        (seed, n, grouped) => {
          const panel = randomPanel(seed, 40 + 5 * n, n);
          const upper = 0.6;
          const groups: PortfolioGroup[] = grouped
            ? [{ name: "G", members: [0, 1], max: 0.5 }]
            : [];
          const result = resampledEfficientFrontier(panel, {
            points: 4,
            resamples: 4,
            seed,
            constraints: { upper, groups: grouped ? groups : undefined },
          });
          const sample = efficientFrontier(meanReturns(panel, 365), sampleCovariance(panel, 365), {
            upper,
            points: 2,
          });
          for (const p of result.points) {
            let sum = 0;
            for (const w of p.weights) {
              expect(w).toBeGreaterThanOrEqual(-1e-12);
              expect(w).toBeLessThanOrEqual(upper + 1e-12);
              sum += w;
            }
            expect(sum).toBeCloseTo(1, 12);
            if (grouped) expect(p.weights[0] + p.weights[1]).toBeLessThanOrEqual(0.5 + 1e-9);
            // No long-only portfolio under the caps has less variance than the sample's minimum.
            expect(p.volatility).toBeGreaterThanOrEqual(sample[0].volatility - 1e-12);
          }
        }
      ),
      { numRuns: 15 }
    );
  });

  it("skips the max-Sharpe average when asked, with the same frontier", () => {
    const panel = randomPanel(6, 60, 4);
    const full = resampledEfficientFrontier(panel, { points: 3, resamples: 4 });
    const lean = resampledEfficientFrontier(panel, {
      points: 3,
      resamples: 4,
      maximumSharpe: false,
    });
    expect(lean.maximumSharpe).toBeUndefined();
    expect(lean.maximumSharpeResamples).toBe(0);
    expect(lean.points.map((p) => Array.from(p.weights))).toEqual(
      full.points.map((p) => Array.from(p.weights))
    );
  });

  it("uses only the complete rows and leaves the input untouched", () => {
    const panel = randomPanel(2, 50, 3);
    const data = Float64Array.from(panel.data);
    data[0] = Number.NaN; // asset 1, row 0 missing: 49 complete rows
    const frozen = { ...panel, data };
    const copy = Float64Array.from(data);
    const result = resampledEfficientFrontier(frozen, { points: 2, resamples: 2 });
    expect(result.rowsUsed).toBe(49);
    expect(Array.from(data)).toEqual(Array.from(copy));
  });

  it("refuses bad counts, ewma, too few rows and work beyond the budget", () => {
    const panel = randomPanel(3, 30, 3);
    const fails = (
      options: Parameters<typeof resampledEfficientFrontier>[1],
      argument: string,
      text: RegExp
    ) => {
      expect(() => resampledEfficientFrontier(panel, options)).toThrow(text);
      expect(() => resampledEfficientFrontier(panel, options)).toThrow(
        expect.objectContaining({ argument })
      );
    };
    fails({ points: 4, resamples: 1 }, "resamples", /from 2 to 10,000/);
    fails({ points: 4, resamples: 10001 }, "resamples", /from 2 to 10,000/);
    fails({ points: 1, resamples: 10 }, "points", /from 2 to 1000/);
    fails({ points: 4, resamples: 10, seed: -1 }, "seed", /seed/);
    fails(
      { points: 4, resamples: 10, covariance: { estimator: "EWMA" } },
      "estimator",
      /ewma.*shuffles/
    );
    expect(() =>
      resampledEfficientFrontier(randomPanel(3, 3, 3), { points: 4, resamples: 10 })
    ).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
    const big = randomPanel(4, 2000, 60);
    expect(() => resampledEfficientFrontier(big, { points: 20, resamples: 10000 })).toThrow(
      /would take about \d+ s; use at most \d+ resamples/
    );
  });

  it("names the resample whose estimate fails", () => {
    // 4 rows for 3 assets: some resample repeats rows and leaves a singular or constant sample.
    const panel = panelOf([
      [0.01, 0.02, 0.03],
      [0.02, -0.01, 0.0],
      [-0.01, 0.03, 0.01],
      [0.0, 0.0, 0.02],
    ]);
    expect(() => resampledEfficientFrontier(panel, { points: 3, resamples: 200, seed: 1 })).toThrow(
      /^resample \d+ of 200 \(seed 1\): /
    );
  });
});
