import fc from "fast-check";
import { hierarchicalEqualRiskContribution } from "../../../src/core/allocation/hierarchicalEqualRiskContribution";
import { correlationDistance } from "../../../src/core/clustering/correlationDistance";
import { describeWithSharedData } from "../../helpers/sharedData";
import { fixtureCov, hierarchicalFixture, REAL, realCovFromCsv } from "./hierarchicalFixture";
import {
  copyMatrix,
  covArbitrary,
  maxAbsDiff,
  permuteMatrix,
  squareMatrix,
  sum,
} from "./testMatrices";

// Two pairs: {0, 1} with σ = 1, ρ = 0.8 and {2, 3} with σ = 2, ρ = 0.6; no correlation across.
const pairs = squareMatrix([1, 0.8, 0, 0, 0.8, 1, 0, 0, 0, 0, 4, 2.4, 0, 0, 2.4, 4]);

const distinctDistances = (cov: Parameters<typeof correlationDistance>[0]): boolean => {
  const d = Array.from(correlationDistance(cov)).sort((x, y) => x - y);
  return d.every((x, i) => i === 0 || x - d[i - 1] > 1e-9);
};

describe("hierarchicalEqualRiskContribution", () => {
  it("splits two clusters of two assets by equal risk (hand-worked)", () => {
    // k = 2 (the gap statistic's only choice for 4 assets). Inside each pair the variances are
    // equal, so the inverse-variance weights are ½, ½. R(A) = ¼(1 + 1 + 2·0.8) = 0.9,
    // R(B) = ¼(4 + 4 + 2·2.4) = 3.2; α_A = 1 − 0.9/4.1 = 3.2/4.1 → w = (1.6, 1.6, 0.45, 0.45)/4.1.
    const result = hierarchicalEqualRiskContribution(pairs);
    expect(result.clusterCount).toBe(2);
    expect(Array.from(result.clusters)).toEqual([0, 0, 1, 1]);
    const expected = [1.6 / 4.1, 1.6 / 4.1, 0.45 / 4.1, 0.45 / 4.1];
    expect(maxAbsDiff(result.weights, expected)).toBeLessThan(1e-15);
    // Equal risk contributions across the split: weight × cluster risk is the same on both sides.
    expect((3.2 / 4.1) * 0.9).toBeCloseTo((0.9 / 4.1) * 3.2, 15);
  });

  it("uses volatilities for riskMeasure volatility and halves for equal (hand-worked)", () => {
    // volatility: R = √0.9, √3.2 → α_A = √3.2/(√0.9 + √3.2); equal: α = ½, then ½ inside.
    const vol = hierarchicalEqualRiskContribution(pairs, { riskMeasure: "volatility" }).weights;
    const a = Math.sqrt(3.2) / (Math.sqrt(0.9) + Math.sqrt(3.2));
    expect(maxAbsDiff(vol, [a / 2, a / 2, (1 - a) / 2, (1 - a) / 2])).toBeLessThan(1e-15);
    const equal = hierarchicalEqualRiskContribution(pairs, { riskMeasure: "Equal" }).weights;
    expect(Array.from(equal)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("weights a pair of unequal variances by inverse variance inside the cluster (hand-worked)", () => {
    // Pair A: σ² = 1, 4, cov 1 → IVP (0.8, 0.2), R(A) = 0.64 + 0.04·4 + 2·0.16·1 = 1.12. Pair B: σ² = 1, 1,
    // ρ = 0.05, uncorrelated with A → (½, ½), R(B) = ¼(2 + 0.1) = 0.525. α_A = 0.525/(1.12 + 0.525).
    const cov = squareMatrix([1, 1, 0, 0, 1, 4, 0, 0, 0, 0, 1, 0.05, 0, 0, 0.05, 1]);
    const result = hierarchicalEqualRiskContribution(cov, { clusters: 2 });
    expect(Array.from(result.clusters)).toEqual([0, 0, 1, 1]);
    const rb = 0.25 * (2 + 0.1);
    const alpha = rb / (1.12 + rb);
    expect(
      maxAbsDiff(result.weights, [0.8 * alpha, 0.2 * alpha, (1 - alpha) / 2, (1 - alpha) / 2])
    ).toBeLessThan(1e-15);
  });

  it(`matches the numpy/scipy HERC for every linkage and option (${hierarchicalFixture.header.generator})`, () => {
    const cases = hierarchicalFixture.herc.filter((c) => c.matrix !== REAL);
    expect(cases.length).toBeGreaterThanOrEqual(50);
    for (const c of cases) {
      const result = hierarchicalEqualRiskContribution(fixtureCov(c.matrix), {
        linkage: c.method,
        clusters: c.k === c.gapK ? "gap" : c.k,
        riskMeasure: c.riskMeasure,
        intraCluster: c.intraCluster,
      });
      expect(result.clusterCount).toBe(c.k);
      expect(Array.from(result.clusters)).toEqual(c.labels);
      expect(maxAbsDiff(result.weights, c.weights)).toBeLessThan(1e-12);
    }
  });

  it("has positive weights summing to 1 for every option (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(2, 12),
        fc.constantFrom("single", "average", "complete", "ward"),
        fc.constantFrom("variance", "volatility", "equal"),
        fc.constantFrom("riskparity", "equal"),
        fc.constantFrom("gap", "silhouette"),
        (cov, method, riskMeasure, intraCluster, clusters) => {
          const { weights, clusterCount } = hierarchicalEqualRiskContribution(cov, {
            linkage: method,
            riskMeasure,
            intraCluster,
            clusters,
          });
          expect(Math.abs(sum(weights) - 1)).toBeLessThan(1e-12);
          for (const w of weights) expect(w).toBeGreaterThan(0);
          expect(clusterCount).toBeGreaterThanOrEqual(1);
          expect(clusterCount).toBeLessThanOrEqual(Math.min(10, cov.size));
        }
      ),
      { numRuns: 80 }
    );
  });

  it("is the inverse-variance portfolio with one cluster (property)", () => {
    fc.assert(
      fc.property(covArbitrary(2, 9), (cov) => {
        const n = cov.size;
        const inv = Array.from({ length: n }, (_, i) => 1 / cov.data[i * n + i]);
        const total = inv.reduce((a, b) => a + b, 0);
        const w = hierarchicalEqualRiskContribution(cov, { clusters: 1 }).weights;
        expect(
          maxAbsDiff(
            w,
            inv.map((x) => x / total)
          )
        ).toBeLessThan(1e-14);
      }),
      { numRuns: 50 }
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
            fc.constantFrom("single", "average", "complete", "ward")
          )
        ),
        ([cov, perm, method]) => {
          // Tied distances let the tree's tie-breaking follow the asset order, as in scipy.
          fc.pre(distinctDistances(cov));
          const a = hierarchicalEqualRiskContribution(cov, { linkage: method }).weights;
          const b = hierarchicalEqualRiskContribution(permuteMatrix(cov, perm), {
            linkage: method,
          }).weights;
          expect(
            maxAbsDiff(
              b,
              perm.map((p) => a[p])
            )
          ).toBeLessThan(1e-12);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("is exactly invariant to rescaling cov by a power of four (property)", () => {
    fc.assert(
      fc.property(covArbitrary(2, 9), fc.integer({ min: -8, max: 8 }), (cov, m) => {
        const scaled = squareMatrix(Array.from(cov.data, (v) => v * 4 ** m));
        expect(hierarchicalEqualRiskContribution(scaled).weights).toEqual(
          hierarchicalEqualRiskContribution(cov).weights
        );
      }),
      { numRuns: 40 }
    );
  });

  it("treats null options as the defaults (ward, gap, variance, risk parity)", () => {
    expect(hierarchicalEqualRiskContribution(pairs, null)).toEqual(
      hierarchicalEqualRiskContribution(pairs, {
        linkage: "ward",
        clusters: "gap",
        riskMeasure: "variance",
        intraCluster: "riskparity",
      })
    );
    expect(
      hierarchicalEqualRiskContribution(pairs, { linkage: null, clusters: null, riskMeasure: null })
    ).toEqual(hierarchicalEqualRiskContribution(pairs));
  });

  it("leaves its input unchanged", () => {
    const copy = copyMatrix(pairs);
    hierarchicalEqualRiskContribution(pairs, { clusters: 3 });
    expect(pairs).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects a single asset (TOO_FEW_POINTS)", () => {
      expect(() => hierarchicalEqualRiskContribution(squareMatrix([0.04]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects a zero-volatility asset, naming it (ZERO_VARIANCE)", () => {
      expect(() =>
        hierarchicalEqualRiskContribution(squareMatrix([0.04, 0, 0, 0], ["BTC", "USDT"]))
      ).toThrow(expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDT" }));
    });
    it("rejects NaN (NON_FINITE)", () => {
      expect(() => hierarchicalEqualRiskContribution(squareMatrix([1, 0, 0, NaN]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("rejects a matrix that is not PSD (SINGULAR_MATRIX)", () => {
      expect(() =>
        hierarchicalEqualRiskContribution(squareMatrix([1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]))
      ).toThrow(expect.objectContaining({ code: "SINGULAR_MATRIX" }));
    });
    it("rejects an unknown risk measure, intra-cluster rule or linkage (INVALID_ARGUMENT)", () => {
      expect(() => hierarchicalEqualRiskContribution(pairs, { riskMeasure: "cvar" })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "riskMeasure" })
      );
      expect(() => hierarchicalEqualRiskContribution(pairs, { intraCluster: "minvar" })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "intraCluster" })
      );
      expect(() => hierarchicalEqualRiskContribution(pairs, { linkage: "median" })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "linkage" })
      );
    });
    it("rejects a cluster count above the number of assets (INVALID_ARGUMENT)", () => {
      expect(() => hierarchicalEqualRiskContribution(pairs, { clusters: 5 })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "clusters" })
      );
    });
  });
});

describeWithSharedData("hierarchicalEqualRiskContribution on real crypto data", () => {
  const { cov, rows } = realCovFromCsv();

  it("builds the same covariance as the fixture script", () => {
    expect(rows).toBe(hierarchicalFixture.realRows);
    expect(maxAbsDiff(cov.data, hierarchicalFixture.matrices[REAL].cov)).toBeLessThan(1e-15);
  });

  it("matches the numpy/scipy HERC for every linkage and option", () => {
    const cases = hierarchicalFixture.herc.filter((c) => c.matrix === REAL);
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      const result = hierarchicalEqualRiskContribution(cov, {
        linkage: c.method,
        clusters: c.k === c.gapK ? "gap" : c.k,
        riskMeasure: c.riskMeasure,
        intraCluster: c.intraCluster,
      });
      expect(Array.from(result.clusters)).toEqual(c.labels);
      expect(maxAbsDiff(result.weights, c.weights)).toBeLessThan(1e-12);
    }
  });
});
