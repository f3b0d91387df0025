import fc from "fast-check";
import { checkFeasibility } from "../../../src/core/optimize/checkFeasibility";
import type { PortfolioConstraints } from "../../../src/core/optimize/types";

const labels = ["BTC", "ETH", "SOL", "UNI", "AAVE"];
const reason = (c: PortfolioConstraints, n = 5) => {
  const report = checkFeasibility(c, n, labels.slice(0, n));
  return report.feasible ? "feasible" : report.reason;
};

/**
 * Brute-force feasibility on a grid of step 1/20 (weights that are multiples of 0.05): exact for
 * constraints whose limits are multiples of 0.05, which the generator below guarantees.
 */
function gridFeasible(c: PortfolioConstraints, n: number): boolean {
  const at = (v: number | ArrayLike<number> | undefined, i: number, f: number) =>
    v === undefined ? f : typeof v === "number" ? v : v[i];
  const w = new Array<number>(n).fill(0);
  const eps = 1e-9;
  const search = (i: number, left: number): boolean => {
    if (i === n - 1) {
      w[i] = left / 20;
      if (w[i] < at(c.lower, i, 0) - eps || w[i] > at(c.upper, i, 1) + eps) return false;
      return (c.groups ?? []).every((g) => {
        const t = g.members.reduce((s, m) => s + w[m], 0);
        return (
          (g.min === undefined || t >= g.min - eps) && (g.max === undefined || t <= g.max + eps)
        );
      });
    }
    for (let k = 0; k <= left; k++) {
      w[i] = k / 20;
      if (w[i] < at(c.lower, i, 0) - eps || w[i] > at(c.upper, i, 1) + eps) continue;
      if (search(i + 1, left - k)) return true;
    }
    return false;
  };
  return search(0, 20);
}

describe("checkFeasibility", () => {
  it("finds the standard bounds feasible", () => {
    expect(checkFeasibility({}, 3)).toEqual({ feasible: true });
    expect(checkFeasibility({ lower: 0.2, upper: 0.2 }, 5)).toEqual({ feasible: true });
  });

  it("says which constraint binds and by how much (hand-worked)", () => {
    // 0.4 + 0.4 + 0.4 = 1.2 > 1, over by 0.2.
    expect(reason({ lower: [0.4, 0.4, 0.4] }, 3)).toBe(
      "lower bounds sum to 1.2 > 1: lower them by 0.2 in total"
    );
    // 0.15 × 5 = 0.75 < 1, short by 0.25.
    expect(reason({ upper: 0.15 })).toBe(
      "upper bounds sum to 0.75 < 1: raise them by 0.25 in total"
    );
    expect(reason({ lower: [0, 0, 0.3, 0, 0], upper: [1, 1, 0.2, 1, 1] })).toBe(
      "asset SOL: min 0.3 > max 0.2; lower the minimum or raise the maximum by 0.1"
    );
    // The same assets cannot hold ≥ 0.95 and ≤ 0.9.
    expect(
      reason({
        groups: [
          { name: "Big", members: [0], min: 0.95 },
          { name: "BTC cap", members: [0], max: 0.9 },
        ],
      })
    ).toBe(
      "group Big floor 0.95 > group BTC cap cap 0.9: lower the floor or raise the cap by 0.05"
    );
    expect(
      reason({
        groups: [
          { name: "DeFi", members: [3, 4], min: 0.6 },
          { name: "L1", members: [1, 2], min: 0.5 },
        ],
      })
    ).toBe("group DeFi floor 0.6 + group L1 floor 0.5 exceed 1: lower them by 0.1");
    // Members capped at 0.2 each: the DeFi pair may hold 0.4 < floor 0.5.
    expect(reason({ upper: 0.2, groups: [{ name: "DeFi", members: [3, 4], min: 0.5 }] })).toBe(
      "group DeFi floor 0.5 exceeds what its members may hold (0.4): lower the floor or raise their maximum weights by 0.1"
    );
    // Outside the DeFi cap of 0.3 the other three may hold 3 × 0.2 = 0.6: 0.1 is left uninvested.
    expect(reason({ upper: 0.2, groups: [{ name: "DeFi", members: [3, 4], max: 0.3 }] })).toBe(
      "group DeFi cap 0.3 + the maximum weights outside it 0.6 leave 0.1 uninvested: raise the cap or the other maxima by 0.1"
    );
    expect(reason({ groups: [{ name: "L1", members: [1, 2], min: 0.5, max: 0.4 }] })).toBe(
      "group L1: floor 0.5 > cap 0.4; lower the floor or raise the cap by 0.1"
    );
    expect(
      reason({ lower: [0, 0.2, 0.2, 0, 0], groups: [{ name: "L1", members: [1, 2], max: 0.3 }] })
    ).toBe(
      "group L1 cap 0.3 is below its members' minimum weights (0.4): raise the cap or lower the minima by 0.1"
    );
  });

  it("reports the shortfall as a number", () => {
    const report = checkFeasibility({ lower: 0.25 }, 5, labels);
    expect(report.feasible).toBe(false);
    if (!report.feasible) {
      expect(report.constraint).toBe("lower bounds");
      expect(report.shortfall).toBeCloseTo(0.25, 14);
    }
  });

  it("detects infeasible overlapping groups that no closed form catches", () => {
    // G1 = {1,2} ≥ 1 forces w0 = 0; then G2 = {0,1} ≥ 0.8 forces w1 ≥ 0.8, so w2 ≤ 0.2, while
    // G0 = {0,2} ≥ 0.35 needs w2 ≥ 0.35. Every pair alone is feasible.
    const report = checkFeasibility(
      {
        groups: [
          { name: "G0", members: [0, 2], min: 0.35 },
          { name: "G1", members: [1, 2], min: 1 },
          { name: "G2", members: [0, 1], min: 0.8 },
        ],
      },
      3
    );
    expect(report.feasible).toBe(false);
    if (!report.feasible) expect(report.reason).toMatch(/cannot all hold/);
  });

  it("agrees with a brute-force grid search on random small problems", () => {
    const limit = fc.integer({ min: 0, max: 20 }).map((k) => k / 20);
    const group = fc.record({
      members: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
      min: fc.option(limit, { nil: undefined }),
      max: fc.option(limit, { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 8 }).map((k) => k / 20),
          { minLength: 4, maxLength: 4 }
        ),
        fc.array(limit, { minLength: 4, maxLength: 4 }),
        fc.array(group, { maxLength: 3 }),
        (lo, hi, gs) => {
          const groups = gs
            .filter((g) => g.min !== undefined || g.max !== undefined)
            .map((g, k) => ({ ...g, name: `G${k}` }));
          const c = { lower: lo, upper: hi, groups };
          expect(checkFeasibility(c, 4).feasible).toBe(gridFeasible(c, 4));
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("INVALID_ARGUMENT for a bad n, labels or group", () => {
      for (const n of [0, -1, 1.5, NaN, Infinity]) {
        expect(() => checkFeasibility({}, n)).toThrow(
          expect.objectContaining({ code: "INVALID_ARGUMENT" })
        );
      }
      expect(() => checkFeasibility({}, 2, ["A"])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
      expect(() =>
        checkFeasibility({ groups: [{ name: "X", members: [5], max: 0.3 }] }, 2)
      ).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringMatching(/member 5/),
        })
      );
    });
    it("LENGTH_MISMATCH for bounds of the wrong length", () => {
      expect(() => checkFeasibility({ lower: [0, 0, 0] }, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("NON_FINITE for a NaN bound or group limit", () => {
      expect(() => checkFeasibility({ upper: NaN }, 2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() =>
        checkFeasibility({ groups: [{ name: "X", members: [0], max: NaN }] }, 2)
      ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
    });
  });

  it("leaves its inputs unchanged", () => {
    const c = Object.freeze({
      lower: Object.freeze([0.1, 0.1]),
      groups: Object.freeze([Object.freeze({ name: "G", members: Object.freeze([0]), max: 0.5 })]),
    });
    const before = JSON.stringify(c);
    checkFeasibility(c, 2);
    expect(JSON.stringify(c)).toBe(before);
  });
});
