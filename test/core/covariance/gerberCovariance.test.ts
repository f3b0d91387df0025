import fc from "fast-check";
import { gerberCorrelation } from "../../../src/core/covariance/gerberCorrelation";
import { gerberCovariance } from "../../../src/core/covariance/gerberCovariance";
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
import { robustCases, robustPanel, type RobustCase } from "./robustTestKit";

/** Measured agreement with numpy ≤ 3e−16 of the largest entry. */
const ORACLE_TOLERANCE = 1e-14;

function expectRiskfolio(cases: RobustCase[]): void {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const panel = robustPanel(c);
    for (const oracle of c.gerber) {
      const result = gerberCovariance(panel, { threshold: oracle.threshold, periodsPerYear: 1 });
      expect(relativeError(result.data, flat(oracle.matrix))).toBeLessThan(ORACLE_TOLERANCE);
    }
  }
}

describe("gerberCovariance", () => {
  it("matches the hand-worked 4 × 2 case", () => {
    // G = I (see gerberCorrelation), σ = [1, 2] (1/n) → diag(1, 4).
    const result = gerberCovariance(
      panelOf([
        [1, 2],
        [-1, -2],
        [1, -2],
        [-1, 2],
      ]),
      { periodsPerYear: 1 }
    );
    expect(relativeError(result.data, [1, 0, 0, 4])).toBeLessThan(1e-15);
  });

  it("annualises by periodsPerYear (default 365) and keeps the 1/n variances", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const yearly = gerberCovariance(panel);
        const daily = gerberCovariance(panel, { periodsPerYear: 1 });
        expect(
          relativeError(
            yearly.data,
            daily.data.map((v) => v * 365)
          )
        ).toBeLessThan(1e-14);
        const n = panel.rows;
        const p = panel.cols;
        const sample = sampleCovariance(panel, 1).data;
        for (let i = 0; i < p; i++) {
          expect(daily.data[i * p + i]).toBeCloseTo((sample[i * p + i] * (n - 1)) / n, 14);
        }
      }),
      { numRuns: 30 }
    );
  });

  it("is the Gerber matrix scaled by the volatilities, symmetric and PSD", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const cov = gerberCovariance(panel, { threshold: 0.3, periodsPerYear: 1 });
        const g = gerberCorrelation(panel, 0.3);
        const p = panel.cols;
        expect(asymmetry(cov)).toBe(0);
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < p; j++) {
            const scale = Math.sqrt(cov.data[i * p + i] * cov.data[j * p + j]);
            expect(cov.data[i * p + j] / scale).toBeCloseTo(g.data[i * p + j], 13);
          }
        }
        let largest = 0;
        for (let i = 0; i < p; i++) largest = Math.max(largest, cov.data[i * p + i]);
        expect(minEigenvalue(cov)).toBeGreaterThan(-1e-12 * largest);
      }),
      { numRuns: 50 }
    );
  });

  it("matches Riskfolio-Lib's gerber_cov_stat2 covariance (re-derived in numpy) on random panels", () => {
    expectRiskfolio(robustCases("random"));
  });

  it("throws INVALID_ARGUMENT for a bad threshold or periodsPerYear", () => {
    const panel = panelOf([
      [0.1, 0.2],
      [0.2, 0.1],
    ]);
    expect(coreErrorOf(() => gerberCovariance(panel, { threshold: 1.5 })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(coreErrorOf(() => gerberCovariance(panel, { periodsPerYear: -1 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws LENGTH_MISMATCH for labels that do not fit", () => {
    const panel = panelOf([
      [0.1, 0.2],
      [0.2, 0.1],
    ]);
    expect(coreErrorOf(() => gerberCovariance({ ...panel, labels: ["A"] })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => gerberCovariance(panel, { threshold: 0.4 }));
  });
});

describeWithSharedData("gerberCovariance on the real data", () => {
  it("matches Riskfolio-Lib's formula on the crypto and stock slices", () => {
    expectRiskfolio(robustCases("real"));
  });
});
