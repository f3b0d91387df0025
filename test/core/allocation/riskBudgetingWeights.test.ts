import fc from "fast-check";
import { riskBudgetingWeights } from "../../../src/core/allocation/riskBudgetingWeights";
import {
  copyMatrix,
  covArbitrary,
  covFromCorrelation,
  covWithPerAsset,
  maxAbsDiff,
  permuteMatrix,
  readFixture,
  sampleCovariance,
  squareMatrix,
  sum,
} from "./testMatrices";
import type { SquareMatrix } from "../../../src/core/types";

interface Case {
  name: string;
  size: number;
  cov: number[];
  budgets: number[] | null;
  weights: number[];
}
const fixture = readFixture<{ header: { generator: string }; cases: Case[] }>(
  "allocation",
  "riskBudgetingWeights.json"
);

/** max_i |RC_i/b_i − m| / m with RC_i = w_i (Σw)_i. */
function spread(w: Float64Array, cov: SquareMatrix, budgets?: readonly number[]): number {
  const n = cov.size;
  const total = budgets ? sum(budgets) : n;
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov.data[i * n + j] * w[j];
    ratios.push((w[i] * s) / ((budgets ? budgets[i] : 1) / total));
  }
  const mean = sum(ratios) / n;
  return Math.max(...ratios.map((r) => Math.abs(r - mean))) / mean;
}

// Maillard, Roncalli & Teïletche (2010): σ = 10, 20, 30, 40 %, ρ12 = 0.8, ρ34 = −0.5, others 0.
const mrt = covFromCorrelation(
  [0.1, 0.2, 0.3, 0.4],
  [
    [1, 0.8, 0, 0],
    [0.8, 1, 0, 0],
    [0, 0, 1, -0.5],
    [0, 0, -0.5, 1],
  ]
);

describe("riskBudgetingWeights", () => {
  it("gives 1/σ weights for two uncorrelated assets (hand-worked)", () => {
    // Σ = diag(0.01, 0.04): ERC needs w1²·0.01 = w2²·0.04 → w1 = 2 w2 → w = (2/3, 1/3).
    const w = riskBudgetingWeights(squareMatrix([0.01, 0, 0, 0.04]));
    expect(w[0]).toBeCloseTo(2 / 3, 14);
    expect(w[1]).toBeCloseTo(1 / 3, 14);
  });

  it("honours budgets in a hand-worked uncorrelated case", () => {
    // Σ = diag(1, 1), b = (1, 3): w_i² = b_i·k → w ∝ (1, √3) → w1 = 1/(1+√3) ≈ 0.36603.
    const w = riskBudgetingWeights(squareMatrix([1, 0, 0, 1]), [1, 3]);
    expect(w[0]).toBeCloseTo(1 / (1 + Math.sqrt(3)), 13);
  });

  it("reproduces the Maillard–Roncalli–Teïletche (2010) four-asset ERC example", () => {
    // ERC of this matrix to one decimal: 38.4 %, 19.2 %, 24.3 %, 18.2 % (the first two are the
    // 38.4 % and 19.2 % quoted from the paper; see the fixture's source note about assets 3–4).
    const w = riskBudgetingWeights(mrt);
    expect(Array.from(w).map((x) => Math.round(x * 1000) / 10)).toEqual([38.4, 19.2, 24.3, 18.2]);
    expect(spread(w, mrt)).toBeLessThanOrEqual(1e-10);
  });

  it(`matches a numpy Newton solve of Spinu's problem (${fixture.header.generator})`, () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(8);
    for (const c of fixture.cases) {
      const cov = squareMatrix(c.cov);
      const w = riskBudgetingWeights(cov, c.budgets ?? undefined);
      expect(maxAbsDiff(w, c.weights)).toBeLessThan(1e-9);
      expect(spread(w, cov, c.budgets ?? undefined)).toBeLessThanOrEqual(1e-10);
    }
  });

  it("has positive weights summing to 1 and equal risk contributions (property)", () => {
    fc.assert(
      fc.property(covArbitrary(2, 8), (cov) => {
        const w = riskBudgetingWeights(cov);
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
        for (const x of w) expect(x).toBeGreaterThan(0);
        expect(spread(w, cov)).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 60 }
    );
  });

  it("respects arbitrary positive budgets (property)", () => {
    fc.assert(
      fc.property(covWithPerAsset(2, 6, 0.01, 10), ([cov, budgets]) => {
        const w = riskBudgetingWeights(cov, budgets);
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
        expect(spread(w, cov, budgets)).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 60 }
    );
  });

  it("is invariant to the order of the assets (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(2, 7).chain((cov) =>
          fc.tuple(
            fc.constant(cov),
            fc.shuffledSubarray(
              Array.from({ length: cov.size }, (_, i) => i),
              { minLength: cov.size, maxLength: cov.size }
            )
          )
        ),
        ([cov, perm]) => {
          const w = riskBudgetingWeights(cov);
          const permuted = riskBudgetingWeights(permuteMatrix(cov, perm));
          for (let i = 0; i < cov.size; i++) expect(permuted[i]).toBeCloseTo(w[perm[i]], 10);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("converges on a singular sample covariance (fewer rows than assets)", () => {
    // 12 assets, 9 rows of pseudo-random returns: rank 8, PSD. An LP (scipy linprog) finds no
    // x ≥ 1 with Xx = 0, so no long-only mix is riskless and the ERC portfolio exists.
    const n = 12;
    const noise = (t: number, j: number) => {
      const x = Math.sin(t * 12.9898 + j * 78.233) * 43758.5453;
      return (x - Math.floor(x) - 0.5) * (0.02 + j / 500);
    };
    const rows = Array.from({ length: 9 }, (_, t) =>
      Array.from({ length: n }, (_, j) => noise(t, j))
    );
    const cov = sampleCovariance(rows);
    const w = riskBudgetingWeights(cov);
    expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
    expect(spread(w, cov)).toBeLessThanOrEqual(1e-10);
  });

  it("reports NOT_CONVERGED rather than weights when 6 rows of 12 assets allow a riskless long-only mix", () => {
    // Same generator, 6 rows: the LP finds x ≥ 1 with Xx = 0, so Spinu's problem is unbounded.
    const n = 12;
    const noise = (t: number, j: number) => {
      const x = Math.sin(t * 12.9898 + j * 78.233) * 43758.5453;
      return (x - Math.floor(x) - 0.5) * (0.02 + j / 500);
    };
    const rows = Array.from({ length: 6 }, (_, t) =>
      Array.from({ length: n }, (_, j) => noise(t, j))
    );
    expect(() =>
      riskBudgetingWeights(sampleCovariance(rows), undefined, { maxSweeps: 2000 })
    ).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
  });

  it("treats null budgets and options (Excel's omitted arguments) as omitted", () => {
    expect(riskBudgetingWeights(mrt, null, null)).toEqual(riskBudgetingWeights(mrt));
  });

  it("does not depend on the scale of cov", () => {
    const scaled = squareMatrix(Array.from(mrt.data, (v) => v * 365));
    expect(maxAbsDiff(riskBudgetingWeights(scaled), riskBudgetingWeights(mrt))).toBeLessThan(1e-13);
  });

  it("leaves its inputs unchanged", () => {
    const cov = copyMatrix(mrt);
    const budgets = Object.freeze([1, 2, 3, 4]);
    riskBudgetingWeights(cov, budgets);
    expect(cov).toEqual(mrt);
    expect(budgets).toEqual([1, 2, 3, 4]);
  });

  describe("preconditions", () => {
    it("rejects a single asset (TOO_FEW_POINTS)", () => {
      expect(() => riskBudgetingWeights(squareMatrix([0.04]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects a zero-variance asset, naming it (ZERO_VARIANCE)", () => {
      const cov = squareMatrix([0.04, 0, 0, 0], ["BTC", "USDT"]);
      expect(() => riskBudgetingWeights(cov)).toThrow(
        expect.objectContaining({
          code: "ZERO_VARIANCE",
          label: "USDT",
          message: "cov: column 2 (USDT) has zero variance; remove it or use a longer window",
        })
      );
    });
    it("rejects NaN in cov (NON_FINITE)", () => {
      expect(() => riskBudgetingWeights(squareMatrix([0.04, NaN, NaN, 0.01]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 0, column: 1 })
      );
    });
    it("rejects a matrix that is not positive semidefinite (SINGULAR_MATRIX)", () => {
      // Correlations 0.9, 0.9, −0.9: eigenvalue 1 − 0.9 − 0.9 − … < 0.
      const cov = squareMatrix([1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]);
      expect(() => riskBudgetingWeights(cov)).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
    it("rejects an asymmetric matrix (INVALID_ARGUMENT)", () => {
      expect(() => riskBudgetingWeights(squareMatrix([1, 0.5, 0.2, 1]))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects data that is not size² long (INVALID_ARGUMENT)", () => {
      const cov = { size: 2, data: Float64Array.of(1, 0, 0), labels: ["A", "B"] };
      expect(() => riskBudgetingWeights(cov)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects a zero or negative budget (INVALID_ARGUMENT)", () => {
      expect(() => riskBudgetingWeights(mrt, [1, 0, 1, 1])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "budgets", row: 1 })
      );
      expect(() => riskBudgetingWeights(mrt, [1, 1, -2, 1])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "budgets", row: 2 })
      );
    });
    it("rejects a NaN budget (NON_FINITE)", () => {
      expect(() => riskBudgetingWeights(mrt, [1, NaN, 1, 1])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "budgets" })
      );
    });
    it("rejects budgets of the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => riskBudgetingWeights(mrt, [1, 1, 1])).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("reports NOT_CONVERGED when a long-only mix is riskless (ρ = −1)", () => {
      // x = (1, 1) has zero variance: Spinu's objective is unbounded below, no ERC portfolio exists.
      expect(() => riskBudgetingWeights(squareMatrix([1, -1, -1, 1]))).toThrow(
        expect.objectContaining({ code: "NOT_CONVERGED" })
      );
    });
    it("reports NOT_CONVERGED when the sweep budget is too small", () => {
      expect(() => riskBudgetingWeights(mrt, undefined, { maxSweeps: 1 })).toThrow(
        expect.objectContaining({ code: "NOT_CONVERGED" })
      );
    });
  });
});
