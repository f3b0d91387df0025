import fc from "fast-check";
import { gerberCorrelation } from "../../../src/core/covariance/gerberCorrelation";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  expectInputUnchanged,
  flat,
  minEigenvalue,
  panelOf,
  permuteColumns,
  permuteMatrix,
  relativeError,
  scalePanel,
} from "./covarianceTestKit";
import { robustCases, robustPanel, type RobustCase } from "./robustTestKit";

/** Integer counts and one division each: measured agreement with numpy ≤ 3e−16. */
const ORACLE_TOLERANCE = 1e-14;

function expectRiskfolio(cases: RobustCase[]): void {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const panel = robustPanel(c);
    for (const oracle of c.gerber) {
      const result = gerberCorrelation(panel, oracle.threshold);
      expect(relativeError(result.data, flat(oracle.correlation))).toBeLessThan(ORACLE_TOLERANCE);
    }
  }
}

describe("gerberCorrelation", () => {
  it("matches the hand-worked 4 × 2 case (no co-movement)", () => {
    // σ = [1, 2] (1/n); thresholds 0.5 and 1; m = [1, 1], [−1, −1], [1, −1], [−1, 1].
    // Concordant 2, discordant 2 → H₁₂ = 0; H₁₁ = H₂₂ = 4.
    const result = gerberCorrelation(
      panelOf([
        [1, 2],
        [-1, -2],
        [1, -2],
        [-1, 2],
      ])
    );
    expect(Array.from(result.data)).toEqual([1, 0, 0, 1]);
  });

  it("ignores moves within the threshold and the size of large moves", () => {
    // Column 1: [1, −1, 1, −1, 0] (mean 0, σ = √(4/5) ≈ 0.894, threshold 0.447).
    // Column 2: [5, −0.1, 100, −3, 0.2] crosses on rows 1, 3, 4 (σ₂ ≈ 39.8, threshold ≈ 19.9: only
    // row 3 crosses). m₁ = [1, −1, 1, −1, 0], m₂ = [0, 0, 1, 0, 0] → H₁₂ = 1, H₁₁ = 4, H₂₂ = 1.
    const result = gerberCorrelation(
      panelOf([
        [1, 5],
        [-1, -0.1],
        [1, 100],
        [-1, -3],
        [0, 0.2],
      ])
    );
    expect(result.data[1]).toBeCloseTo(1 / 2, 15);
  });

  it("matches Riskfolio-Lib's gerber_cov_stat2 (re-derived in numpy) on random panels", () => {
    expectRiskfolio(robustCases("random"));
  });

  it("lies in [−1, 1] with a unit diagonal, symmetric and PSD", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (panel, c) => {
          const g = gerberCorrelation(panel, c);
          const p = panel.cols;
          expect(asymmetry(g)).toBe(0);
          for (let i = 0; i < p; i++) expect(g.data[i * p + i]).toBe(1);
          for (const v of g.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
          expect(minEigenvalue(g)).toBeGreaterThan(-1e-12);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("is unchanged by scaling the returns and reorders with the assets", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(2),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (panel, k) => {
          const g = gerberCorrelation(panel);
          // Scaling moves r and c·σ together; a return exactly at its threshold could flip by rounding,
          // which random doubles do not hit.
          expect(relativeError(gerberCorrelation(scalePanel(panel, k)).data, g.data)).toBeLessThan(
            1e-14
          );
          const order = [...Array(panel.cols).keys()].reverse();
          expect(gerberCorrelation(permuteColumns(panel, order)).data).toEqual(
            permuteMatrix(g, order)
          );
        }
      ),
      { numRuns: 30 }
    );
  });

  it("throws INVALID_ARGUMENT for a threshold outside (0, 1)", () => {
    const panel = panelOf([
      [0.1, 0.2],
      [0.2, 0.1],
      [-0.1, 0.3],
    ]);
    for (const bad of [0, 1, -0.5, NaN]) {
      const error = coreErrorOf(() => gerberCorrelation(panel, bad));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.message).toContain("threshold must be");
    }
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and ZERO_VARIANCE as the other estimators", () => {
    expect(coreErrorOf(() => gerberCorrelation(panelOf([[0.1, 0.2]]))).code).toBe("TOO_FEW_POINTS");
    expect(
      coreErrorOf(() =>
        gerberCorrelation(
          panelOf([
            [0.1, -Infinity],
            [0.2, 0.1],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
    const error = coreErrorOf(() =>
      gerberCorrelation(
        panelOf(
          [
            [0.1, 1],
            [0.2, 1],
          ],
          ["BTC", "USDT"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("(USDT)");
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => gerberCorrelation(panel));
  });
});

describeWithSharedData("gerberCorrelation on the real data", () => {
  it("matches Riskfolio-Lib's formula on the crypto and stock slices", () => {
    expectRiskfolio(robustCases("real"));
  });
});
