import fc from "fast-check";
import { checkCovarianceEntries } from "../../../src/core/bayesian/checkCovarianceEntries";
import { matrix, problemArbitrary } from "./bayesianTestUtils";

describe("checkCovarianceEntries", () => {
  it("accepts a symmetric matrix with non-negative variances, even a singular one (hand-worked)", () => {
    // [[1, 1], [1, 1]] is PSD but singular: definiteness is the posterior's check, not this one's.
    expect(checkCovarianceEntries(matrix([1, 1, 1, 1]))).toBeUndefined();
  });
  it("accepts every random covariance", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ cov }) => {
        expect(() => checkCovarianceEntries(cov)).not.toThrow();
      }),
      { numRuns: 50 }
    );
  });
  describe("throws", () => {
    it("INVALID_ARGUMENT for an empty or asymmetric matrix or wrong labels", () => {
      expect(() =>
        checkCovarianceEntries({ size: 0, data: new Float64Array(0), labels: [] })
      ).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "cov is empty; pass at least one asset",
        })
      );
      expect(() => checkCovarianceEntries(matrix([1, 0.5, 0.4, 1]))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "cov" })
      );
      expect(() => checkCovarianceEntries(matrix([1, 0, 0, 1], ["A"]))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("LENGTH_MISMATCH, NON_FINITE and SINGULAR_MATRIX (negative variance)", () => {
      expect(() =>
        checkCovarianceEntries({ size: 2, data: new Float64Array(3), labels: ["A", "B"] })
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH" }));
      expect(() => checkCovarianceEntries(matrix([1, NaN, NaN, 1]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() => checkCovarianceEntries(matrix([-1, 0, 0, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX", label: "A1" })
      );
    });
  });
  it("leaves its input unchanged", () => {
    const cov = matrix([1, 0.5, 0.5, 1]);
    checkCovarianceEntries(cov);
    expect(Array.from(cov.data)).toEqual([1, 0.5, 0.5, 1]);
  });
});
