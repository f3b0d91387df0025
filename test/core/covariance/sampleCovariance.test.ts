import fc from "fast-check";
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
} from "./covarianceTestKit";

/** numpy and we sum in different orders: measured agreement ≤ 1e−15 of the largest entry; 1e−12 leaves room. */
const ORACLE_TOLERANCE = 1e-12;

describe("sampleCovariance", () => {
  it("matches the hand-worked 2 × 3 case", () => {
    // Columns a = [1, 2, 3], b = [2, 4, 9]; means 2 and 5; centred a = [−1, 0, 1], b = [−3, −1, 4].
    // var a = (1 + 0 + 1) / 2 = 1; cov = (3 + 0 + 4) / 2 = 3.5; var b = (9 + 1 + 16) / 2 = 13.
    const cov = sampleCovariance(
      panelOf(
        [
          [1, 2],
          [2, 4],
          [3, 9],
        ],
        ["A", "B"]
      ),
      1
    );
    expect(cov.size).toBe(2);
    expect(cov.labels).toEqual(["A", "B"]);
    expect(relativeError(cov.data, [1, 3.5, 3.5, 13])).toBeLessThan(1e-15);
  });

  it("annualises by 365 by default and by periodsPerYear when given", () => {
    const panel = handPanel();
    expect(relativeError(sampleCovariance(panel).data, [365, 1277.5, 1277.5, 4745])).toBeLessThan(
      1e-15
    );
    expect(sampleCovariance(panel, 252).data[0]).toBeCloseTo(252, 12);
    expect(sampleCovariance(panel, { periodsPerYear: 252 })).toEqual(sampleCovariance(panel, 252));
  });

  it("uses only the rows where every asset has a return", () => {
    // Row 1 lacks B, row 4 lacks A: the complete rows are the hand-worked case above.
    const cov = sampleCovariance(
      panelOf([
        [7, NaN],
        [1, 2],
        [2, 4],
        [3, 9],
        [NaN, 5],
      ]),
      1
    );
    expect(relativeError(cov.data, [1, 3.5, 3.5, 13])).toBeLessThan(1e-15);
  });

  it("matches numpy.cov(ddof=1) on random panels", () => {
    const fixture = readFixture("random");
    expect(fixture.header.generator).toBe("scripts/fixtures/covariance.py");
    for (const c of fixture.cases) {
      const cov = sampleCovariance(fixturePanel(c), 1);
      expect(relativeError(cov.data, flat(c.sample))).toBeLessThan(ORACLE_TOLERANCE);
    }
  });

  it("is symmetric and positive semi-definite", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const cov = sampleCovariance(panel, 1);
        expect(asymmetry(cov)).toBe(0);
        expect(minEigenvalue(cov)).toBeGreaterThan(-1e-12 * cov.data[0] * cov.size);
      }),
      { numRuns: 50 }
    );
  });

  it("is scale equivariant: cov(c·R) = c²·cov(R)", () => {
    fc.assert(
      fc.property(arbitraryPanel(), fc.double({ min: 0.01, max: 100, noNaN: true }), (panel, c) => {
        const base = sampleCovariance(panel, 1);
        const scaled = sampleCovariance(scalePanel(panel, c), 1);
        expect(
          relativeError(
            scaled.data,
            base.data.map((v) => v * c * c)
          )
        ).toBeLessThan(1e-12);
      }),
      { numRuns: 50 }
    );
  });

  it("is invariant to the order of the assets", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(2).chain((panel) =>
          fc.tuple(
            fc.constant(panel),
            fc.shuffledSubarray([...Array(panel.cols).keys()], {
              minLength: panel.cols,
              maxLength: panel.cols,
            })
          )
        ),
        ([panel, order]) => {
          const base = sampleCovariance(panel, 1);
          const permuted = sampleCovariance(permuteColumns(panel, order), 1);
          expect(relativeError(permuted.data, permuteMatrix(base, order))).toBeLessThan(1e-13);
          expect(permuted.labels).toEqual(order.map((j) => panel.labels[j]));
        }
      ),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS for one row, saying how many rows remained", () => {
    const error = coreErrorOf(() => sampleCovariance(panelOf([[0.1, 0.2]])));
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toContain("1 of 1 rows");
    expect(error.message).toContain("at least 2");
  });

  it("throws TOO_FEW_POINTS when missing values leave fewer than 2 complete rows", () => {
    const error = coreErrorOf(() =>
      sampleCovariance(
        panelOf([
          [0.1, NaN],
          [0.2, NaN],
          [0.3, 0.1],
          [NaN, 0.2],
        ])
      )
    );
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toContain("1 of 4 rows");
  });

  it("throws NON_FINITE for an infinite return, naming its place", () => {
    const error = coreErrorOf(() =>
      sampleCovariance(
        panelOf(
          [
            [0.1, 0.2],
            [0.2, Infinity],
            [0.3, 0.1],
          ],
          ["BTC", "ETH"]
        )
      )
    );
    expect(error.code).toBe("NON_FINITE");
    expect(error.message).toBe(
      "returns: column 2 (ETH), row 2 is Infinity; returns must be finite numbers"
    );
  });

  it("throws ZERO_VARIANCE for a constant column, naming its label", () => {
    const error = coreErrorOf(() =>
      sampleCovariance(
        panelOf(
          [
            [0.1, 0.2],
            [0.2, 0.2],
            [0.3, 0.2],
          ],
          ["BTC", "SOL"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("column 2 (SOL) has zero variance");
  });

  it("throws INVALID_ARGUMENT for a panel without columns and for a bad periodsPerYear", () => {
    expect(coreErrorOf(() => sampleCovariance(panelOf([]))).code).toBe("INVALID_ARGUMENT");
    const panel = handPanel();
    for (const bad of [0, -1, NaN, Infinity]) {
      expect(coreErrorOf(() => sampleCovariance(panel, bad)).code).toBe("INVALID_ARGUMENT");
    }
  });

  it("throws LENGTH_MISMATCH when data or labels do not fit rows × cols", () => {
    const panel = handPanel();
    expect(coreErrorOf(() => sampleCovariance({ ...panel, rows: 4 })).code).toBe("LENGTH_MISMATCH");
    expect(coreErrorOf(() => sampleCovariance({ ...panel, labels: ["A"] })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => sampleCovariance(panel, 365));
  });
});

describeWithSharedData("sampleCovariance on the real data", () => {
  it("matches numpy.cov(ddof=1) on crypto slices with late listings", () => {
    for (const c of readFixture("crypto").cases) {
      const panel = fixturePanel(c);
      const cov = sampleCovariance(panel, 1);
      expect(cov.labels).toEqual(c.symbols);
      expect(relativeError(cov.data, flat(c.sample))).toBeLessThan(ORACLE_TOLERANCE);
    }
  });

  it("matches numpy.cov(ddof=1) on PyPortfolioOpt's stock_prices.csv", () => {
    const [c] = readFixture("stocks").cases;
    const cov = sampleCovariance(fixturePanel(c), 1);
    expect(relativeError(cov.data, flat(c.sample))).toBeLessThan(ORACLE_TOLERANCE);
  });
});
