import fc from "fast-check";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import { volatilitiesFromCovariance } from "../../../src/core/covariance/volatilitiesFromCovariance";
import type { SquareMatrix } from "../../../src/core/types";
import { describeWithSharedData } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  coreErrorOf,
  fixturePanel,
  flat,
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

describe("volatilitiesFromCovariance", () => {
  it("matches the hand-worked 2 × 2 case", () => {
    // √4 = 2, √9 = 3; off-diagonal entries are not read.
    expect(
      Array.from(
        volatilitiesFromCovariance(
          matrixOf([
            [4, 2],
            [2, 9],
          ])
        )
      )
    ).toEqual([2, 3]);
  });

  it("matches np.sqrt(np.diag(cov)) of numpy's covariance on the random fixture", () => {
    for (const c of readFixture("random").cases) {
      const vol = volatilitiesFromCovariance(matrixOf(c.sample));
      expect(
        relativeError(
          vol,
          c.sample.map((row, i) => Math.sqrt(row[i]))
        )
      ).toBeLessThan(1e-15);
    }
  });

  it("scales with √periodsPerYear and is positive", () => {
    fc.assert(
      fc.property(arbitraryPanel(), fc.integer({ min: 1, max: 400 }), (panel, ppy) => {
        const daily = volatilitiesFromCovariance(sampleCovariance(panel, 1));
        const yearly = volatilitiesFromCovariance(sampleCovariance(panel, ppy));
        expect(
          relativeError(
            yearly,
            daily.map((v) => v * Math.sqrt(ppy))
          )
        ).toBeLessThan(1e-14);
        for (const v of daily) expect(v).toBeGreaterThan(0);
      }),
      { numRuns: 50 }
    );
  });

  it("throws ZERO_VARIANCE for a zero variance, naming the asset", () => {
    const error = coreErrorOf(() =>
      volatilitiesFromCovariance(
        matrixOf(
          [
            [0, 0],
            [0, 1],
          ],
          ["USDC", "BTC"]
        )
      )
    );
    expect(error.code).toBe("ZERO_VARIANCE");
    expect(error.message).toContain("asset 1 (USDC) has zero variance");
  });

  it("throws INVALID_ARGUMENT for a negative variance or an empty matrix", () => {
    expect(coreErrorOf(() => volatilitiesFromCovariance(matrixOf([[-4]]))).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(coreErrorOf(() => volatilitiesFromCovariance(matrixOf([]))).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws NON_FINITE for a NaN variance and LENGTH_MISMATCH for a bad shape", () => {
    expect(coreErrorOf(() => volatilitiesFromCovariance(matrixOf([[NaN]]))).code).toBe(
      "NON_FINITE"
    );
    const m = matrixOf([
      [4, 2],
      [2, 9],
    ]);
    expect(coreErrorOf(() => volatilitiesFromCovariance({ ...m, size: 1 })).code).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its input unchanged", () => {
    const m = matrixOf([
      [4, 2],
      [2, 9],
    ]);
    const copy = Float64Array.from(m.data);
    volatilitiesFromCovariance(Object.freeze(m));
    expect(m.data).toEqual(copy);
  });
});

describeWithSharedData("volatilitiesFromCovariance on the real data", () => {
  it("gives annualised crypto volatilities in the expected range (BTC 30–90 %, PAXG lower)", () => {
    const c = readFixture("crypto").cases[1];
    const cov = sampleCovariance(fixturePanel(c), 365);
    const vol = volatilitiesFromCovariance(cov);
    const btc = vol[cov.labels.indexOf("BTC")];
    expect(btc).toBeGreaterThan(0.3);
    expect(btc).toBeLessThan(0.9);
    expect(vol[cov.labels.indexOf("PAXG")]).toBeLessThan(btc);
  });
});
