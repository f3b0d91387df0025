import fc from "fast-check";
import { drawdownEpisodes } from "../../../src/core/drawdown/drawdownEpisodes";
import { drawdownSeries } from "../../../src/core/drawdown/drawdownSeries";
import { longestUnderwater } from "../../../src/core/drawdown/longestUnderwater";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { PROPERTY_RUNS, expectCoreError, frozen, pricesArbitrary } from "../stats/helpers";
import { priceSpan, randomDrawdownCases, realDrawdownCases } from "./helpers";

describe("longestUnderwater", () => {
  it("counts periods from the peak to the recovery (or to the end)", () => {
    // rows 0 → 3 (peak 100, back to 100 at row 3) = 3 periods; rows 3 → 5 = 2 periods.
    expect(longestUnderwater([100, 90, 95, 100, 80, 120])).toBe(3);
    // never recovered: peak at row 1, last row 4 → 3 periods.
    expect(longestUnderwater([100, 110, 90, 95, 100])).toBe(3);
    expect(longestUnderwater([1, 2, 2, 3])).toBe(0);
  });

  it("matches the longest numpy episode on the random fixtures", () => {
    for (const c of randomDrawdownCases())
      expect(longestUnderwater(c.prices)).toBe(c.longestUnderwater);
  });

  it("is the longest run from a peak row through the last underwater row (+1 if recovered)", () => {
    fc.assert(
      fc.property(pricesArbitrary(), (p) => {
        const series = drawdownSeries(p);
        let longest = 0;
        let peak = 0;
        for (let t = 1; t < p.length; t++) {
          if (series[t] === 0) peak = t;
          else
            longest = Math.max(
              longest,
              t + (t + 1 < p.length && series[t + 1] === 0 ? 1 : 0) - peak
            );
        }
        expect(longestUnderwater(p)).toBe(longest);
        const lengths = drawdownEpisodes(p).map((e) => e.length);
        expect(longestUnderwater(p)).toBe(Math.max(0, ...lengths));
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and NON_POSITIVE_PRICE", () => {
    expectCoreError(() => longestUnderwater([5]), "TOO_FEW_POINTS");
    expectCoreError(() => longestUnderwater([5, NaN]), "NON_FINITE");
    expectCoreError(() => longestUnderwater([5, 0]), "NON_POSITIVE_PRICE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([100, 90, 100]);
    longestUnderwater(input);
    expect(input).toEqual([100, 90, 100]);
  });
});

describeWithSharedData("longestUnderwater on crypto-daily-close.csv", () => {
  it("matches numpy for BTC, ETH, SOL, XMR and PAXG", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    for (const c of realDrawdownCases()) {
      const prices = priceSpan(csv.rows, csv.symbols.indexOf(c.symbol), c.first, c.last);
      expect(longestUnderwater(prices)).toBe(c.longestUnderwater);
    }
  });
});
