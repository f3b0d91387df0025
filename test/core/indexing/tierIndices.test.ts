import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { tierIndices } from "../../../src/core/indexing/tierIndices";

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/indexing/ranks.json"), "utf8")
) as { generator: string; cases: { marketCaps: number[]; tiers: string[] }[] };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error("expected a CoreError");
}

describe("tierIndices", () => {
  it("assigns tiers by rank with the given breaks (hand-worked)", () => {
    // Ranks: 900 → 1, 60 → 2, 5 → 3. Breaks [1, 2]: rank 1 tier 0, rank 2 tier 1, rank 3 tier 2.
    const tiers = tierIndices([900, 5, 60], { breaks: [1, 2] });
    expect(Array.from(tiers.tier)).toEqual([0, 2, 1]);
    expect(tiers.names).toEqual(["large", "mid", "small"]);
  });

  it("uses ranks 1–20 large, 21–100 mid, 101+ small by default", () => {
    const caps = Array.from({ length: 120 }, (_, i) => 1000 - i);
    const { tier } = tierIndices(caps);
    expect(tier[19]).toBe(0);
    expect(tier[20]).toBe(1);
    expect(tier[99]).toBe(1);
    expect(tier[100]).toBe(2);
  });

  it(`matches the rank tiers of the numpy fixture (${fixture.generator})`, () => {
    for (const c of fixture.cases) {
      const { tier, names } = tierIndices(c.marketCaps);
      expect(Array.from(tier, (k) => names[k])).toEqual(c.tiers);
    }
  });

  it("puts exactly min(break, n) names in the tiers up to each break (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (caps, a, gap) => {
          const { tier } = tierIndices(caps, { breaks: [a, a + gap] });
          const count = (k: number) => Array.from(tier).filter((t) => t <= k).length;
          expect(count(0)).toBe(Math.min(a, caps.length));
          expect(count(1)).toBe(Math.min(a + gap, caps.length));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws INVALID_ARGUMENT on bad breaks or names", () => {
    expect(codeOf(() => tierIndices([1, 2], { breaks: [10, 5] }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => tierIndices([1, 2], { breaks: [0] }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => tierIndices([1, 2], { breaks: [2.5] }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => tierIndices([1, 2], { breaks: [1], names: ["a"] }))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(codeOf(() => tierIndices([1, 2], { breaks: [1], names: ["a", "a"] }))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(codeOf(() => tierIndices([0, 2]))).toBe("INVALID_ARGUMENT");
  });

  it("does not mutate its inputs", () => {
    const caps = Object.freeze([3, 1, 2]);
    const breaks = Object.freeze([1, 2]);
    tierIndices(caps, { breaks });
    expect(caps).toEqual([3, 1, 2]);
    expect(breaks).toEqual([1, 2]);
  });
});
