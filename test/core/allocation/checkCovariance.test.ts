import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { checkCovariance } from "../../../src/core/allocation/checkCovariance";
import { copyMatrix, covArbitrary, squareMatrix } from "./testMatrices";

function smallestEigenvalue(values: number[], n: number): number {
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, values[i * n + j]);
  return Math.min(...new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues);
}

describe("checkCovariance", () => {
  it("accepts a valid matrix and a singular PSD one (hand-worked)", () => {
    // [[1, 1], [1, 1]]: eigenvalues 2 and 0 → PSD, singular. Cholesky pivots 1 and 1 − 1·1 = 0.
    expect(() => checkCovariance(squareMatrix([1, 0.5, 0.5, 1]))).not.toThrow();
    expect(() => checkCovariance(squareMatrix([1, 1, 1, 1]))).not.toThrow();
  });

  it("rejects a matrix whose second pivot is negative (hand-worked)", () => {
    // [[1, 2], [2, 1]]: pivot 2 = 1 − 2² = −3 < 0 (eigenvalues 3, −1).
    expect(() => checkCovariance(squareMatrix([1, 2, 2, 1]))).toThrow(
      expect.objectContaining({ code: "SINGULAR_MATRIX", column: 1 })
    );
  });

  it("agrees with the sign of the smallest eigenvalue from ml-matrix (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: (n * (n - 1)) / 2,
              maxLength: (n * (n - 1)) / 2,
            })
          )
        ),
        ([n, upper]) => {
          const values = new Array<number>(n * n).fill(1);
          let k = 0;
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) values[i * n + j] = values[j * n + i] = upper[k++];
          }
          const lambda = smallestEigenvalue(values, n);
          // Skip the rounding band around 0 where either answer is defensible.
          fc.pre(Math.abs(lambda) > 1e-6);
          const check = () => checkCovariance(squareMatrix(values));
          if (lambda > 0) expect(check).not.toThrow();
          else expect(check).toThrow(expect.objectContaining({ code: "SINGULAR_MATRIX" }));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("accepts every generated covariance (property)", () => {
    fc.assert(
      fc.property(covArbitrary(1, 8), (cov) => {
        expect(() => checkCovariance(cov)).not.toThrow();
      }),
      { numRuns: 50 }
    );
  });

  it("leaves its input unchanged", () => {
    const cov = squareMatrix([1, 0.5, 0.5, 1]);
    const copy = copyMatrix(cov);
    checkCovariance(cov);
    expect(cov).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects a data length that is not size² (INVALID_ARGUMENT)", () => {
      expect(() =>
        checkCovariance({ size: 2, data: new Float64Array(3), labels: ["A", "B"] })
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    });
    it("rejects the wrong number of labels (INVALID_ARGUMENT)", () => {
      expect(() => checkCovariance({ size: 1, data: Float64Array.of(1), labels: [] })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects fewer assets than asked (TOO_FEW_POINTS)", () => {
      expect(() =>
        checkCovariance(squareMatrix([1]), { minSize: 2, purpose: "risk budgeting" })
      ).toThrow(
        expect.objectContaining({
          code: "TOO_FEW_POINTS",
          message: "cov has 1 asset; risk budgeting needs at least 2; add assets",
        })
      );
    });
    it("rejects ±Infinity (NON_FINITE)", () => {
      expect(() => checkCovariance(squareMatrix([1, Infinity, Infinity, 1]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 0, column: 1 })
      );
    });
    it("rejects zero variance unless allowed (ZERO_VARIANCE)", () => {
      expect(() => checkCovariance(squareMatrix([1, 0, 0, 0]))).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE", column: 1 })
      );
      expect(() =>
        checkCovariance(squareMatrix([1, 0, 0, 0]), { allowZeroVariance: true })
      ).not.toThrow();
    });
    it("rejects a negative variance (SINGULAR_MATRIX)", () => {
      expect(() => checkCovariance(squareMatrix([1, 0, 0, -1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX", column: 1 })
      );
    });
    it("rejects an asymmetric matrix (INVALID_ARGUMENT)", () => {
      expect(() => checkCovariance(squareMatrix([1, 0.5, 0.4, 1]))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", row: 0, column: 1 })
      );
    });
    it("rejects a non-PSD matrix with a zero pivot but non-zero remainder (SINGULAR_MATRIX)", () => {
      // [[1,1,0],[1,1,1],[0,1,1]]: pivot 2 is 0 but entry (3,2) is 1: eigenvalue 1 − √2 < 0.
      expect(() => checkCovariance(squareMatrix([1, 1, 0, 1, 1, 1, 0, 1, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });
});
