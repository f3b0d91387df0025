import fc from "fast-check";
import { checkCovariance } from "../../../src/core/optimize/checkCovariance";
import { matrix, readFixture } from "./portfolioTestUtils";

const fixture = readFixture<{ n: number; matrix: number[]; cholesky: number[] }>("linalg");

describe("checkCovariance", () => {
  it("returns the Cholesky factor of a valid covariance (hand-worked)", () => {
    // [[4, 2], [2, 5]] = L·Lᵀ with L = [[2, 0], [1, 2]].
    expect(Array.from(checkCovariance(matrix([4, 2, 2, 5])))).toEqual([2, 0, 1, 2]);
  });

  it(`returns numpy's Cholesky factor (numpy ${fixture.header.numpy})`, () => {
    for (const c of fixture.cases) {
      const L = checkCovariance(matrix(c.matrix));
      c.cholesky.forEach((v, i) =>
        expect(Math.abs(L[i] - v)).toBeLessThan(1e-12 * (1 + Math.abs(v)))
      );
    }
  });

  it("accepts any Gram matrix plus a ridge", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 9, maxLength: 9 }),
        (m) => {
          const a = new Array<number>(9).fill(0);
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              let s = i === j ? 0.1 : 0;
              for (let k = 0; k < 3; k++) s += m[i * 3 + k] * m[j * 3 + k];
              a[i * 3 + j] = s;
            }
          }
          expect(() => checkCovariance(matrix(a))).not.toThrow();
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("INVALID_ARGUMENT for an empty matrix, wrong labels or asymmetry", () => {
      expect(() => checkCovariance({ size: 0, data: new Float64Array(0), labels: [] })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
      expect(() =>
        checkCovariance({ size: 2, data: Float64Array.from([1, 0, 0, 1]), labels: ["A"] })
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
      expect(() => checkCovariance(matrix([1, 0.2, 0.3, 1], ["BTC", "ETH"]))).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "cov is not symmetric at (ETH, BTC); pass a covariance matrix",
        })
      );
    });
    it("LENGTH_MISMATCH for data that is not size × size", () => {
      expect(() =>
        checkCovariance({ size: 2, data: Float64Array.from([1, 0, 1]), labels: ["A", "B"] })
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH" }));
    });
    it("NON_FINITE with the asset", () => {
      expect(() => checkCovariance(matrix([1, 0, 0, NaN], ["BTC", "ETH"]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE", label: "ETH" })
      );
    });
    it("SINGULAR_MATRIX for perfectly correlated assets, naming the asset and the fix", () => {
      expect(() => checkCovariance(matrix([0.04, 0.04, 0.04, 0.04], ["BTC", "WBTC"]))).toThrow(
        expect.objectContaining({
          code: "SINGULAR_MATRIX",
          label: "WBTC",
          message: expect.stringMatching(/shrinkage/),
        })
      );
    });
  });

  it("leaves its input unchanged", () => {
    const data = Float64Array.from([4, 2, 2, 5]);
    checkCovariance({ size: 2, data, labels: Object.freeze(["A", "B"]) });
    expect(Array.from(data)).toEqual([4, 2, 2, 5]);
  });
});
