import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { topByMarketCap } from "../../../src/core/indexing/topByMarketCap";

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

describe("topByMarketCap", () => {
  it("keeps the largest names, largest first, ties by input order (hand-worked)", () => {
    // 5, 50, 20, 50: the two 50s (indices 1 and 3, the earlier first), then 20 (index 2).
    expect(Array.from(topByMarketCap([5, 50, 20, 50], 3))).toEqual([1, 3, 2]);
  });

  it("returns every name when count exceeds the universe", () => {
    expect(Array.from(topByMarketCap([1, 2], 10))).toEqual([1, 0]);
  });

  it(`keeps the names ranked 1…count by numpy's stable argsort (${fixture.generator})`, () => {
    for (const c of fixture.cases) {
      const count = Math.ceil(c.ranks.length / 3);
      const expected = new Array<number>(count);
      c.ranks.forEach((rank, i) => {
        if (rank <= count) expected[rank - 1] = i;
      });
      expect(Array.from(topByMarketCap(c.marketCaps, count))).toEqual(expected);
    }
  });

  it("agrees with a sort of the whole universe (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 70 }),
        (caps, count) => {
          const expected = caps
            .map((m, i) => ({ m, i }))
            .sort((a, b) => b.m - a.m || a.i - b.i)
            .slice(0, count)
            .map((x) => x.i);
          expect(Array.from(topByMarketCap(caps, count))).toEqual(expected);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws INVALID_ARGUMENT for a count that is not a positive whole number, and on bad caps", () => {
    expect(codeOf(() => topByMarketCap([1, 2], 0))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => topByMarketCap([1, 2], 1.5))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => topByMarketCap([1, -2], 1))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => topByMarketCap([1, NaN], 1))).toBe("NON_FINITE");
  });

  it("does not mutate its input", () => {
    const caps = Object.freeze([5, 50, 20]);
    topByMarketCap(caps, 2);
    expect(caps).toEqual([5, 50, 20]);
  });
});
