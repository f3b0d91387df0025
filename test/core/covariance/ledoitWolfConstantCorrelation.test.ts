import fc from "fast-check";
import { ledoitWolfConstantCorrelation } from "../../../src/core/covariance/ledoitWolfConstantCorrelation";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import type { ReturnsPanel } from "../../../src/core/types";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  expectInputUnchanged,
  expectOrderInvariant,
  expectScaleEquivariant,
  expectShrinkageOracle,
  fixturePanel,
  handPanel,
  minEigenvalue,
  panelOf,
  readFixture,
  relativeError,
  type FixtureCase,
} from "./covarianceTestKit";

/** The constant-correlation target F built from the n − 1 sample covariance, independently. */
function target(panel: ReturnsPanel): { s: Float64Array; f: Float64Array } {
  const s = sampleCovariance(panel, 1).data;
  const p = panel.cols;
  const sd = Array.from({ length: p }, (_, i) => Math.sqrt(s[i * p + i]));
  let sum = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) if (i !== j) sum += s[i * p + j] / (sd[i] * sd[j]);
  }
  const rBar = sum / (p * (p - 1));
  const f = s.map((v, k) => {
    const i = Math.floor(k / p);
    const j = k % p;
    return i === j ? v : rBar * sd[i] * sd[j];
  });
  return { s, f };
}

describe("ledoitWolfConstantCorrelation", () => {
  it("keeps the sample matrix for two assets (the target equals it, δ = 0)", () => {
    // With two assets the average correlation is their correlation, so F = S = [[1, 3.5], [3.5, 13]].
    const { matrix, shrinkage } = ledoitWolfConstantCorrelation(handPanel(), 1);
    expect(shrinkage).toBe(0);
    expect(relativeError(matrix.data, [1, 3.5, 3.5, 13])).toBeLessThan(1e-15);
  });

  it("matches the hand-worked 3 × 4 target and the script's intensity", () => {
    // Means 2.75, 4, 2.5; XᵀX = [[8.75, −2, 5.5], [−2, 38, −4], [5.5, −4, 5]]; S = XᵀX / 3.
    // s = √diag S = [1.70783, 3.55903, 1.29099]; correlations r12 = −0.10968, r13 = 0.83152,
    // r23 = −0.29019; r̄ = (−0.10968 + 0.83152 − 0.29019) / 3 = 0.143883.
    // F_12 = r̄·s1·s2 = 0.87455; F_13 = 0.31724; F_23 = 0.66109; δ from the numpy script: 0.7582372480413739.
    const panel = panelOf([
      [1, 2, 1],
      [2, 4, 3],
      [3, 9, 2],
      [5, 1, 4],
    ]);
    const { matrix, shrinkage } = ledoitWolfConstantCorrelation(panel, 1);
    expect(shrinkage).toBeCloseTo(0.7582372480413739, 12);
    const { s, f } = target(panel);
    expect(f[1]).toBeCloseTo(0.143883213718 * 1.70782513 * 3.55902608, 6);
    const expected = s.map((v, k) => shrinkage * f[k] + (1 - shrinkage) * v);
    expect(relativeError(matrix.data, expected)).toBeLessThan(1e-15);
  });

  it("matches the numpy reimplementation of PyPortfolioOpt's constant_correlation on random panels", () => {
    const fixture = readFixture("random");
    expect(fixture.header.numpy).toBe("1.24.2");
    expectShrinkageOracle(ledoitWolfConstantCorrelation, fixture.cases, "constantCorrelation");
  });

  it("clips the intensity to 1 on a tiny sample, as PyPortfolioOpt", () => {
    const tiny = readFixture("random").cases.find((c) => c.name.startsWith("6 rows"));
    expect(tiny?.constantCorrelation.shrinkage).toBe(1);
    expect(ledoitWolfConstantCorrelation(fixturePanel(tiny as FixtureCase), 1).shrinkage).toBe(1);
  });

  it("is δ·F + (1 − δ)·S exactly, with δ in [0, 1]", () => {
    fc.assert(
      fc.property(arbitraryPanel(3), (panel) => {
        const { matrix, shrinkage } = ledoitWolfConstantCorrelation(panel, 1);
        expect(shrinkage).toBeGreaterThanOrEqual(0);
        expect(shrinkage).toBeLessThanOrEqual(1);
        const { s, f } = target(panel);
        const expected = s.map((v, k) => shrinkage * f[k] + (1 - shrinkage) * v);
        expect(relativeError(matrix.data, expected)).toBeLessThan(1e-13);
      }),
      { numRuns: 50 }
    );
  });

  it("is symmetric and positive semi-definite", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const { matrix } = ledoitWolfConstantCorrelation(panel, 1);
        expect(asymmetry(matrix)).toBe(0);
        expect(minEigenvalue(matrix)).toBeGreaterThan(-1e-12 * matrix.data[0] * matrix.size);
      }),
      { numRuns: 50 }
    );
  });

  it("is scale equivariant and invariant to the order of the assets", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(3),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (panel, c) => {
          expectScaleEquivariant(ledoitWolfConstantCorrelation, panel, c, 1e-10);
          const order = [...Array(panel.cols).keys()].reverse();
          expectOrderInvariant(ledoitWolfConstantCorrelation, panel, order, 1e-10);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS when too few complete rows remain", () => {
    const error = coreErrorOf(() =>
      ledoitWolfConstantCorrelation(
        panelOf([
          [0.1, NaN, 0.2],
          [0.2, 0.1, 0.3],
        ])
      )
    );
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toContain("1 of 2 rows");
  });

  it("throws NON_FINITE for an infinite return", () => {
    expect(
      coreErrorOf(() =>
        ledoitWolfConstantCorrelation(
          panelOf([
            [0.1, 0.2],
            [0.2, Infinity],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
  });

  it("throws ZERO_VARIANCE for a constant column (its volatility divides)", () => {
    const error = coreErrorOf(() =>
      ledoitWolfConstantCorrelation(
        panelOf(
          [
            [0.1, 0.2, 0.5],
            [0.2, 0.2, 0.1],
            [0.3, 0.2, 0.4],
          ],
          ["BTC", "ETH", "SOL"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("column 2 (ETH)");
  });

  it("throws INVALID_ARGUMENT for a bad periodsPerYear", () => {
    expect(coreErrorOf(() => ledoitWolfConstantCorrelation(handPanel(), NaN)).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws LENGTH_MISMATCH when data does not fit rows × cols", () => {
    expect(coreErrorOf(() => ledoitWolfConstantCorrelation({ ...handPanel(), rows: 2 })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged(ledoitWolfConstantCorrelation, [
      [1, 2, 1],
      [NaN, 4, 3],
      [3, 9, 2],
      [4, 1, 4],
      [5, 1, 0],
    ]);
  });
});

describeWithSharedData("ledoitWolfConstantCorrelation on the real data", () => {
  it("matches the numpy reimplementation on crypto slices and on stock_prices.csv", () => {
    const oracle = "constantCorrelation";
    expectShrinkageOracle(ledoitWolfConstantCorrelation, readFixture("crypto").cases, oracle);
    expectShrinkageOracle(ledoitWolfConstantCorrelation, readFixture("stocks").cases, oracle);
  });
});
