import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { tieredWeights } from "../../../src/core/indexing/tieredWeights";
import { CoreError } from "../../../src/core/errors";

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/indexing/tieredWeights.json"), "utf8")
) as {
  generator: string;
  numpy: string;
  cases: {
    marketCaps: number[];
    breaks: number[];
    budgets: number[];
    within: "cap" | "equal";
    weights: number[];
  }[];
};

function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error("expected a CoreError");
}

describe("tieredWeights", () => {
  it("splits each tier's budget by market cap (hand-worked)", () => {
    // Breaks [2]: tier 1 = {60, 40} (mass 100) gets .8 → .48, .32; tier 2 = {3, 1} (mass 4)
    // gets .2 → .15, .05.
    const w = tieredWeights([60, 40, 3, 1], [0.8, 0.2], { breaks: [2] });
    [0.48, 0.32, 0.15, 0.05].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 15));
  });

  it("splits equally inside a tier when asked", () => {
    // Tier 1 {60, 40} gets .7 → .35 each; tier 2 {3, 2, 1} gets .3 → .1 each.
    const w = tieredWeights([60, 3, 40, 2, 1], [0.7, 0.3], { breaks: [2], within: "equal" });
    [0.35, 0.1, 0.35, 0.1, 0.1].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 15));
  });

  it(`matches numpy tiers and budgets (${fixture.generator}, numpy ${fixture.numpy}) to 1e-15`, () => {
    expect(fixture.cases.length).toBeGreaterThan(3);
    for (const c of fixture.cases) {
      const w = tieredWeights(c.marketCaps, c.budgets, { breaks: c.breaks, within: c.within });
      c.weights.forEach((x, i) => expect(Math.abs(w[i] - x)).toBeLessThan(1e-15));
    }
  });

  it("matches an independent per-tier computation and sums to 1 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        (caps, b0) => {
          const breaks = [1, 2];
          const budgets = [b0, (1 - b0) / 2, (1 - b0) / 2];
          const w = tieredWeights(caps, budgets, { breaks });
          const sorted = caps.map((m, i) => ({ m, i })).sort((a, b) => b.m - a.m || a.i - b.i);
          const restMass = sorted.slice(2).reduce((s, x) => s + x.m, 0);
          expect(w[sorted[0].i]).toBeCloseTo(b0, 14);
          expect(w[sorted[1].i]).toBeCloseTo((1 - b0) / 2, 14);
          for (const x of sorted.slice(2)) {
            expect(w[x.i]).toBeCloseTo((((1 - b0) / 2) * x.m) / restMass, 14);
          }
          expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws INFEASIBLE for an empty tier with a budget, naming the tier", () => {
    // 40 tokens with default breaks [20, 100]: no small caps.
    const caps = Array.from({ length: 40 }, (_, i) => 100 - i);
    const error = errorOf(() => tieredWeights(caps, [0.6, 0.3, 0.1]));
    expect(error.code).toBe("INFEASIBLE");
    expect(error.message).toMatch(/tier small has a budget of 0.1 but no constituents/);
    expect(() => tieredWeights(caps, [0.7, 0.3, 0])).not.toThrow();
  });

  it("throws LENGTH_MISMATCH, INVALID_ARGUMENT and NON_FINITE on bad budgets", () => {
    expect(errorOf(() => tieredWeights([1, 2], [1])).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => tieredWeights([1, 2], [0.5, 0.4, 0])).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => tieredWeights([1, 2], [1.2, -0.2, 0])).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => tieredWeights([1, 2], [NaN, 1, 0])).code).toBe("NON_FINITE");
    expect(
      errorOf(() => tieredWeights([1, 2], [1], { breaks: [], within: "sqrt" as unknown as "cap" }))
        .code
    ).toBe("INVALID_ARGUMENT");
  });

  it("does not mutate its inputs", () => {
    const caps = Object.freeze([60, 40, 3, 1]);
    const budgets = Object.freeze([0.8, 0.2]);
    tieredWeights(caps, budgets, { breaks: [2] });
    expect(caps).toEqual([60, 40, 3, 1]);
    expect(budgets).toEqual([0.8, 0.2]);
  });
});
