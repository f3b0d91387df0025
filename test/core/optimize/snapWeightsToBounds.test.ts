import fc from "fast-check";
import { snapWeightsToBounds } from "../../../src/core/optimize/snapWeightsToBounds";

describe("snapWeightsToBounds", () => {
  it("puts residue exactly on the bounds and keeps the sum (hand-worked)", () => {
    // 4.8e-16 → 0 (lower) and 0.5000000000000002 → 0.5 (upper); the freed −2e-16 + 4.8e-16 goes
    // to the only free weight, 0.4999999999999998 + 2.8e-16 ≈ 0.5 − 0 (sum stays 1 to rounding).
    const w = snapWeightsToBounds(
      [4.8e-16, 0.4999999999999998, 0.5000000000000002],
      [0, 0, 0],
      [1, 1, 0.5]
    );
    expect(w[0]).toBe(0);
    expect(w[2]).toBe(0.5);
    expect(Math.abs(w[0] + w[1] + w[2] - 1)).toBeLessThan(1e-15);
  });

  it("moves nothing by more than 1e-12 and keeps the sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 10, maxLength: 10 }),
        (raw, noise) => {
          const total = raw.reduce((s, v) => s + v, 0) || 1;
          const exact = raw.map((v) => v / total);
          const noisy = exact.map((v, i) => v + noise[i] * 1e-16);
          const lower = exact.map(() => 0);
          const upper = exact.map(() => 1);
          const w = snapWeightsToBounds(noisy, lower, upper);
          w.forEach((v, i) => {
            expect(Math.abs(v - noisy[i])).toBeLessThanOrEqual(1e-12);
            expect(v).toBeGreaterThanOrEqual(0);
          });
          expect(
            Math.abs(w.reduce((s, v) => s + v, 0) - noisy.reduce((s, v) => s + v, 0))
          ).toBeLessThan(1e-14);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("leaves weights away from the bounds unchanged", () => {
    expect(Array.from(snapWeightsToBounds([0.25, 0.75], [0, 0], [1, 1]))).toEqual([0.25, 0.75]);
  });

  it("leaves its inputs unchanged", () => {
    const w = Object.freeze([1e-17, 1]);
    snapWeightsToBounds(w, Object.freeze([0, 0]), Object.freeze([1, 1]));
    expect(w).toEqual([1e-17, 1]);
  });
});
