import fc from "fast-check";
import { Matrix, solve } from "ml-matrix";
import { nestedClusteredOptimisation } from "../../../src/core/allocation/nestedClusteredOptimisation";
import { correlationDistance } from "../../../src/core/clustering/correlationDistance";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  blockDiagonal,
  fixtureCov,
  hierarchicalFixture,
  REAL,
  realCovFromCsv,
} from "./hierarchicalFixture";
import {
  copyMatrix,
  covArbitrary,
  maxAbsDiff,
  permuteMatrix,
  squareMatrix,
  sum,
} from "./testMatrices";
import type { SquareMatrix } from "../../../src/core/types";

// Two pairs: {0, 1} with σ = 1, ρ = 0.8 and {2, 3} with σ = 2, ρ = 0.6; no correlation across.
const pairs = squareMatrix([1, 0.8, 0, 0, 0.8, 1, 0, 0, 0, 0, 4, 2.4, 0, 0, 2.4, 4]);
// Pair A: σ² = 1, 4, ρ = 0.9 (cov 1.8), whose minimum-variance portfolio is short asset 2;
// pair B: σ² = 1, 1, ρ = 0.5; no correlation across.
const shortPair = squareMatrix([1, 1.8, 0, 0, 1.8, 4, 0, 0, 0, 0, 1, 0.5, 0, 0, 0.5, 1]);

/** Σ⁻¹b / 1ᵀΣ⁻¹b by ml-matrix's LU solve (independent of the Cholesky code under test). */
function closedForm(cov: SquareMatrix, b: readonly number[]): number[] {
  const x = solve(
    new Matrix(
      Array.from({ length: cov.size }, (_, i) =>
        Array.from(cov.data.subarray(i * cov.size, (i + 1) * cov.size))
      )
    ),
    Matrix.columnVector([...b])
  ).to1DArray();
  const total = x.reduce((a, v) => a + v, 0);
  return x.map((v) => v / total);
}

const distinctDistances = (cov: SquareMatrix): boolean => {
  const d = Array.from(correlationDistance(cov)).sort((x, y) => x - y);
  return d.every((x, i) => i === 0 || x - d[i - 1] > 1e-9);
};

/** Blocks of equicorrelated assets (ρ ≥ 0.3 inside, 0 across), so single linkage cut at the block count recovers them. */
const blockCovArbitrary = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.double({ min: 0.3, max: 0.9, noNaN: true }),
      fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 })
    ),
    { minLength: 2, maxLength: 4 }
  )
  .map((blocks) => ({
    sizes: blocks.map(([m]) => m),
    cov: blockDiagonal(
      blocks.map(([m, rho, vols]) => {
        const b: number[] = [];
        for (let i = 0; i < m; i++)
          for (let j = 0; j < m; j++) b.push(vols[i] * vols[j] * (i === j ? 1 : rho));
        return b;
      })
    ),
  }));

describe("nestedClusteredOptimisation", () => {
  it("takes the minimum variance inside and across two clusters of two assets (hand-worked)", () => {
    // Each pair has equal variances, so its minimum-variance portfolio is (½, ½): variances 0.9 and 3.2.
    // Σ' = diag(0.9, 3.2) → v = (3.2, 0.9)/4.1 → w = (1.6, 1.6, 0.45, 0.45)/4.1 (long-only the same).
    const expected = [1.6 / 4.1, 1.6 / 4.1, 0.45 / 4.1, 0.45 / 4.1];
    for (const longOnly of [false, true]) {
      const result = nestedClusteredOptimisation(pairs, { clusters: 2, longOnly });
      expect(Array.from(result.clusters)).toEqual([0, 0, 1, 1]);
      expect(maxAbsDiff(result.interWeights, [3.2 / 4.1, 0.9 / 4.1])).toBeLessThan(1e-15);
      expect(maxAbsDiff(result.weights, expected)).toBeLessThan(1e-15);
    }
  });

  it("goes short inside a cluster only when asked (hand-worked)", () => {
    // Pair A long-short: Σ_A⁻¹1 ∝ (4 − 1.8, 1 − 1.8) = (2.2, −0.8) → (11/7, −4/7), variance
    // det/1ᵀadj·1 = 0.76/1.4. Long-only: (1, 0), variance 1 (Σw = (1, 1.8) ≥ λ = 1 off the support).
    // Pair B: (½, ½), variance ¼(2 + 1) = 0.75. Σ' is diagonal, so v ∝ 1/variance.
    const ls = nestedClusteredOptimisation(shortPair, { clusters: 2, longOnly: false });
    const va = 0.76 / 1.4;
    const vA = 0.75 / (va + 0.75);
    expect(
      maxAbsDiff(ls.weights, [(11 / 7) * vA, (-4 / 7) * vA, (1 - vA) / 2, (1 - vA) / 2])
    ).toBeLessThan(1e-14);
    const lo = nestedClusteredOptimisation(shortPair, { clusters: 2, longOnly: true });
    expect(maxAbsDiff(lo.weights, [3 / 7, 0, 2 / 7, 2 / 7])).toBeLessThan(1e-12);
  });

  it(`matches the numpy NCO, long-short and long-only, for every linkage (${hierarchicalFixture.header.generator})`, () => {
    const cases = hierarchicalFixture.nco.filter((c) => c.matrix !== REAL);
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      const result = nestedClusteredOptimisation(fixtureCov(c.matrix), {
        linkage: c.method,
        objective: c.objective,
        expectedReturns:
          c.objective === "maxsharpe"
            ? hierarchicalFixture.matrices[c.matrix].expectedReturns
            : null,
        longOnly: c.longOnly,
      });
      expect(result.clusterCount).toBe(c.k);
      expect(Array.from(result.clusters)).toEqual(c.labels);
      // Long-short: two exact solves (Cholesky vs numpy inv), κ(Σ) ≲ 1e4; long-only: the active-set QP.
      const tolerance = c.longOnly ? 1e-9 : 1e-10;
      expect(maxAbsDiff(result.interWeights, c.interWeights)).toBeLessThan(tolerance);
      expect(maxAbsDiff(result.weights, c.weights)).toBeLessThan(tolerance);
    }
  });

  it("equals the global closed form Σ⁻¹1/1ᵀΣ⁻¹1 on a block-diagonal covariance (property)", () => {
    fc.assert(
      fc.property(blockCovArbitrary, ({ sizes, cov }) => {
        const result = nestedClusteredOptimisation(cov, {
          linkage: "single",
          clusters: sizes.length,
          longOnly: false,
        });
        // The cut recovers the blocks, numbered in order.
        expect(Array.from(result.clusters)).toEqual(sizes.flatMap((m, b) => Array(m).fill(b)));
        const expected = closedForm(cov, Array(cov.size).fill(1));
        expect(maxAbsDiff(result.weights, expected)).toBeLessThan(1e-10);
      }),
      { numRuns: 80 }
    );
  });

  it("equals the global tangency Σ⁻¹μ/1ᵀΣ⁻¹μ on a block-diagonal covariance (property)", () => {
    fc.assert(
      fc.property(
        blockCovArbitrary.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.array(fc.double({ min: 0.01, max: 0.5, noNaN: true }), {
              minLength: b.cov.size,
              maxLength: b.cov.size,
            })
          )
        ),
        ([{ sizes, cov }, mu]) => {
          // Positive μ can still give 1ᵀΣ_C⁻¹μ ≤ 0 in a block: no tangency there, so such draws are skipped.
          const expected = closedForm(cov, mu);
          const n = sizes.length;
          let offset = 0;
          for (let b = 0; b < n; b++) {
            const sub = squareMatrix(
              Array.from(
                { length: sizes[b] ** 2 },
                (_, p) =>
                  cov.data[(offset + Math.floor(p / sizes[b])) * cov.size + offset + (p % sizes[b])]
              )
            );
            const x = solve(
              new Matrix(
                Array.from({ length: sizes[b] }, (_, i) =>
                  Array.from(sub.data.subarray(i * sizes[b], (i + 1) * sizes[b]))
                )
              ),
              Matrix.columnVector(mu.slice(offset, offset + sizes[b]))
            ).to1DArray();
            fc.pre(x.reduce((a, v) => a + v, 0) > 1e-6);
            offset += sizes[b];
          }
          const result = nestedClusteredOptimisation(cov, {
            linkage: "single",
            clusters: n,
            longOnly: false,
            objective: "maxsharpe",
            expectedReturns: mu,
          });
          expect(maxAbsDiff(result.weights, expected)).toBeLessThan(1e-9);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("sums to 1, long-only weights ≥ 0, and w = intra · inter (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(2, 12),
        fc.constantFrom("single", "average", "complete", "ward"),
        fc.boolean(),
        fc.constantFrom("silhouette", "gap"),
        (cov, method, longOnly, clusters) => {
          const r = nestedClusteredOptimisation(cov, { linkage: method, longOnly, clusters });
          expect(Math.abs(sum(r.weights) - 1)).toBeLessThan(1e-10);
          expect(Math.abs(sum(r.interWeights) - 1)).toBeLessThan(1e-10);
          if (longOnly) for (const w of r.weights) expect(w).toBeGreaterThanOrEqual(0);
          for (let i = 0; i < cov.size; i++) {
            expect(r.weights[i]).toBeCloseTo(r.intraWeights[i] * r.interWeights[r.clusters[i]], 14);
          }
        }
      ),
      { numRuns: 80 }
    );
  });

  it("permutes its weights when the assets are permuted, without tied distances (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(2, 10).chain((cov) =>
          fc.tuple(
            fc.constant(cov),
            fc.shuffledSubarray(
              Array.from({ length: cov.size }, (_, i) => i),
              { minLength: cov.size, maxLength: cov.size }
            ),
            fc.boolean()
          )
        ),
        ([cov, perm, longOnly]) => {
          fc.pre(distinctDistances(cov));
          const a = nestedClusteredOptimisation(cov, { longOnly }).weights;
          const b = nestedClusteredOptimisation(permuteMatrix(cov, perm), { longOnly }).weights;
          expect(
            maxAbsDiff(
              b,
              perm.map((p) => a[p])
            )
          ).toBeLessThan(1e-9);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("is the plain minimum-variance portfolio with one cluster (property)", () => {
    fc.assert(
      fc.property(covArbitrary(2, 8), (cov) => {
        const w = nestedClusteredOptimisation(cov, { clusters: 1, longOnly: false }).weights;
        expect(maxAbsDiff(w, closedForm(cov, Array(cov.size).fill(1)))).toBeLessThan(1e-10);
      }),
      { numRuns: 50 }
    );
  });

  it("treats null options as the defaults (minvariance, long-short, ward, silhouette)", () => {
    expect(nestedClusteredOptimisation(pairs, null)).toEqual(
      nestedClusteredOptimisation(pairs, {
        objective: "minvariance",
        longOnly: false,
        linkage: "ward",
        clusters: "silhouette",
      })
    );
    expect(
      nestedClusteredOptimisation(pairs, { objective: null, longOnly: null, riskFree: null })
    ).toEqual(nestedClusteredOptimisation(pairs));
  });

  it("leaves its inputs unchanged", () => {
    const copy = copyMatrix(pairs);
    const mu = Object.freeze([0.1, 0.2, 0.15, 0.3]);
    nestedClusteredOptimisation(pairs, {
      objective: "maxsharpe",
      expectedReturns: mu,
      longOnly: false,
    });
    expect(pairs).toEqual(copy);
    expect(mu).toEqual([0.1, 0.2, 0.15, 0.3]);
  });

  describe("preconditions", () => {
    it("rejects an unknown objective (INVALID_ARGUMENT)", () => {
      expect(() => nestedClusteredOptimisation(pairs, { objective: "maxreturn" })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "objective" })
      );
    });
    it("asks for expected returns with maxsharpe (INVALID_ARGUMENT)", () => {
      expect(() => nestedClusteredOptimisation(pairs, { objective: "maxsharpe" })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "expectedReturns" })
      );
    });
    it("rejects expected returns of the wrong length (LENGTH_MISMATCH)", () => {
      expect(() =>
        nestedClusteredOptimisation(pairs, { objective: "maxsharpe", expectedReturns: [0.1, 0.2] })
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH" }));
    });
    it("rejects a non-finite riskFree (NON_FINITE)", () => {
      expect(() =>
        nestedClusteredOptimisation(pairs, {
          objective: "maxsharpe",
          expectedReturns: [0.1, 0.2, 0.1, 0.2],
          riskFree: NaN,
        })
      ).toThrow(expect.objectContaining({ code: "NON_FINITE", argument: "riskFree" }));
    });
    it("names the cluster whose tangency portfolio does not exist, long-short (INFEASIBLE)", () => {
      // Pair A's μ = (−0.1, −0.1) → 1ᵀΣ_A⁻¹μ < 0.
      expect(() =>
        nestedClusteredOptimisation(pairs, {
          clusters: 2,
          longOnly: false,
          objective: "maxsharpe",
          expectedReturns: [-0.1, -0.1, 0.2, 0.2],
        })
      ).toThrow(/cluster 1 \(Asset 1, Asset 2\).*not positive/);
    });
    it("names the cluster with no asset above riskFree, long-only (INFEASIBLE)", () => {
      expect(() =>
        nestedClusteredOptimisation(pairs, {
          clusters: 2,
          longOnly: true,
          objective: "maxsharpe",
          expectedReturns: [0.2, 0.2, 0.01, 0.01],
          riskFree: 0.05,
        })
      ).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/cluster 2 \(Asset 3, Asset 4\)/),
        })
      );
    });
    it("rejects a singular cluster covariance, long-short (SINGULAR_MATRIX)", () => {
      // Assets 0 and 1 are the same series: PSD but singular inside their cluster.
      const cov = squareMatrix([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0.5, 0, 0, 0.5, 1]);
      expect(() => nestedClusteredOptimisation(cov, { clusters: 2, longOnly: false })).toThrow(
        expect.objectContaining({
          code: "SINGULAR_MATRIX",
          message: expect.stringMatching(/cluster 1/),
        })
      );
    });
    it("rejects a single asset, a zero variance and NaN", () => {
      expect(() => nestedClusteredOptimisation(squareMatrix([0.04]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
      expect(() =>
        nestedClusteredOptimisation(squareMatrix([0.04, 0, 0, 0], ["BTC", "USDT"]))
      ).toThrow(expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDT" }));
      expect(() => nestedClusteredOptimisation(squareMatrix([1, 0, 0, NaN]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
  });
});

describeWithSharedData("nestedClusteredOptimisation on real crypto data", () => {
  const { cov, rows } = realCovFromCsv();

  it("builds the same covariance as the fixture script", () => {
    expect(rows).toBe(hierarchicalFixture.realRows);
    expect(maxAbsDiff(cov.data, hierarchicalFixture.matrices[REAL].cov)).toBeLessThan(1e-15);
  });

  it("matches the numpy NCO, long-short and long-only, for every linkage", () => {
    const cases = hierarchicalFixture.nco.filter((c) => c.matrix === REAL);
    expect(cases.length).toBeGreaterThanOrEqual(16);
    for (const c of cases) {
      const result = nestedClusteredOptimisation(cov, {
        linkage: c.method,
        objective: c.objective,
        expectedReturns:
          c.objective === "maxsharpe" ? hierarchicalFixture.matrices[REAL].expectedReturns : null,
        longOnly: c.longOnly,
      });
      expect(Array.from(result.clusters)).toEqual(c.labels);
      expect(maxAbsDiff(result.weights, c.weights)).toBeLessThan(c.longOnly ? 1e-9 : 1e-10);
    }
  });
});
