import fc from "fast-check";
import { drawdownEpisodes } from "../../../src/core/drawdown/drawdownEpisodes";
import { maxDrawdown } from "../../../src/core/drawdown/maxDrawdown";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  pricesArbitrary,
} from "../stats/helpers";
import { priceSpan, randomDrawdownCases, realDrawdownCases } from "./helpers";

describe("drawdownEpisodes", () => {
  it("lists disjoint episodes, deepest first", () => {
    // 100 → 80 → 100: depth 0.2, peak 0, trough 1, recovery 2, length 2, 1 period to recover.
    // 100 → 90 → 95 (end): depth 0.1, not recovered, length 4 − 2 = 2.
    const episodes = drawdownEpisodes([100, 80, 100, 90, 95]);
    expect(episodes).toHaveLength(2);
    expect(episodes[0]).toEqual({
      peakIndex: 0,
      troughIndex: 1,
      recoveryIndex: 2,
      depth: expect.closeTo(0.2, 15),
      length: 2,
      timeToRecover: 1,
    });
    expect(episodes[1]).toEqual({
      peakIndex: 2,
      troughIndex: 3,
      recoveryIndex: null,
      depth: expect.closeTo(0.1, 15),
      length: 2,
      timeToRecover: null,
    });
    expect(drawdownEpisodes([100, 80, 100, 90, 95], 1)).toEqual([episodes[0]]);
  });

  it("keeps a second dip before the recovery inside the same episode", () => {
    // 100 → 70 → 90 → 60 → 100: one episode, trough at row 3 (60), depth 0.4.
    const [only, ...rest] = drawdownEpisodes([100, 70, 90, 60, 100]);
    expect(rest).toEqual([]);
    expect(only.troughIndex).toBe(3);
    expect(only.depth).toBeCloseTo(0.4, 15);
  });

  it("matches the numpy run-based reference on the random fixtures (incl. ties)", () => {
    for (const c of randomDrawdownCases()) {
      const episodes = drawdownEpisodes(c.prices, 10);
      expect(episodes).toHaveLength(c.episodes.length);
      episodes.forEach((e, i) => {
        const want = c.episodes[i];
        expect({ ...e, depth: 0 }).toEqual({ ...want, depth: 0 });
        expectClose(e.depth, want.depth, 1e-14);
      });
      expect(drawdownEpisodes(c.prices)).toHaveLength(c.episodeCount);
    }
  });

  it("gives disjoint, sorted episodes whose worst depth is the max drawdown, for any k", () => {
    fc.assert(
      fc.property(pricesArbitrary(2, 80), fc.integer({ min: 1, max: 8 }), (p, k) => {
        const all = drawdownEpisodes(p);
        const top = drawdownEpisodes(p, k);
        expect(top).toEqual(all.slice(0, k));
        for (let i = 1; i < all.length; i++) {
          expect(all[i].depth).toBeLessThanOrEqual(all[i - 1].depth);
        }
        const byTime = [...all].sort((a, b) => a.peakIndex - b.peakIndex);
        for (let i = 1; i < byTime.length; i++) {
          const previousEnd = byTime[i - 1].recoveryIndex ?? Infinity;
          expect(byTime[i].peakIndex).toBeGreaterThanOrEqual(previousEnd);
        }
        for (const e of all) {
          expect(e.peakIndex).toBeLessThan(e.troughIndex);
          expect(e.depth).toBeGreaterThan(0);
          expect(e.depth).toBeCloseTo(1 - p[e.troughIndex] / p[e.peakIndex], 14);
          if (e.recoveryIndex !== null)
            expect(p[e.recoveryIndex]).toBeGreaterThanOrEqual(p[e.peakIndex]);
        }
        expect(all.length === 0 ? 0 : all[0].depth).toBeCloseTo(maxDrawdown(p), 14);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws INVALID_ARGUMENT on a k that is not a positive whole number", () => {
    for (const k of [0, -1, 1.5, NaN]) {
      expectCoreError(
        () => drawdownEpisodes([100, 90], k),
        "INVALID_ARGUMENT",
        /k must be a whole number/
      );
    }
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and NON_POSITIVE_PRICE", () => {
    expectCoreError(() => drawdownEpisodes([]), "TOO_FEW_POINTS");
    expectCoreError(() => drawdownEpisodes([100, NaN]), "NON_FINITE");
    expectCoreError(() => drawdownEpisodes([100, -1]), "NON_POSITIVE_PRICE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([100, 80, 100, 90]);
    drawdownEpisodes(input, 2);
    expect(input).toEqual([100, 80, 100, 90]);
  });
});

describeWithSharedData("drawdownEpisodes on crypto-daily-close.csv", () => {
  it("finds numpy's five worst episodes of BTC, ETH, SOL, XMR and PAXG, with their dates", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    for (const c of realDrawdownCases()) {
      const prices = priceSpan(csv.rows, csv.symbols.indexOf(c.symbol), c.first, c.last);
      const episodes = drawdownEpisodes(prices, 5);
      episodes.forEach((e, i) => {
        expect({ ...e, depth: 0 }).toEqual({ ...c.episodes[i], depth: 0 });
        expectClose(e.depth, c.episodes[i].depth, 1e-14);
      });
      expect(csv.dates[c.first + episodes[0].peakIndex]).toBe(c.worstPeakDate);
      expect(csv.dates[c.first + episodes[0].troughIndex]).toBe(c.worstTroughDate);
      expect(drawdownEpisodes(prices)).toHaveLength(c.episodeCount);
    }
  });
});
