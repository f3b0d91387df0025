import fc from "fast-check";
import { portfolioConstraintRows } from "../../../src/core/optimize/portfolioConstraintRows";

const labels = ["BTC", "ETH", "SOL"];

describe("portfolioConstraintRows", () => {
  it("writes bounds and groups as rows A·w ≥ b (hand-worked)", () => {
    // 3 lower rows (w_i ≥ 0), 3 upper rows (−w_i ≥ −0.5), the floor (w1 + w2 ≥ 0.2) and the cap
    // (−w1 − w2 ≥ −0.6): 8 rows of 3.
    const rows = portfolioConstraintRows(
      { upper: 0.5, groups: [{ name: "Alts", members: [1, 2], min: 0.2, max: 0.6 }] },
      3,
      labels
    );
    expect(rows.names).toEqual([
      "asset BTC: min 0",
      "asset ETH: min 0",
      "asset SOL: min 0",
      "asset BTC: max 0.5",
      "asset ETH: max 0.5",
      "asset SOL: max 0.5",
      "group Alts: floor 0.2",
      "group Alts: cap 0.6",
    ]);
    expect(Array.from(rows.bineq)).toEqual([0, 0, 0, -0.5, -0.5, -0.5, 0.2, -0.6]);
    expect(Array.from(rows.Aineq.subarray(18, 24))).toEqual([0, 1, 1, -0, -1, -1]);
  });

  it("leaves out upper bounds of 1 or more (implied by w ≥ 0, Σw = 1)", () => {
    const rows = portfolioConstraintRows({ upper: [1, 0.4, 2] }, 3, labels);
    expect(rows.names).toEqual([
      "asset BTC: min 0",
      "asset ETH: min 0",
      "asset SOL: min 0",
      "asset ETH: max 0.4",
    ]);
  });

  it("is satisfied by w exactly when w meets the bounds and groups", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, capPercent) => {
          const total = raw.reduce((s, v) => s + v, 0) || 1;
          const w = raw.map((v) => v / total);
          const cap = capPercent / 100;
          const rows = portfolioConstraintRows(
            { upper: 0.6, groups: [{ name: "G", members: [0, 2], max: cap }] },
            3,
            labels
          );
          let ok = true;
          for (let r = 0; r < rows.bineq.length; r++) {
            const ax = w.reduce((s, v, j) => s + v * rows.Aineq[r * 3 + j], 0);
            if (ax < rows.bineq[r] - 1e-12) ok = false;
          }
          const direct = w.every((v) => v <= 0.6 + 1e-12) && w[0] + w[2] <= cap + 1e-12;
          expect(ok).toBe(direct);
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("INVALID_ARGUMENT for a negative lower bound (long-only)", () => {
      expect(() => portfolioConstraintRows({ lower: [0, -0.1, 0] }, 3, labels)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          label: "ETH",
          message: expect.stringMatching(/long-only/),
        })
      );
    });
    it("INVALID_ARGUMENT for malformed groups", () => {
      for (const group of [
        { name: "Empty", members: [], max: 0.3 },
        { name: "NoLimit", members: [0] },
        { name: "Twice", members: [0, 0], max: 0.3 },
        { name: "Outside", members: [3], max: 0.3 },
        { name: "Fraction", members: [0.5], max: 0.3 },
      ]) {
        expect(() => portfolioConstraintRows({ groups: [group] }, 3, labels)).toThrow(
          expect.objectContaining({
            code: "INVALID_ARGUMENT",
            message: expect.stringContaining(group.name),
          })
        );
      }
    });
    it("LENGTH_MISMATCH for a bound array of the wrong length", () => {
      expect(() => portfolioConstraintRows({ upper: [0.5, 0.5] }, 3, labels)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("NON_FINITE for NaN bounds or group limits", () => {
      expect(() => portfolioConstraintRows({ lower: [0, NaN, 0] }, 3, labels)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", label: "ETH" })
      );
      expect(() =>
        portfolioConstraintRows({ groups: [{ name: "G", members: [0], min: Infinity }] }, 3, labels)
      ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
    });
  });

  it("leaves its inputs unchanged", () => {
    const c = Object.freeze({
      upper: Object.freeze([0.5, 0.5, 0.5]),
      groups: Object.freeze([
        Object.freeze({ name: "G", members: Object.freeze([0, 1]), max: 0.7 }),
      ]),
    });
    const before = JSON.stringify(c);
    portfolioConstraintRows(c, 3, labels);
    expect(JSON.stringify(c)).toBe(before);
  });
});
