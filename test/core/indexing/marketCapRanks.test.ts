import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { marketCapRanks } from "../../../src/core/indexing/marketCapRanks";

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/indexing/ranks.json"), "utf8")
) as { generator: string; cases: { marketCaps: number[]; ranks: number[] }[] };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error("expected a CoreError");
}

describe("marketCapRanks", () => {
  it("ranks the largest first and breaks ties by input order (hand-worked)", () => {
    // 10, 30, 20, 30: the two 30s are ranks 1 and 2, the earlier (index 1) first; 20 → 3; 10 → 4.
    expect(Array.from(marketCapRanks([10, 30, 20, 30]))).toEqual([4, 1, 3, 2]);
  });

  it(`matches numpy's stable argsort of −m (${fixture.generator})`, () => {
    for (const c of fixture.cases) {
      expect(Array.from(marketCapRanks(c.marketCaps))).toEqual(c.ranks);
    }
  });

  it("is a permutation of 1…n, decreasing in market cap (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 50 }),
        (caps) => {
          const ranks = marketCapRanks(caps);
          expect(Array.from(ranks).sort((a, b) => a - b)).toEqual(caps.map((_, i) => i + 1));
          for (let i = 0; i < caps.length; i++) {
            for (let j = 0; j < caps.length; j++) {
              if (caps[i] > caps[j]) expect(ranks[i]).toBeLessThan(ranks[j]);
            }
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws on empty, non-positive and non-finite caps", () => {
    expect(codeOf(() => marketCapRanks([]))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => marketCapRanks([1, 0]))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => marketCapRanks([1, NaN]))).toBe("NON_FINITE");
  });

  it("does not mutate its input", () => {
    const caps = Object.freeze([3, 1, 2]);
    marketCapRanks(caps);
    expect(caps).toEqual([3, 1, 2]);
  });
});
