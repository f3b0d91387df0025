import fc from "fast-check";
import { ewmaCovariance } from "../../../src/core/covariance/ewmaCovariance";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  expectInputUnchanged,
  fixturePanel,
  flat,
  handPanel,
  minEigenvalue,
  panelOf,
  permuteColumns,
  permuteMatrix,
  readFixture,
  relativeError,
  scalePanel,
  type FixtureCase,
} from "./covarianceTestKit";

/** The script runs pandas' online recursion, we the closed-form weights: measured agreement ≤ 3e−15 of the largest entry. */
const ORACLE_TOLERANCE = 1e-12;

function expectPandas(c: FixtureCase): void {
  const panel = fixturePanel(c);
  for (const variant of c.ewma) {
    const options =
      variant.halfLife !== undefined ? { halfLife: variant.halfLife } : { span: variant.span };
    const cov = ewmaCovariance(panel, { ...options, periodsPerYear: 1 });
    expect(relativeError(cov.data, flat(variant.matrix))).toBeLessThan(ORACLE_TOLERANCE);
  }
}

describe("ewmaCovariance", () => {
  it("matches the hand-worked one-asset case", () => {
    // x = [1, 2, 3], halfLife 1 → λ = 1/2, weights (oldest first) 1/4, 1/2, 1; Σw = 7/4, Σw² = 21/16.
    // m = (1/4 + 1 + 3) / (7/4) = 17/7; deviations −10/7, −3/7, 4/7.
    // C = (25/49 + 4.5/49 + 16/49) / (7/4) = 26/49; correction (Σw)² / ((Σw)² − Σw²) = (49/16) / (28/16).
    // Σ̂ = 26/49 · 49/28 = 13/14.
    const cov = ewmaCovariance(panelOf([[1], [2], [3]]), { halfLife: 1, periodsPerYear: 1 });
    expect(cov.data[0]).toBeCloseTo(13 / 14, 15);
  });

  it("matches the hand-worked 2 × 3 case", () => {
    // a = [1, 2, 3], b = [2, 4, 9], span 3 → α = 1/2, the same weights 1/4, 1/2, 1.
    // m_a = 17/7, m_b = (0.5 + 2 + 9) / (7/4) = 46/7; b deviations −32/7, −18/7, 17/7.
    // C_ab = (1/4·(−10)(−32) + 1/2·(−3)(−18) + 1·4·17) / 49 / (7/4) = (80 + 27 + 68)/49·4/7 = 100/49.
    // C_bb = (256 + 162 + 289)/49·4/7 = 404/49. Σ̂ = C · 7/4: [[13/14, 25/7], [25/7, 101/7]].
    const cov = ewmaCovariance(handPanel(), { span: 3, periodsPerYear: 1 });
    expect(relativeError(cov.data, [13 / 14, 25 / 7, 25 / 7, 101 / 7])).toBeLessThan(1e-15);
  });

  it("annualises by 365 by default and uses a 60-period half-life by default", () => {
    const panel = panelOf([
      [1, 2],
      [2, 4],
      [3, 9],
      [1, 1],
    ]);
    const perPeriod = ewmaCovariance(panel, { halfLife: 60, periodsPerYear: 1 });
    expect(
      relativeError(
        ewmaCovariance(panel).data,
        perPeriod.data.map((v) => v * 365)
      )
    ).toBeLessThan(1e-15);
  });

  it("matches pandas ewm(adjust=True).cov(bias=False) at the last date on random panels", () => {
    const fixture = readFixture("random");
    for (const c of fixture.cases) expectPandas(c);
  });

  it("tends to the sample covariance as the half-life grows", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const ewma = ewmaCovariance(panel, { halfLife: 1e9, periodsPerYear: 1 });
        expect(relativeError(ewma.data, sampleCovariance(panel, 1).data)).toBeLessThan(1e-6);
      }),
      { numRuns: 30 }
    );
  });

  it("is symmetric, positive semi-definite, scale equivariant and invariant to asset order", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(2),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (panel, halfLife, c) => {
          const base = ewmaCovariance(panel, { halfLife, periodsPerYear: 1 });
          expect(asymmetry(base)).toBe(0);
          expect(minEigenvalue(base)).toBeGreaterThan(-1e-12 * base.data[0] * base.size);
          const scaled = ewmaCovariance(scalePanel(panel, c), { halfLife, periodsPerYear: 1 });
          expect(
            relativeError(
              scaled.data,
              base.data.map((v) => v * c * c)
            )
          ).toBeLessThan(1e-12);
          const order = [...Array(panel.cols).keys()].reverse();
          const permuted = ewmaCovariance(permuteColumns(panel, order), {
            halfLife,
            periodsPerYear: 1,
          });
          expect(relativeError(permuted.data, permuteMatrix(base, order))).toBeLessThan(1e-13);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("throws INVALID_ARGUMENT for a bad half-life or span, naming the argument", () => {
    const panel = handPanel();
    for (const halfLife of [0, -5, NaN, Infinity]) {
      const error = coreErrorOf(() => ewmaCovariance(panel, { halfLife }));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.message).toContain("halfLife must be a number of periods above 0");
    }
    expect(coreErrorOf(() => ewmaCovariance(panel, { span: 0.5 })).code).toBe("INVALID_ARGUMENT");
    expect(coreErrorOf(() => ewmaCovariance(panel, { halfLife: 5, span: 5 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws INVALID_ARGUMENT when the decay puts all the weight on the newest row", () => {
    // span 1 → α = 1: weights 0, 0, 1, so (Σw)² − Σw² = 0 and the unbiased covariance is undefined.
    const error = coreErrorOf(() => ewmaCovariance(handPanel(), { span: 1 }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toBe(
      "span 1 decays so fast that the newest row carries all the weight; use a halfLife of at least 1 period"
    );
  });

  it("throws ZERO_VARIANCE when every row with weight left holds the same value", () => {
    // halfLife 0.05 → λ = 2^−20: weights 60 rows back are 2^−1200, which underflows to 0, so only the
    // last 60 rows count, and ETH is constant there (its plain variance is not 0).
    const rows: number[][] = [];
    for (let t = 0; t < 60; t++) rows.push([Math.sin(t), Math.cos(t)]);
    for (let t = 0; t < 60; t++) rows.push([Math.sin(t + 60), 0.01]);
    const error = coreErrorOf(() =>
      ewmaCovariance(panelOf(rows, ["BTC", "ETH"]), { halfLife: 0.05 })
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("column 2 (ETH) has zero weighted variance");
  });

  it("throws TOO_FEW_POINTS, NON_FINITE, ZERO_VARIANCE and LENGTH_MISMATCH on bad returns", () => {
    expect(coreErrorOf(() => ewmaCovariance(panelOf([[0.1, 0.2]]))).code).toBe("TOO_FEW_POINTS");
    expect(
      coreErrorOf(() =>
        ewmaCovariance(
          panelOf([
            [0.1, 0.2],
            [NaN, 0.1],
          ])
        )
      ).code
    ).toBe("TOO_FEW_POINTS");
    expect(
      coreErrorOf(() =>
        ewmaCovariance(
          panelOf([
            [0.1, 0.2],
            [Infinity, 0.1],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
    expect(
      coreErrorOf(() =>
        ewmaCovariance(
          panelOf([
            [0.1, 0.2],
            [0.1, 0.1],
          ])
        )
      ).code
    ).toBe("ZERO_VARIANCE");
    const panel = handPanel();
    expect(coreErrorOf(() => ewmaCovariance({ ...panel, labels: ["A", "B", "C"] })).code).toBe(
      "LENGTH_MISMATCH"
    );
    expect(coreErrorOf(() => ewmaCovariance(panel, { periodsPerYear: 0 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => ewmaCovariance(panel, Object.freeze({ halfLife: 2 })));
  });
});

describeWithSharedData("ewmaCovariance on the real data", () => {
  it("matches pandas' ewmcov recursion on crypto slices and on stock_prices.csv", () => {
    for (const c of readFixture("crypto").cases) expectPandas(c);
    for (const c of readFixture("stocks").cases) expectPandas(c);
  });
});
