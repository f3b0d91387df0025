import fc from "fast-check";
import { centredCompleteCases } from "../../../src/core/covariance/centredCompleteCases";
import { crossProduct } from "../../../src/core/covariance/crossProduct";
import { ledoitWolf } from "../../../src/core/covariance/ledoitWolf";
import { ledoitWolfFromGram } from "../../../src/core/covariance/ledoitWolfFromGram";
import { rowNormFourthPowerSum } from "../../../src/core/covariance/rowNormFourthPowerSum";
import { arbitraryPanel, handPanel, readFixture, fixturePanel } from "./covarianceTestKit";

describe("ledoitWolfFromGram", () => {
  it("matches the hand-worked case of ledoitWolf's JSDoc (sklearn: δ = 196/579)", () => {
    // Rows [1, 2], [2, 4], [3, 9] centred: x = (−1, 0, 1), y = (−3, −1, 4); G = [[2, 7], [7, 26]];
    // row norms² 10, 1, 17 → Σ‖x_k‖⁴ = 100 + 1 + 289 = 390.
    const { shrinkage, matrix } = ledoitWolfFromGram(Float64Array.of(2, 7, 7, 26), 3, 2, 390, 1, [
      "A",
      "B",
    ]);
    expect(shrinkage).toBeCloseTo(196 / 579, 14);
    expect(matrix.data[1]).toBeCloseTo(1.5435, 4);
    expect(matrix.labels).toEqual(["A", "B"]);
  });

  it("matches sklearn.covariance.LedoitWolf on the random fixture (1e-12 relative)", () => {
    for (const fixtureCase of readFixture("random").cases) {
      const cases = centredCompleteCases(fixturePanel(fixtureCase), 2, "Ledoit–Wolf");
      const { rows: n, cols: p, data: x } = cases;
      const { shrinkage } = ledoitWolfFromGram(
        crossProduct(x, n, p),
        n,
        p,
        rowNormFourthPowerSum(x, n, p),
        1,
        cases.labels
      );
      expect(Math.abs(shrinkage - fixtureCase.ledoitWolf.shrinkage)).toBeLessThan(1e-12);
    }
  });

  it("gives exactly ledoitWolf's doubles from the same cross-product (random panels)", () => {
    fc.assert(
      fc.property(arbitraryPanel(1, 3), (panel) => {
        let expected;
        try {
          expected = ledoitWolf(panel, 365);
        } catch {
          return true; // an invalid panel: ledoitWolf refuses before any cross-product
        }
        const { rows: n, cols: p, data: x, labels } = centredCompleteCases(panel, 2, "Ledoit–Wolf");
        const got = ledoitWolfFromGram(
          crossProduct(x, n, p),
          n,
          p,
          rowNormFourthPowerSum(x, n, p),
          365,
          labels
        );
        return (
          Object.is(got.shrinkage, expected.shrinkage) &&
          got.matrix.data.every((v, k) => Object.is(v, expected.matrix.data[k]))
        );
      })
    );
  });

  it("gives δ = 0 for one asset", () => {
    const {
      rows: n,
      cols: p,
      data: x,
    } = centredCompleteCases(
      { ...handPanel(), cols: 1, data: handPanel().data.slice(0, 3), labels: ["A"] },
      2,
      "Ledoit–Wolf"
    );
    expect(
      ledoitWolfFromGram(crossProduct(x, n, p), n, p, rowNormFourthPowerSum(x, n, p), 1, ["A"])
        .shrinkage
    ).toBe(0);
  });
});
