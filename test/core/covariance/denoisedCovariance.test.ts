import fc from "fast-check";
import { correlationFromCovariance } from "../../../src/core/covariance/correlationFromCovariance";
import { denoisedCorrelation } from "../../../src/core/covariance/denoisedCorrelation";
import { denoisedCovariance } from "../../../src/core/covariance/denoisedCovariance";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  expectInputUnchanged,
  flat,
  minEigenvalue,
  panelOf,
  relativeError,
} from "./covarianceTestKit";
import { readRobustFixture, robustCases, robustPanel, type RobustCase } from "./robustTestKit";

/**
 * The matrix depends on σ² only through K, which matches exactly; measured agreement with numpy's
 * eigh-based rebuild ≤ 1.3e−15 of the largest entry. σ² agrees to ≤ 2e−8 (a flat minimum).
 */
const MATRIX_TOLERANCE = 1e-12;
const VARIANCE_TOLERANCE = 1e-7;

function expectBookAlgorithm(cases: RobustCase[]): void {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const panel = robustPanel(c);
    for (const oracle of c.denoised) {
      const result = denoisedCovariance(panel, {
        bandwidth: oracle.bandwidth,
        detone: oracle.detone,
        periodsPerYear: 1,
      });
      expect(result.rowsUsed).toBe(c.rowsUsed);
      expect(result.factors).toBe(oracle.factors);
      expect(Math.abs(result.variance / oracle.variance - 1)).toBeLessThan(VARIANCE_TOLERANCE);
      expect(Math.abs(result.lambdaPlus / oracle.lambdaPlus - 1)).toBeLessThan(VARIANCE_TOLERANCE);
      expect(result.residualEigenvalue).toBeCloseTo(oracle.residualEigenvalue, 12);
      expect(relativeError(result.matrix.data, flat(oracle.matrix))).toBeLessThan(MATRIX_TOLERANCE);
      // Ours is at least as good a fit as the book's scipy.optimize.minimize (L-BFGS-B).
      expect(oracle.error).toBeLessThanOrEqual(oracle.book.error * (1 + 1e-9));
    }
  }
}

describe("denoisedCovariance", () => {
  it("keeps a 2-asset covariance whose correlation is one strong factor (hand-worked)", () => {
    // Columns a and 2a + tiny noise: ρ ≈ 1, eigenvalues ≈ 0 and 2 ≫ λ₊, so K = 1 and, with one
    // noise eigenvalue (its own mean), the denoised matrix is the sample covariance itself.
    const rows = Array.from({ length: 50 }, (_, t) => {
      const a = Math.sin(t * 1.7) * 0.02;
      return [a, 2 * a + Math.cos(t * 3.1) * 0.001];
    });
    const panel = panelOf(rows);
    const result = denoisedCovariance(panel, { periodsPerYear: 1 });
    expect(result.factors).toBe(1);
    expect(relativeError(result.matrix.data, sampleCovariance(panel, 1).data)).toBeLessThan(1e-13);
  });

  it("matches the numpy/scipy/sklearn re-derivation of López de Prado's algorithm on random panels", () => {
    expect(readRobustFixture().header.sklearn).toBe("1.2.1");
    expectBookAlgorithm(robustCases("random"));
  });

  it("keeps every variance (the sample covariance's diagonal) and is denoisedCorrelation ⊙ σσᵀ", () => {
    fc.assert(
      fc.property(arbitraryPanel(2, 8), fc.boolean(), (panel, detone) => {
        const result = denoisedCovariance(panel, { detone });
        const sample = sampleCovariance(panel);
        const p = panel.cols;
        for (let i = 0; i < p; i++) {
          expect(result.matrix.data[i * p + i]).toBeCloseTo(sample.data[i * p + i], 13);
        }
        const expected = denoisedCorrelation(correlationFromCovariance(sample), panel.rows, {
          detone,
        });
        expect(result.factors).toBe(expected.factors);
        expect(
          relativeError(correlationFromCovariance(result.matrix).data, expected.matrix.data)
        ).toBeLessThan(1e-12);
      }),
      { numRuns: 40 }
    );
  });

  it("is symmetric and PSD, and annualises by periodsPerYear (default 365)", () => {
    fc.assert(
      fc.property(arbitraryPanel(2, 8), (panel) => {
        const yearly = denoisedCovariance(panel);
        const daily = denoisedCovariance(panel, { periodsPerYear: 1 });
        expect(asymmetry(yearly.matrix)).toBe(0);
        let largest = 0;
        for (let i = 0; i < panel.cols; i++) {
          largest = Math.max(largest, yearly.matrix.data[i * panel.cols + i]);
        }
        expect(minEigenvalue(yearly.matrix)).toBeGreaterThan(-1e-10 * largest);
        expect(
          relativeError(
            yearly.matrix.data,
            daily.matrix.data.map((v) => v * 365)
          )
        ).toBeLessThan(1e-13);
      }),
      { numRuns: 30 }
    );
  });

  it("throws TOO_FEW_POINTS when the complete rows do not outnumber the assets", () => {
    const error = coreErrorOf(() =>
      denoisedCovariance(
        panelOf([
          [0.1, 0.2, 0.3],
          [0.2, 0.1, 0.1],
          [0.3, 0.5, -0.1],
        ])
      )
    );
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toContain("3 observations for 3 assets");
  });

  it("throws INVALID_ARGUMENT for one asset, a bad bandwidth or periodsPerYear", () => {
    expect(coreErrorOf(() => denoisedCovariance(panelOf([[0.1], [0.2], [0.3]]))).code).toBe(
      "INVALID_ARGUMENT"
    );
    const panel = panelOf([
      [0.1, 0.2],
      [0.2, 0.1],
      [0.3, 0.5],
    ]);
    expect(coreErrorOf(() => denoisedCovariance(panel, { bandwidth: -1 })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(coreErrorOf(() => denoisedCovariance(panel, { periodsPerYear: NaN })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws ZERO_VARIANCE and NON_FINITE as the other estimators", () => {
    const error = coreErrorOf(() =>
      denoisedCovariance(
        panelOf(
          [
            [0.1, 0],
            [0.2, 0],
            [0.3, 0],
          ],
          ["BTC", "USDT"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("(USDT)");
    expect(
      coreErrorOf(() =>
        denoisedCovariance(
          panelOf([
            [0.1, 0.2],
            [Infinity, 0.1],
            [0.3, 0.5],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => denoisedCovariance(panel, { detone: true }));
  });
});

describeWithSharedData("denoisedCovariance on the real data", () => {
  it("matches the re-derivation on the crypto 2023–2025 and stock_prices.csv slices", () => {
    expectBookAlgorithm(robustCases("real"));
  });
});
