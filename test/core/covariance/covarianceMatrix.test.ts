import fc from "fast-check";
import { covarianceMatrix } from "../../../src/core/covariance/covarianceMatrix";
import { denoisedCovariance } from "../../../src/core/covariance/denoisedCovariance";
import { ewmaCovariance } from "../../../src/core/covariance/ewmaCovariance";
import { gerberCovariance } from "../../../src/core/covariance/gerberCovariance";
import { ledoitWolf } from "../../../src/core/covariance/ledoitWolf";
import { ledoitWolfConstantCorrelation } from "../../../src/core/covariance/ledoitWolfConstantCorrelation";
import { oracleApproximatingShrinkage } from "../../../src/core/covariance/oracleApproximatingShrinkage";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import { semicovariance } from "../../../src/core/covariance/semicovariance";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  expectInputUnchanged,
  fixturePanel,
  flat,
  handPanel,
  panelOf,
  readFixture,
  relativeError,
} from "./covarianceTestKit";

describe("covarianceMatrix", () => {
  it("dispatches the hand-worked 2 × 3 case to each estimator", () => {
    // Complete rows [1, 2], [2, 4], [3, 9] (row 4 lacks B): sample [[1, 3.5], [3.5, 13]];
    // Ledoit–Wolf δ = 196/579 (see ledoitWolf.test.ts); OAS δ = 1 (Σ̂ = 14/3·I, 1/n variances).
    const panel = panelOf([
      [1, 2],
      [2, 4],
      [3, 9],
      [5, NaN],
    ]);
    const sample = covarianceMatrix(panel, { periodsPerYear: 1 });
    expect(sample.rowsUsed).toBe(3);
    expect(sample.shrinkage).toBeUndefined();
    expect(relativeError(sample.matrix.data, [1, 3.5, 3.5, 13])).toBeLessThan(1e-15);
    const lw = covarianceMatrix(panel, { estimator: "ledoitwolf", periodsPerYear: 1 });
    expect(lw.shrinkage).toBeCloseTo(196 / 579, 15);
    expect(lw.rowsUsed).toBe(3);
    const oas = covarianceMatrix(panel, { estimator: "oas", periodsPerYear: 1 });
    expect(oas.shrinkage).toBe(1);
    expect(relativeError(oas.matrix.data, [14 / 3, 0, 0, 14 / 3])).toBeLessThan(1e-15);
  });

  it("returns exactly what each estimator returns, annualised by 365 by default", () => {
    const panel = panelOf([
      [1, 2, 1],
      [2, 4, 3],
      [3, 9, 2],
      [5, 1, 4],
      [2, 2, 2.5],
    ]);
    expect(covarianceMatrix(panel).matrix.data).toEqual(sampleCovariance(panel).data);
    expect(covarianceMatrix(panel, { estimator: "LedoitWolf" })).toEqual({
      ...ledoitWolf(panel),
      rowsUsed: 5,
    });
    expect(covarianceMatrix(panel, { estimator: " constantCorrelation " })).toEqual({
      ...ledoitWolfConstantCorrelation(panel),
      rowsUsed: 5,
    });
    expect(covarianceMatrix(panel, { estimator: "OAS" })).toEqual({
      ...oracleApproximatingShrinkage(panel),
      rowsUsed: 5,
    });
    expect(covarianceMatrix(panel, { estimator: "ewma", halfLife: 3 })).toEqual({
      matrix: ewmaCovariance(panel, { halfLife: 3 }),
      rowsUsed: 5,
    });
  });

  it("matches the oracles of every estimator on the random fixture", () => {
    for (const c of readFixture("random").cases) {
      const panel = fixturePanel(c);
      const per = { periodsPerYear: 1 };
      const sample = covarianceMatrix(panel, per);
      expect(sample.rowsUsed).toBe(c.rowsUsed);
      expect(relativeError(sample.matrix.data, flat(c.sample))).toBeLessThan(1e-12);
      const lw = covarianceMatrix(panel, { ...per, estimator: "ledoitwolf" });
      expect(relativeError(lw.matrix.data, flat(c.ledoitWolf.matrix))).toBeLessThan(1e-12);
      const oas = covarianceMatrix(panel, { ...per, estimator: "oas" });
      expect(relativeError(oas.matrix.data, flat(c.oas.matrix))).toBeLessThan(1e-12);
      const cc = covarianceMatrix(panel, { ...per, estimator: "constantcorrelation" });
      expect(relativeError(cc.matrix.data, flat(c.constantCorrelation.matrix))).toBeLessThan(1e-12);
      const hl = c.ewma.find((v) => v.halfLife === 10);
      const ewma = covarianceMatrix(panel, { ...per, estimator: "ewma", halfLife: 10 });
      expect(relativeError(ewma.matrix.data, flat(hl?.matrix ?? []))).toBeLessThan(1e-12);
    }
  });

  it("gives symmetric matrices, shrinkage in [0, 1] and the complete-row count for every estimator", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(),
        fc.constantFrom("sample", "ledoitwolf", "constantcorrelation", "oas", "ewma"),
        (panel, estimator) => {
          const result = covarianceMatrix(panel, { estimator });
          expect(asymmetry(result.matrix)).toBe(0);
          expect(result.rowsUsed).toBe(panel.rows);
          if (result.shrinkage !== undefined) {
            expect(result.shrinkage).toBeGreaterThanOrEqual(0);
            expect(result.shrinkage).toBeLessThanOrEqual(1);
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it("treats null options as omitted, as Excel passes them", () => {
    const panel = handPanel();
    const omitted = null as unknown as undefined;
    const result = covarianceMatrix(panel, {
      estimator: omitted,
      periodsPerYear: omitted,
      halfLife: omitted,
    });
    expect(result.matrix.data).toEqual(sampleCovariance(panel, 365).data);
    const ewma = covarianceMatrix(panel, { estimator: "ewma", halfLife: omitted });
    expect(ewma.matrix.data).toEqual(ewmaCovariance(panel, { halfLife: 60 }).data);
  });

  it("throws INVALID_ARGUMENT for an unknown estimator, listing the choices", () => {
    const error = coreErrorOf(() => covarianceMatrix(handPanel(), { estimator: "ledoit" }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toBe(
      'estimator must be "sample", "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" or "semi"; got "ledoit"'
    );
  });

  it("dispatches denoised, detoned, gerber and semi to their estimators, with their options", () => {
    // 12 rows × 3 assets (T > N, as denoising needs), every column crossing ±0.5σ.
    const rows: number[][] = [];
    for (let t = 0; t < 12; t++) {
      rows.push([
        Math.sin(t * 1.3),
        Math.sin(t * 1.3) + 0.5 * Math.cos(t * 2.1),
        Math.cos(t * 0.9),
      ]);
    }
    const panel = panelOf(rows);
    const denoised = denoisedCovariance(panel);
    expect(covarianceMatrix(panel, { estimator: "Denoised" })).toEqual({
      matrix: denoised.matrix,
      rowsUsed: 12,
    });
    expect(covarianceMatrix(panel, { estimator: "detoned", periodsPerYear: 1 })).toEqual({
      matrix: denoisedCovariance(panel, { detone: true, periodsPerYear: 1 }).matrix,
      rowsUsed: 12,
    });
    expect(covarianceMatrix(panel, { estimator: "gerber" })).toEqual({
      matrix: gerberCovariance(panel),
      rowsUsed: 12,
    });
    expect(covarianceMatrix(panel, { estimator: "gerber", threshold: 0.3 })).toEqual({
      matrix: gerberCovariance(panel, { threshold: 0.3 }),
      rowsUsed: 12,
    });
    expect(covarianceMatrix(panel, { estimator: "semi", benchmark: 0.1 })).toEqual({
      matrix: semicovariance(panel, { benchmark: 0.1 }),
      rowsUsed: 12,
    });
    expect(covarianceMatrix(panel, { estimator: "semi" }).matrix).toEqual(semicovariance(panel));
  });

  it("refuses a threshold or benchmark given to an estimator that would ignore it", () => {
    const panel = handPanel();
    const threshold = coreErrorOf(() => covarianceMatrix(panel, { threshold: 0.7 }));
    expect(threshold).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(threshold.message).toBe(
      'threshold applies to the "gerber" estimator only; leave it out for "sample" or choose "gerber"'
    );
    const benchmark = coreErrorOf(() =>
      covarianceMatrix(panel, { estimator: "gerber", benchmark: 0 })
    );
    expect(benchmark.message).toMatch(/^benchmark applies to the "semi" estimator only/);
    expect(
      coreErrorOf(() => covarianceMatrix(panel, { estimator: "gerber", threshold: 1 })).message
    ).toMatch(/^threshold must be a fraction of a standard deviation strictly between 0 and 1/);
  });

  it("passes on denoising's refusal of too few rows (T ≤ N)", () => {
    const error = coreErrorOf(() =>
      covarianceMatrix(
        panelOf([
          [1, 2, 3],
          [2, 1, 4],
          [3, 5, 1],
        ]),
        { estimator: "denoised" }
      )
    );
    expect(error.code).toBe("TOO_FEW_POINTS");
    expect(error.message).toMatch(/denoising needs more observations than assets/);
  });

  it("throws INVALID_ARGUMENT for a bad halfLife, whichever the estimator", () => {
    const panel = handPanel();
    expect(
      coreErrorOf(() => covarianceMatrix(panel, { estimator: "ewma", halfLife: -1 })).code
    ).toBe("INVALID_ARGUMENT");
    expect(coreErrorOf(() => covarianceMatrix(panel, { halfLife: 0 })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(coreErrorOf(() => covarianceMatrix(panel, { periodsPerYear: -1 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("passes on the estimators' errors on bad returns", () => {
    expect(coreErrorOf(() => covarianceMatrix(panelOf([[1, 2]]), { estimator: "oas" })).code).toBe(
      "TOO_FEW_POINTS"
    );
    expect(
      coreErrorOf(() =>
        covarianceMatrix(
          panelOf([
            [1, 2],
            [Infinity, 1],
          ]),
          { estimator: "ewma" }
        )
      ).code
    ).toBe("NON_FINITE");
    expect(
      coreErrorOf(() =>
        covarianceMatrix(
          panelOf([
            [1, 2],
            [1, 3],
            [1, 1],
          ]),
          { estimator: "constantcorrelation" }
        )
      ).code
    ).toBe("ZERO_VARIANCE");
  });

  it("leaves its input unchanged", () => {
    expectInputUnchanged((panel) => {
      for (const estimator of ["sample", "ledoitwolf", "constantcorrelation", "oas", "ewma"]) {
        covarianceMatrix(panel, Object.freeze({ estimator }));
      }
    });
  });
});

describeWithSharedData("covarianceMatrix on the real data", () => {
  it("reports the complete rows left after late listings in the crypto slice", () => {
    const [c] = readFixture("crypto").cases;
    const result = covarianceMatrix(fixturePanel(c), {
      estimator: "ledoitwolf",
      periodsPerYear: 1,
    });
    expect(result.rowsUsed).toBe(c.rowsUsed);
    expect(result.shrinkage).toBeCloseTo(c.ledoitWolf.shrinkage, 10);
  });
});
