import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { choleskyFactor } from "../../../src/core/linalg/choleskyFactor";

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/optimize/linalg.json"), "utf8")
) as {
  header: Record<string, string>;
  cases: { n: number; matrix: number[]; cholesky: number[] }[];
};

/** A random SPD matrix MMᵀ + δI from integer entries (no subnormals). */
const spdArbitrary = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.array(fc.integer({ min: -100, max: 100 }), { minLength: n * n, maxLength: n * n }).map((m) => {
    const a = new Array<number>(n * n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = i === j ? 1 : 0;
        for (let k = 0; k < n; k++) sum += (m[i * n + k] * m[j * n + k]) / 1e4;
        a[i * n + j] = sum;
      }
    }
    return { n, a };
  })
);

describe("choleskyFactor", () => {
  it("factorises a 2 × 2 matrix (hand-worked)", () => {
    // L11 = √4 = 2; L21 = 2/2 = 1; L22 = √(5 − 1²) = 2.
    expect(Array.from(choleskyFactor([4, 2, 2, 5], 2))).toEqual([2, 0, 1, 2]);
  });

  it(`matches numpy.linalg.cholesky (numpy ${fixture.header.numpy})`, () => {
    expect(fixture.header.script).toBe("scripts/fixtures/optimize.py");
    for (const c of fixture.cases) {
      const L = choleskyFactor(c.matrix, c.n);
      c.cholesky.forEach((v, i) =>
        expect(Math.abs(L[i] - v)).toBeLessThan(1e-12 * (1 + Math.abs(v)))
      );
    }
  });

  it("reconstructs A = L·Lᵀ with a lower-triangular, positive-diagonal L", () => {
    fc.assert(
      fc.property(spdArbitrary, ({ n, a }) => {
        const L = choleskyFactor(a, n);
        for (let i = 0; i < n; i++) {
          expect(L[i * n + i]).toBeGreaterThan(0);
          for (let j = 0; j < n; j++) {
            if (j > i) expect(L[i * n + j]).toBe(0);
            let sum = 0;
            for (let k = 0; k < n; k++) sum += L[i * n + k] * L[j * n + k];
            expect(Math.abs(sum - a[i * n + j])).toBeLessThan(1e-10 * (1 + Math.abs(a[i * n + j])));
          }
        }
      }),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("INVALID_ARGUMENT on a non-positive size", () => {
      expect(() => choleskyFactor([], 0)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("LENGTH_MISMATCH when the matrix is not size × size", () => {
      expect(() => choleskyFactor([1, 2, 3], 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("NON_FINITE on NaN, naming the position", () => {
      expect(() => choleskyFactor([1, 0, NaN, 1], 2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 1, column: 0 })
      );
    });
    it("SINGULAR_MATRIX on singular and indefinite matrices, naming the pivot and the fix", () => {
      expect(() => choleskyFactor([1, 1, 1, 1], 2, "cov", ["BTC", "WBTC"])).toThrow(
        expect.objectContaining({
          code: "SINGULAR_MATRIX",
          label: "WBTC",
          message: expect.stringMatching(
            /cov is not positive definite: pivot 2 \(WBTC\).*ledoitwolf/
          ),
        })
      );
      expect(() => choleskyFactor([1, 2, 2, 1], 2)).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });

  it("leaves its input unchanged", () => {
    const a = Object.freeze([4, 2, 2, 5]);
    choleskyFactor(a, 2);
    expect(a).toEqual([4, 2, 2, 5]);
  });
});
