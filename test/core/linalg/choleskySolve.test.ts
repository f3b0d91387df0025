import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { choleskyFactor } from "../../../src/core/linalg/choleskyFactor";
import { choleskySolve } from "../../../src/core/linalg/choleskySolve";

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/optimize/linalg.json"), "utf8")
) as {
  header: Record<string, string>;
  cases: { n: number; matrix: number[]; b: number[]; solve: number[] }[];
};

describe("choleskySolve", () => {
  it("solves a 2 × 2 system (hand-worked)", () => {
    // L = [[2, 0], [1, 2]]. L·y = (6, 7): y1 = 3, y2 = (7 − 3)/2 = 2.
    // Lᵀ·x = y: x2 = 2/2 = 1, x1 = (3 − 1·1)/2 = 1.
    expect(Array.from(choleskySolve(choleskyFactor([4, 2, 2, 5], 2), [6, 7]))).toEqual([1, 1]);
  });

  it(`matches numpy.linalg.solve (numpy ${fixture.header.numpy})`, () => {
    for (const c of fixture.cases) {
      const x = choleskySolve(choleskyFactor(c.matrix, c.n), c.b);
      c.solve.forEach((v, i) => expect(Math.abs(x[i] - v)).toBeLessThan(1e-10 * (1 + Math.abs(v))));
    }
  });

  it("returns x with A·x = b", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            m: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n * n, maxLength: n * n }),
            b: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
          })
        ),
        ({ n, m, b }) => {
          const a = new Array<number>(n * n).fill(0);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let sum = i === j ? 1 : 0;
              for (let k = 0; k < n; k++) sum += (m[i * n + k] * m[j * n + k]) / 100;
              a[i * n + j] = sum;
            }
          }
          const x = choleskySolve(choleskyFactor(a, n), b);
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j < n; j++) sum += a[i * n + j] * x[j];
            expect(Math.abs(sum - b[i])).toBeLessThan(1e-8 * (1 + Math.abs(b[i])));
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("LENGTH_MISMATCH when b does not fit the factor", () => {
      expect(() => choleskySolve([2, 0, 1, 2], [1])).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("NON_FINITE on NaN in b", () => {
      expect(() => choleskySolve([2, 0, 1, 2], [1, NaN])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 1 })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const L = Object.freeze([2, 0, 1, 2]);
    const b = Object.freeze([6, 7]);
    choleskySolve(L, b);
    expect([L, b]).toEqual([
      [2, 0, 1, 2],
      [6, 7],
    ]);
  });
});
