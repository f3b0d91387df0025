import fc from "fast-check";
import { checkSymmetricMatrix } from "../../../src/core/linalg/checkSymmetricMatrix";
import type { SquareMatrix } from "../../../src/core/types";

function matrix(values: number[], labels?: string[]): SquareMatrix {
  const size = Math.round(Math.sqrt(values.length));
  return {
    size,
    data: Float64Array.from(values),
    labels: labels ?? Array.from({ length: size }, (_, i) => `A${i + 1}`),
  };
}

describe("checkSymmetricMatrix", () => {
  it("returns the largest variance of a valid matrix (hand-worked)", () => {
    // [[4, 2], [2, 9]]: labelled, finite, symmetric, variances 4 and 9 → 9.
    expect(checkSymmetricMatrix(matrix([4, 2, 2, 9]))).toBe(9);
    expect(checkSymmetricMatrix(matrix([]))).toBe(0);
  });

  it("measures asymmetry against the pair or against the largest entry", () => {
    // Σ_23 = 1e-6 vs Σ_32 = 1e-6 + 1e-15: the gap 1e-15 is 1e-9 of √(Σ_22 Σ_33) = 1e-6 (too much)
    // but 1e-15 of the largest entry 1 (rounding).
    const m = matrix([1, 0, 0, 0, 1e-12, 1e-6, 0, 1e-6 + 1e-15, 1]);
    expect(() => checkSymmetricMatrix(m)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", row: 1, column: 2 })
    );
    expect(checkSymmetricMatrix(m, { symmetryScale: "largest" })).toBe(1);
  });

  it("accepts every finite symmetric matrix with a positive diagonal (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            })
          )
        ),
        ([n, raw]) => {
          const values = raw.map((v, k) => {
            const i = Math.floor(k / n);
            const j = k % n;
            if (i === j) return 1 + Math.abs(v);
            return i < j ? v : raw[j * n + i];
          });
          expect(checkSymmetricMatrix(matrix(values))).toBe(
            Math.max(...values.filter((_, k) => k % (n + 1) === 0))
          );
        }
      ),
      { numRuns: 100 }
    );
  });

  it("leaves its input unchanged", () => {
    const data = Float64Array.from([4, 2, 2, 9]);
    checkSymmetricMatrix({ size: 2, data, labels: Object.freeze(["A", "B"]) });
    expect(Array.from(data)).toEqual([4, 2, 2, 9]);
  });

  describe("throws", () => {
    it("INVALID_ARGUMENT for labels that do not match the size", () => {
      expect(() => checkSymmetricMatrix(matrix([1, 0, 0, 1], ["A"]))).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "cov has 2 assets but 1 labels; give one label per asset",
        })
      );
    });
    it("NON_FINITE with the row, column and column label", () => {
      expect(() =>
        checkSymmetricMatrix(matrix([1, Infinity, Infinity, 1], ["BTC", "ETH"]), {
          argument: "sigma",
        })
      ).toThrow(
        expect.objectContaining({
          code: "NON_FINITE",
          argument: "sigma",
          row: 0,
          column: 1,
          label: "ETH",
          message: "sigma: row 1, column 2 (ETH) is Infinity; every entry must be a finite number",
        })
      );
    });
    it("SINGULAR_MATRIX for a negative variance unless unchecked", () => {
      const m = matrix([1, 0, 0, -1]);
      expect(() => checkSymmetricMatrix(m, { variances: "nonnegative" })).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX", column: 1 })
      );
      expect(checkSymmetricMatrix(m, { variances: "unchecked" })).toBe(1);
    });
    it("ZERO_VARIANCE for a zero variance only under the default policy", () => {
      const m = matrix([1, 0, 0, 0], ["BTC", "USDT"]);
      expect(() => checkSymmetricMatrix(m)).toThrow(
        expect.objectContaining({
          code: "ZERO_VARIANCE",
          label: "USDT",
          message: "cov: column 2 (USDT) has zero variance; remove it or use a longer window",
        })
      );
      expect(checkSymmetricMatrix(m, { variances: "nonnegative" })).toBe(1);
    });
    it("INVALID_ARGUMENT for an asymmetric matrix, naming the pair", () => {
      expect(() => checkSymmetricMatrix(matrix([1, 0.2, 0.3, 1], ["BTC", "ETH"]))).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          row: 0,
          column: 1,
          message: "cov is not symmetric at (ETH, BTC); pass a covariance matrix",
        })
      );
    });
  });
});
