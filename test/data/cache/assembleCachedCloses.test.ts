import fc from "fast-check";
import { assembleCachedCloses } from "../../../src/data/cache/assembleCachedCloses";
import type { SeriesRecord } from "../../../src/data/cache/cacheStore";

const record = (
  symbol: string,
  firstDay: number,
  closes: number[],
  source = "demo data"
): SeriesRecord => ({
  provider: "demo",
  symbol,
  source,
  firstDay,
  closes: new Float64Array(closes),
  fetchedAt: 0,
  lastUsed: 0,
});

describe("assembleCachedCloses", () => {
  it("keeps the days with at least one close, NaN elsewhere (hand-worked)", () => {
    // window days 20089..20092 (2025-01-01..04). A covers 20088..20091 = [9, 1, NaN, 3];
    // B covers 20090..20092 = [NaN, 5, 6]. Day 20090: A NaN, B NaN → dropped.
    const out = assembleCachedCloses(
      "demo",
      ["A", "B"],
      [record("A", 20088, [9, 1, NaN, 3]), record("B", 20090, [NaN, 5, 6])],
      20089,
      20092
    );
    expect(out.dates).toEqual(["2025-01-01", "2025-01-03", "2025-01-04"]);
    expect(Array.from(out.closes)).toEqual([1, 3, NaN, NaN, 5, 6]);
    expect(out.source).toBe("demo data");
  });

  it("joins distinct sources", () => {
    const out = assembleCachedCloses(
      "x",
      ["A", "B"],
      [record("A", 0, [1], "CoinGecko"), record("B", 0, [1], "demo data")],
      0,
      0
    );
    expect(out.source).toBe("CoinGecko, demo data");
  });

  it("gives each column the record's own values in order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), {
            minLength: 1,
            maxLength: 30,
          }),
          { minLength: 1, maxLength: 5 }
        ),
        (series) => {
          const records = series.map((values, j) => record(`S${j}`, 100, values));
          const longest = Math.max(...series.map((s) => s.length));
          const out = assembleCachedCloses(
            "p",
            records.map((r) => r.symbol),
            records,
            100,
            100 + longest - 1
          );
          expect(out.dates).toHaveLength(longest);
          let same = true;
          series.forEach((values, j) =>
            values.forEach((v, t) => (same &&= out.closes[j * longest + t] === v))
          );
          expect(same).toBe(true);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("leaves the records unchanged", () => {
    const records = [record("A", 0, [1, 2, 3])];
    const copy = Array.from(records[0].closes);
    Object.freeze(records);
    assembleCachedCloses("p", ["A"], records, 1, 2);
    expect(Array.from(records[0].closes)).toEqual(copy);
  });
});
