import fc from "fast-check";
import { correlationFromCovariance } from "../../../src/core/covariance/correlationFromCovariance";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import type { SquareMatrix } from "../../../src/core/types";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  fixturePanel,
  flat,
  minEigenvalue,
  readFixture,
  relativeError,
} from "./covarianceTestKit";

function matrixOf(rows: number[][], labels?: string[]): SquareMatrix {
  return {
    size: rows.length,
    data: flat(rows),
    labels: labels ?? rows.map((_, i) => `Asset ${i + 1}`),
  };
}

/** numpy np.corrcoef of the complete rows, from the fixture's sample covariance. */
function corrcoef(cov: number[][]): number[] {
  return cov.flatMap((row, i) => row.map((v, j) => v / Math.sqrt(cov[i][i] * cov[j][j])));
}

describe("correlationFromCovariance", () => {
  it("matches the hand-worked 2 × 2 case", () => {
    // σ = [2, 3]; ρ = 2 / (2·3) = 1/3.
    const corr = correlationFromCovariance(
      matrixOf(
        [
          [4, 2],
          [2, 9],
        ],
        ["A", "B"]
      )
    );
    expect(corr.labels).toEqual(["A", "B"]);
    expect(relativeError(corr.data, [1, 1 / 3, 1 / 3, 1])).toBeLessThan(1e-16);
  });

  it("matches cov / outer(σ, σ) (numpy corrcoef) on the random fixture", () => {
    for (const c of readFixture("random").cases) {
      const corr = correlationFromCovariance(matrixOf(c.sample));
      expect(relativeError(corr.data, corrcoef(c.sample))).toBeLessThan(1e-14);
    }
  });

  it("has a unit diagonal, entries in [−1, 1], symmetry and PSD, and ignores annualisation", () => {
    fc.assert(
      fc.property(arbitraryPanel(), (panel) => {
        const corr = correlationFromCovariance(sampleCovariance(panel, 1));
        const yearly = correlationFromCovariance(sampleCovariance(panel, 365));
        expect(relativeError(yearly.data, corr.data)).toBeLessThan(1e-14);
        expect(asymmetry(corr)).toBe(0);
        for (let i = 0; i < corr.size; i++) expect(corr.data[i * corr.size + i]).toBe(1);
        for (const v of corr.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(minEigenvalue(corr)).toBeGreaterThan(-1e-12);
      }),
      { numRuns: 50 }
    );
  });

  it("clamps a rounding overshoot of ±1 and rejects a real one", () => {
    const almost = correlationFromCovariance(
      matrixOf([
        [1, 1 + 1e-15],
        [1 + 1e-15, 1],
      ])
    );
    expect(almost.data[1]).toBe(1);
    const error = coreErrorOf(() =>
      correlationFromCovariance(
        matrixOf([
          [1, 2],
          [2, 1],
        ])
      )
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("not a valid (positive semi-definite) covariance");
  });

  it("throws ZERO_VARIANCE for a zero variance, naming the asset", () => {
    const error = coreErrorOf(() =>
      correlationFromCovariance(
        matrixOf(
          [
            [4, 0],
            [0, 0],
          ],
          ["BTC", "USDT"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toBe(
      "cov: asset 2 (USDT) has zero variance, so its correlation is undefined; remove it or use a longer window"
    );
  });

  it("throws INVALID_ARGUMENT for a negative variance, an asymmetric or an empty matrix", () => {
    expect(coreErrorOf(() => correlationFromCovariance(matrixOf([[-1]]))).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(
      coreErrorOf(() =>
        correlationFromCovariance(
          matrixOf([
            [4, 1],
            [2, 9],
          ])
        )
      ).code
    ).toBe("INVALID_ARGUMENT");
    expect(coreErrorOf(() => correlationFromCovariance(matrixOf([]))).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws NON_FINITE for a NaN or infinite entry", () => {
    expect(
      coreErrorOf(() =>
        correlationFromCovariance(
          matrixOf([
            [4, NaN],
            [NaN, 9],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
    expect(coreErrorOf(() => correlationFromCovariance(matrixOf([[Infinity]]))).code).toBe(
      "NON_FINITE"
    );
  });

  it("throws LENGTH_MISMATCH when data or labels do not fit the size", () => {
    const m = matrixOf([
      [4, 2],
      [2, 9],
    ]);
    expect(coreErrorOf(() => correlationFromCovariance({ ...m, size: 3 })).code).toBe(
      "LENGTH_MISMATCH"
    );
    expect(coreErrorOf(() => correlationFromCovariance({ ...m, labels: ["A"] })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    const m = matrixOf([
      [4, 2],
      [2, 9],
    ]);
    const copy = Float64Array.from(m.data);
    correlationFromCovariance(Object.freeze(m));
    expect(m.data).toEqual(copy);
  });
});

describeWithSharedData("correlationFromCovariance on the real data", () => {
  it("gives the numpy correlations of the crypto slice (BTC–ETH strongly positive)", () => {
    const c = readFixture("crypto").cases[1];
    const corr = correlationFromCovariance(sampleCovariance(fixturePanel(c), 1));
    expect(relativeError(corr.data, corrcoef(c.sample))).toBeLessThan(1e-12);
    expect(corr.data[1]).toBeGreaterThan(0.6);
  });
});
