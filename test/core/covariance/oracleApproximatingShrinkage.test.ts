import fc from "fast-check";
import { oracleApproximatingShrinkage } from "../../../src/core/covariance/oracleApproximatingShrinkage";
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

describe("oracleApproximatingShrinkage", () => {
  it("matches the hand-worked 2 × 3 case (intensity clipped at 1)", () => {
    // S = [[2/3, 7/3], [7/3, 26/3]] (1/n), μ = 14/3, α = ‖S‖²/4 = (4 + 98 + 676)/9/4 = 778/36.
    // num = α + μ² = 778/36 + 784/36 = 1562/36; den = (3 + 1)(α − μ²/2) = 4·(778 − 392)/36 = 1544/36.
    // num/den = 1562/1544 > 1 → δ = 1, Σ̂ = μI = [[14/3, 0], [0, 14/3]].
    const { matrix, shrinkage } = oracleApproximatingShrinkage(handPanel(), 1);
    expect(shrinkage).toBe(1);
    expect(relativeError(matrix.data, [14 / 3, 0, 0, 14 / 3])).toBeLessThan(1e-15);
  });

  it("matches a hand-worked 3 × 4 case below the clip", () => {
    // Columns a = [1, 2, 3, 6], b = [2, 4, 9, 1], c = [0, 1, 0, 3] (means 3, 4, 1).
    // Centred: a = [−2, −1, 0, 3], b = [−2, 0, 5, −3], c = [−1, 0, −1, 2].
    // XᵀX = [[14, −5, 8], [−5, 38, −9], [8, −9, 6]]; S = XᵀX / 4; tr S = 58/4, μ = 58/12 = 4.8333.
    // ‖XᵀX‖² = 196 + 1444 + 36 + 2·(25 + 64 + 81) = 2016, so α = 2016/16/9 = 14.
    // num = α + μ² = 14 + 23.3611 = 37.3611; den = 5·(α − μ²/3) = 5·(14 − 7.7870) = 31.0648.
    // num/den = 1.2027 → clipped to 1 again: OAS shrinks hard on tiny samples.
    const { shrinkage } = oracleApproximatingShrinkage(
      panelOf([
        [1, 2, 0],
        [2, 4, 1],
        [3, 9, 0],
        [6, 1, 3],
      ]),
      1
    );
    expect(shrinkage).toBe(1);
  });

  it("gives δ = 0 and the 1/n variance for one asset, as sklearn", () => {
    const { matrix, shrinkage } = oracleApproximatingShrinkage(panelOf([[1], [2], [4]]), 1);
    expect(shrinkage).toBe(0);
    expect(matrix.data[0]).toBeCloseTo(14 / 9, 14);
  });

  it("matches sklearn.covariance.OAS (1.2 formula) on random panels", () => {
    const fixture = readFixture("random");
    expect(fixture.header.sklearn).toBe("1.2.1");
    expectShrinkageOracle(oracleApproximatingShrinkage, fixture.cases, "oas");
  });

  it("is (1 − δ)·S + δ·μI exactly, with δ in [0, 1]", () => {
    expectShrinksTowardScaledIdentity(oracleApproximatingShrinkage);
  });

  it("is symmetric and positive definite", () => {
    expectSymmetricPositiveDefinite(oracleApproximatingShrinkage);
  });

  it("is scale equivariant and invariant to the order of the assets", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(2),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (panel, c) => {
          expectScaleEquivariant(oracleApproximatingShrinkage, panel, c, 1e-12);
          const order = [...Array(panel.cols).keys()].reverse();
          expectOrderInvariant(oracleApproximatingShrinkage, panel, order, 1e-12, false);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS for one row, saying how many rows remained", () => {
    const error = coreErrorOf(() => oracleApproximatingShrinkage(panelOf([[0.1, 0.2]])));
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toContain("OAS covariance needs at least 2");
  });

  it("throws NON_FINITE for an infinite return", () => {
    expect(
      coreErrorOf(() =>
        oracleApproximatingShrinkage(
          panelOf([
            [0.1, 0.2],
            [Infinity, 0.1],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
  });

  it("throws ZERO_VARIANCE for a constant column", () => {
    expect(
      coreErrorOf(() =>
        oracleApproximatingShrinkage(
          panelOf([
            [0.1, 0],
            [0.2, 0],
            [0.3, 0],
          ])
        )
      ).code
    ).toBe("ZERO_VARIANCE");
  });

  it("throws INVALID_ARGUMENT for a bad periodsPerYear", () => {
    expect(coreErrorOf(() => oracleApproximatingShrinkage(handPanel(), 0)).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws LENGTH_MISMATCH when data does not fit rows × cols", () => {
    expect(coreErrorOf(() => oracleApproximatingShrinkage({ ...handPanel(), cols: 3 })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged(oracleApproximatingShrinkage);
  });
});

describeWithSharedData("oracleApproximatingShrinkage on the real data", () => {
  it("matches sklearn OAS on crypto slices and on PyPortfolioOpt's stock_prices.csv", () => {
    expectShrinkageOracle(oracleApproximatingShrinkage, readFixture("crypto").cases, "oas");
    expectShrinkageOracle(oracleApproximatingShrinkage, readFixture("stocks").cases, "oas");
  });
});
