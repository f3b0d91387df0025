import fc from "fast-check";
import { semicovariance } from "../../../src/core/covariance/semicovariance";
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
} from "./covarianceTestKit";
import { readRobustFixture, robustCases, robustPanel, type RobustCase } from "./robustTestKit";

/** numpy sums in another order: measured agreement ≤ 9e−16 of the largest entry. */
const ORACLE_TOLERANCE = 1e-13;

function expectPyPortfolioOpt(cases: RobustCase[]): void {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const panel = robustPanel(c);
    for (const oracle of c.semi) {
      const result = semicovariance(panel, { benchmark: oracle.benchmark, periodsPerYear: 1 });
      expect(relativeError(result.data, flat(oracle.matrix))).toBeLessThan(ORACLE_TOLERANCE);
    }
  }
}

describe("semicovariance", () => {
  it("matches the hand-worked 3 × 2 case", () => {
    // d = min(r, 0): [−1, 0], [0, −2], [−3, −4]. Σd₁² = 10, Σd₁d₂ = 12, Σd₂² = 20; divided by n = 3.
    const result = semicovariance(
      panelOf([
        [-1, 2],
        [1, -2],
        [-3, -4],
      ]),
      { periodsPerYear: 1 }
    );
    expect(relativeError(result.data, [10 / 3, 4, 4, 20 / 3])).toBeLessThan(1e-15);
  });

  it("measures shortfalls below the benchmark B", () => {
    // B = 0.5: r − B = [0.5, −1.5, 1.5]; d = [0, −1.5, 0] → 2.25 / 3 = 0.75.
    const result = semicovariance(panelOf([[1], [-1], [2]]), { benchmark: 0.5, periodsPerYear: 1 });
    expect(result.data[0]).toBeCloseTo(0.75, 15);
  });

  it("annualises by periodsPerYear (default 365)", () => {
    const panel = panelOf([
      [-0.01, 0.02],
      [0.01, -0.02],
      [-0.03, -0.04],
    ]);
    const daily = semicovariance(panel, { periodsPerYear: 1 });
    expect(
      relativeError(
        semicovariance(panel).data,
        daily.data.map((v) => v * 365)
      )
    ).toBeLessThan(1e-15);
  });

  it("matches PyPortfolioOpt risk_models.semicovariance (re-derived in numpy) on random panels", () => {
    expect(readRobustFixture().header.generator).toBe("scripts/fixtures/robustCovariance.py");
    expectPyPortfolioOpt(robustCases("random"));
  });

  it("is symmetric PSD and no larger on the diagonal than the raw second moment", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        (panel, benchmark) => {
          const result = semicovariance(panel, { benchmark, periodsPerYear: 1 });
          expect(asymmetry(result)).toBe(0);
          let scale = 0;
          for (let i = 0; i < panel.cols; i++)
            scale = Math.max(scale, result.data[i * panel.cols + i]);
          expect(minEigenvalue(result)).toBeGreaterThanOrEqual(-1e-12 * Math.max(scale, 1e-300));
          for (let j = 0; j < panel.cols; j++) {
            let second = 0;
            for (let t = 0; t < panel.rows; t++) {
              const d = panel.data[j * panel.rows + t] - benchmark;
              second += d * d;
            }
            // Equal when every return is below B; the blocked cross-product sums in another order.
            expect(result.data[j * panel.cols + j]).toBeLessThanOrEqual(
              (second / panel.rows) * (1 + 1e-14)
            );
          }
        }
      ),
      { numRuns: 50 }
    );
  });

  it("is invariant to the order of the assets", () => {
    fc.assert(
      fc.property(arbitraryPanel(2), (panel) => {
        const order = [...Array(panel.cols).keys()].reverse();
        const base = semicovariance(panel, { periodsPerYear: 1 });
        const permuted = semicovariance(permuteColumns(panel, order), { periodsPerYear: 1 });
        expect(relativeError(permuted.data, permuteMatrix(base, order))).toBeLessThan(1e-13);
      }),
      { numRuns: 30 }
    );
  });

  it("uses only the complete rows (n counts them)", () => {
    // Row 2 has a gap and is dropped: d = [−1], [−3] for column 1 → 10 / 2 = 5.
    const result = semicovariance(
      panelOf([
        [-1, 0.1],
        [-7, NaN],
        [-3, 0.2],
      ]),
      { periodsPerYear: 1 }
    );
    expect(result.data[0]).toBeCloseTo(5, 14);
  });

  it("throws INVALID_ARGUMENT for a benchmark that is not a finite number", () => {
    const panel = panelOf([
      [0.1, 0.2],
      [0.2, 0.1],
    ]);
    const error = coreErrorOf(() => semicovariance(panel, { benchmark: NaN }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("benchmark must be a finite return per period");
    expect(coreErrorOf(() => semicovariance(panel, { periodsPerYear: 0 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and ZERO_VARIANCE as the other estimators", () => {
    expect(coreErrorOf(() => semicovariance(panelOf([[0.1, 0.2]]))).code).toBe("TOO_FEW_POINTS");
    expect(
      coreErrorOf(() =>
        semicovariance(
          panelOf([
            [0.1, Infinity],
            [0.2, 0.1],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
    const error = coreErrorOf(() =>
      semicovariance(
        panelOf(
          [
            [0.1, 0],
            [0.2, 0],
          ],
          ["BTC", "USDT"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("(USDT)");
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => semicovariance(panel, { benchmark: 1 }));
  });
});

describeWithSharedData("semicovariance on the real data", () => {
  it("matches PyPortfolioOpt's formula on the crypto and stock slices", () => {
    expectPyPortfolioOpt(robustCases("real"));
  });
});
