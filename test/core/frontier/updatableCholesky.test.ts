import fc from "fast-check";
import { Matrix, solve } from "ml-matrix";
import { UpdatableCholesky } from "../../../src/core/frontier/updatableCholesky";

describe("UpdatableCholesky", () => {
  it("solves a 2×2 system by hand", () => {
    // Σ = [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]; Σ·(1, 1) = (6, 5).
    const chol = new UpdatableCholesky(new Float64Array([4, 2, 2, 3]), 2);
    expect(chol.append(0, 1e-10)).toBe(true);
    expect(chol.append(1, 1e-10)).toBe(true);
    const x = new Float64Array(2);
    chol.solve(new Float64Array([6, 5]), x);
    expect(x[0]).toBeCloseTo(1, 15);
    expect(x[1]).toBeCloseTo(1, 15);
    // Removing asset 0 leaves Σ_11 = 3: 3·x = 6 ⇒ x = 2.
    chol.remove(0);
    expect(chol.size).toBe(1);
    expect(chol.members[0]).toBe(1);
    chol.solve(new Float64Array([6]), x);
    expect(x[0]).toBeCloseTo(2, 15);
  });

  it("refuses an asset that duplicates one already in the factor", () => {
    const cov = new Float64Array([0.04, 0.04, 0.04, 0.04]);
    const chol = new UpdatableCholesky(cov, 2);
    expect(chol.append(0, 1e-10)).toBe(true);
    expect(chol.append(1, 1e-10)).toBe(false);
    expect(chol.size).toBe(1);
  });

  it("matches a fresh solve after any sequence of appends and removals (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            a: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            }),
            ops: fc.array(fc.integer({ min: 0, max: 2 * n - 1 }), { maxLength: 30 }),
            rhs: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: n,
              maxLength: n,
            }),
          })
        ),
        ({ n, a, ops, rhs }) => {
          const cov = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let s = i === j ? 0.1 : 0;
              for (let k = 0; k < n; k++) s += a[i * n + k] * a[j * n + k];
              cov[i * n + j] = s;
            }
          for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) cov[i * n + j] = cov[j * n + i];
          const before = Array.from(cov);
          const chol = new UpdatableCholesky(cov, n);
          for (const op of ops) {
            const asset = op % n;
            const position = chol.positionOf(asset);
            if (op < n && position < 0) expect(chol.append(asset, 1e-10)).toBe(true);
            else if (op >= n && position >= 0) chol.remove(position);
          }
          const members = Array.from(chol.members.subarray(0, chol.size));
          if (members.length === 0) return;
          const x = new Float64Array(n);
          chol.solve(Float64Array.from(rhs), x);
          const sub = new Matrix(members.map((i) => members.map((j) => cov[i * n + j])));
          const expected = solve(
            sub,
            Matrix.columnVector(rhs.slice(0, members.length))
          ).to1DArray();
          expected.forEach((value, p) => expect(x[p]).toBeCloseTo(value, 8));
          expect(Array.from(cov)).toEqual(before);
        }
      ),
      { numRuns: 100 }
    );
  });
});
