import fc from "fast-check";
import { isPositiveSemidefinite } from "../../../src/core/correlation/isPositiveSemidefinite";
import { nearestCorrelationMatrix } from "../../../src/core/correlation/nearestCorrelationMatrix";
import { pearsonCorrelationMatrix } from "../../../src/core/correlation/pearsonCorrelationMatrix";
import {
  arbitraryPanel,
  at,
  expectMatrixClose,
  loadFixture,
  matrixOf,
  minEigenvalue,
} from "./correlationTestKit";

function frobenius(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) ** 2;
  return Math.sqrt(s);
}

describe("nearestCorrelationMatrix", () => {
  it("repairs a hand-checkable 2×2 case", () => {
    // [[1, 2], [2, 1]] has eigenvalues 3 and −1; the nearest correlation matrix is [[1, 1], [1, 1]]
    // (the off-diagonal clipped to the bound: the projection of 2 onto [−1, 1]).
    const m = nearestCorrelationMatrix(
      matrixOf([
        [1, 2],
        [2, 1],
      ])
    );
    expect(at(m, 0, 1)).toBeCloseTo(1, 8);
    expect(at(m, 0, 0)).toBe(1);
  });

  it("reproduces Higham (2002): the tridiagonal 4×4 and the 3×3 example (numpy fixture, 1e-8)", () => {
    const fx = loadFixture("nearest.json");
    for (const c of fx.cases) {
      const got = nearestCorrelationMatrix(matrixOf(c.input));
      expectMatrixClose(got, c.nearest, 1e-8);
    }
    // The published 4-decimal entries (Higham 2002, §4): 0.7607 and 0.1573 for the 3×3.
    const three = nearestCorrelationMatrix(matrixOf(fx.cases[1].input));
    expect(at(three, 0, 1)).toBeCloseTo(0.7607, 4);
    expect(at(three, 0, 2)).toBeCloseTo(0.1573, 4);
  });

  it("returns a symmetric, unit-diagonal, PSD matrix no farther from the input than the identity", () => {
    const fx = loadFixture("nearest.json");
    for (const c of fx.cases) {
      const input = matrixOf(c.input);
      const got = nearestCorrelationMatrix(input);
      for (let i = 0; i < got.size; i++) {
        expect(at(got, i, i)).toBe(1);
        for (let j = 0; j < got.size; j++) expect(at(got, i, j)).toBe(at(got, j, i));
      }
      expect(minEigenvalue(got)).toBeGreaterThan(-1e-12);
      expect(isPositiveSemidefinite(got, 1e-12)).toBe(true);
      // Optimality check: the identity is also a correlation matrix, and must not be nearer.
      const identity = matrixOf(
        Array.from({ length: got.size }, (_, i) =>
          Array.from({ length: got.size }, (_, j) => (i === j ? 1 : 0))
        )
      );
      expect(frobenius(got.data, input.data)).toBeLessThanOrEqual(
        frobenius(identity.data, input.data) + 1e-12
      );
    }
  });

  it("is idempotent on a valid correlation matrix (property)", () => {
    fc.assert(
      fc.property(arbitraryPanel(5, 30), ({ panel }) => {
        const c = pearsonCorrelationMatrix(panel);
        const repaired = nearestCorrelationMatrix(c);
        if (minEigenvalue(c) > 1e-10) {
          for (let k = 0; k < c.data.length; k++)
            expect(repaired.data[k]).toBeCloseTo(c.data[k], 9);
        }
        expect(
          nearestCorrelationMatrix(repaired).data.every(
            (v, k) => Math.abs(v - repaired.data[k]) < 1e-9
          )
        ).toBe(true);
      }),
      { numRuns: 30 }
    );
  });

  it("makes any symmetric matrix with entries in [−1, 1] PSD (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 15, maxLength: 15 }),
        (n, entries) => {
          const rows = Array.from({ length: n }, () => new Array<number>(n).fill(1));
          let k = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) rows[i][j] = rows[j][i] = entries[k++];
          const got = nearestCorrelationMatrix(matrixOf(rows));
          expect(minEigenvalue(got)).toBeGreaterThan(-1e-10);
          for (let i = 0; i < n; i++) expect(at(got, i, i)).toBe(1);
        }
      ),
      { numRuns: 40 }
    );
  });

  it("maps a 1×1 matrix, even a negative one, to [[1]]", () => {
    expect(Array.from(nearestCorrelationMatrix(matrixOf([[-2]])).data)).toEqual([1]);
    expect(Array.from(nearestCorrelationMatrix(matrixOf([[5]])).data)).toEqual([1]);
  });

  it("throws NOT_CONVERGED when the iteration budget is too small", () => {
    const fx = loadFixture("nearest.json");
    expect(() =>
      nearestCorrelationMatrix(matrixOf(fx.cases[0].input), { maxIterations: 2 })
    ).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
  });

  it("throws INVALID_ARGUMENT (asymmetric, bad options, not square) and NON_FINITE", () => {
    expect(() =>
      nearestCorrelationMatrix(
        matrixOf([
          [1, 0.5],
          [0.4, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => nearestCorrelationMatrix(matrixOf([[1]]), { tolerance: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => nearestCorrelationMatrix(matrixOf([[1]]), { maxIterations: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() =>
      nearestCorrelationMatrix({ size: 2, data: Float64Array.of(1, 0, 1), labels: ["A", "B"] })
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() =>
      nearestCorrelationMatrix(
        matrixOf([
          [1, NaN],
          [NaN, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
  });

  it("names an entry far outside [−1, 1] (a typo) instead of overflowing the eigen-decomposition", () => {
    // 1e308 once crashed inside the eigen-decomposition; 85 (for 0.85) is still repaired.
    const huge = matrixOf([
      [1, 0.1, 0.2],
      [0.1, 1e308, 0.3],
      [0.2, 0.3, 1],
    ]);
    expect(() => nearestCorrelationMatrix(huge)).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringMatching(
          /row 2 \(.*\), column 2 \(.*\) is 1e\+308; a correlation lies/
        ),
      })
    );
    const typo = nearestCorrelationMatrix(
      matrixOf([
        [1, 85],
        [85, 1],
      ])
    );
    expect(Array.from(typo.data)).toEqual([1, 1, 1, 1]);
  });

  it("leaves its input unchanged and keeps the labels", () => {
    const input = matrixOf(
      [
        [2, -1, 0],
        [-1, 2, -1],
        [0, -1, 2],
      ],
      ["BTC", "ETH", "SOL"]
    );
    const before = Array.from(input.data);
    const got = nearestCorrelationMatrix(Object.freeze(input));
    expect(Array.from(input.data)).toEqual(before);
    expect(got.labels).toEqual(["BTC", "ETH", "SOL"]);
  });
});
