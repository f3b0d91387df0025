import fc from "fast-check";
import { ledoitWolf } from "../../../src/core/covariance/ledoitWolf";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  coreErrorOf,
  expectInputUnchanged,
  expectOrderInvariant,
  expectScaleEquivariant,
  expectShrinkageOracle,
  expectShrinksTowardScaledIdentity,
  expectSymmetricPositiveDefinite,
  handPanel,
  panelOf,
  readFixture,
  relativeError,
} from "./covarianceTestKit";

describe("ledoitWolf", () => {
  it("matches the hand-worked 2 × 3 case", () => {
    // Centred a = [−1, 0, 1], b = [−3, −1, 4]; S = XᵀX / 3 = [[2/3, 7/3], [7/3, 26/3]]; μ = 14/3.
    // d² = ((2/3 − 14/3)² + 2·(7/3)² + (26/3 − 14/3)²) / 2 = (16 + 98/9 + 16) / 2 = 193/9.
    // Row norms² 10, 1, 17 → Σ‖x‖⁴ / n = 390 / 3 = 130; ‖S‖² = 778/9.
    // b̄² = (130 − 778/9) / (3·2) = 196/27 < d², so δ = (196/27) / (193/9) = 196/579.
    // Σ̂_11 = (383/579)·(2/3) + (196/579)·(14/3) = 3510/1737; Σ̂_12 = (383/579)·(7/3).
    const { matrix, shrinkage } = ledoitWolf(handPanel(), 1);
    expect(shrinkage).toBeCloseTo(196 / 579, 15);
    const keep = 383 / 579;
    const expected = [
      keep * (2 / 3) + (196 / 579) * (14 / 3),
      keep * (7 / 3),
      keep * (7 / 3),
      keep * (26 / 3) + (196 / 579) * (14 / 3),
    ];
    expect(relativeError(matrix.data, expected)).toBeLessThan(1e-15);
  });

  it("annualises the whole matrix by periodsPerYear (default 365) and leaves δ unchanged", () => {
    const panel = handPanel();
    const daily = ledoitWolf(panel, 1);
    const yearly = ledoitWolf(panel);
    expect(yearly.shrinkage).toBe(daily.shrinkage);
    expect(
      relativeError(
        yearly.matrix.data,
        daily.matrix.data.map((v) => v * 365)
      )
    ).toBeLessThan(1e-15);
  });

  it("gives δ = 0 for one asset, as sklearn", () => {
    // x = [1, 2, 4]: mean 7/3, 1/n variance = (16 + 1 + 25) / 9 / 3 = 14/9.
    const { matrix, shrinkage } = ledoitWolf(panelOf([[1], [2], [4]]), 1);
    expect(shrinkage).toBe(0);
    expect(matrix.data[0]).toBeCloseTo(14 / 9, 14);
  });

  it("matches sklearn.covariance.LedoitWolf on random panels (incl. more assets than rows)", () => {
    const fixture = readFixture("random");
    expect(fixture.header.sklearn).toBe("1.2.1");
    expectShrinkageOracle(ledoitWolf, fixture.cases, "ledoitWolf");
  });

  it("is (1 − δ)·S + δ·μI exactly, with S the 1/n covariance and δ in [0, 1]", () => {
    expectShrinksTowardScaledIdentity(ledoitWolf);
  });

  it("is symmetric and positive definite", () => {
    expectSymmetricPositiveDefinite(ledoitWolf);
  });

  it("is scale equivariant: Σ̂(c·R) = c²·Σ̂(R), same δ", () => {
    fc.assert(
      fc.property(arbitraryPanel(2), fc.double({ min: 0.01, max: 100, noNaN: true }), (panel, c) =>
        expectScaleEquivariant(ledoitWolf, panel, c, 1e-12)
      ),
      { numRuns: 50 }
    );
  });

  it("is invariant to the order of the assets", () => {
    fc.assert(
      fc.property(arbitraryPanel(2), fc.integer({ min: 0, max: 1000 }), (panel, shift) => {
        const order = [...Array(panel.cols).keys()].map((j) => (j + shift) % panel.cols).reverse();
        expectOrderInvariant(ledoitWolf, panel, order, 1e-12);
      }),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS for one row and for too few complete rows", () => {
    expect(coreErrorOf(() => ledoitWolf(panelOf([[0.1, 0.2]]))).code).toBe("TOO_FEW_POINTS");
    const error = coreErrorOf(() =>
      ledoitWolf(
        panelOf([
          [0.1, NaN],
          [0.2, 0.3],
          [NaN, 0.1],
        ])
      )
    );
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toContain("1 of 3 rows");
    expect(error.message).toContain("Ledoit–Wolf covariance needs at least 2");
  });

  it("throws NON_FINITE for an infinite return", () => {
    const error = coreErrorOf(() =>
      ledoitWolf(
        panelOf([
          [0.1, 0.2],
          [-Infinity, 0.1],
          [0.3, 0.1],
        ])
      )
    );
    expect(error.code).toBe("NON_FINITE");
  });

  it("throws ZERO_VARIANCE for a constant column", () => {
    const error = coreErrorOf(() =>
      ledoitWolf(
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
  });

  it("throws INVALID_ARGUMENT for a bad periodsPerYear", () => {
    expect(coreErrorOf(() => ledoitWolf(handPanel(), -365)).code).toBe("INVALID_ARGUMENT");
  });

  it("throws LENGTH_MISMATCH for labels that do not fit", () => {
    expect(coreErrorOf(() => ledoitWolf({ ...handPanel(), labels: [] })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged(ledoitWolf);
  });
});

describeWithSharedData("ledoitWolf on the real data", () => {
  it("matches sklearn on crypto slices (complete rows after late listings)", () => {
    expectShrinkageOracle(ledoitWolf, readFixture("crypto").cases, "ledoitWolf");
  });

  it("matches sklearn on PyPortfolioOpt's stock_prices.csv", () => {
    expectShrinkageOracle(ledoitWolf, readFixture("stocks").cases, "ledoitWolf");
  });
});
