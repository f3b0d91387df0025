import { isCoreError } from "../../../src/core/errors";
import { type AssetDrawdowns, panelDrawdowns } from "../../../src/core/drawdown/panelDrawdowns";
import { drawdownEpisodes } from "../../../src/core/drawdown/drawdownEpisodes";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import type { PricePanel } from "../../../src/core/types";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { expectClose, expectCoreError } from "../stats/helpers";
import { realDrawdownCases } from "./helpers";

function assetOf(entry: AssetDrawdowns | Error): AssetDrawdowns {
  if (isCoreError(entry)) throw new Error(`expected drawdowns, got ${entry.message}`);
  return entry as AssetDrawdowns;
}

/** A panel built without pricePanel's validation, to reach the per-asset error paths. */
function rawPanel(columns: number[][]): PricePanel {
  const rows = columns[0].length;
  const data = new Float64Array(rows * columns.length);
  columns.forEach((c, j) => data.set(c, j * rows));
  return {
    kind: "prices",
    rows,
    cols: columns.length,
    data,
    labels: columns.map((_, j) => `C${j + 1}`),
  };
}

describe("panelDrawdowns", () => {
  it("measures each asset on its own span and reports episodes in panel rows", () => {
    // Column 1 is listed from row 1: 100 → 80 → 120 is one episode, peak row 1, trough row 2,
    // recovered row 3, depth 1 − 80/100 = 0.2, 2 periods long.
    const out = panelDrawdowns(
      pricePanel([
        [NaN, 1],
        [100, 2],
        [80, 3],
        [120, 4],
      ])
    );
    const first = assetOf(out[0]);
    expect(first.first).toBe(1);
    expect(first.last).toBe(3);
    expect(first.maxDrawdown).toBeCloseTo(0.2, 15);
    expect(first.longestUnderwater).toBe(2);
    expect(first.episodes).toEqual([
      {
        peakIndex: 1,
        troughIndex: 2,
        recoveryIndex: 3,
        depth: expect.closeTo(0.2, 15),
        length: 2,
        timeToRecover: 1,
      },
    ]);
    expect(assetOf(out[1])).toEqual({
      first: 0,
      last: 3,
      maxDrawdown: 0,
      longestUnderwater: 0,
      episodes: [],
    });
  });

  it("keeps the worst k episodes, as drawdownEpisodes", () => {
    const prices = [100, 90, 100, 70, 100, 95, 100, 50, 60];
    const out = assetOf(panelDrawdowns(rawPanel([prices]), 2)[0]);
    expect(out.episodes).toEqual(drawdownEpisodes(prices, 2));
  });

  it("puts an asset's failure in its slot, naming column, label and panel row", () => {
    const out = panelDrawdowns(
      rawPanel([
        [100, 90, 95, 99],
        [NaN, NaN, NaN, NaN],
        [100, NaN, 90, 95],
        [NaN, NaN, NaN, 7],
        [NaN, 100, 0, 50],
      ])
    );
    expect(isCoreError(out[0])).toBe(false);
    expect(out.slice(1).map((e) => (isCoreError(e) ? e.code : "ok"))).toEqual([
      "NOT_AVAILABLE",
      "GAP_IN_SERIES",
      "TOO_FEW_POINTS",
      "NON_POSITIVE_PRICE",
    ]);
    expect((out[2] as Error).message).toBe(
      'prices: column 3 (C3), row 2 is empty between prices; fill the gap or pass fill="previous"'
    );
    expect((out[3] as Error).message).toMatch(/^prices: column 4 \(C4\) has 1 value/);
    expect((out[4] as Error).message).toBe(
      "prices: column 5 (C5), row 3 is 0; prices must be above 0"
    );
    expect((out[4] as { row?: number }).row).toBe(2);
  });

  it("throws INVALID_ARGUMENT on a top k that is not a positive whole number", () => {
    const panel = pricePanel([[100], [90]]);
    expectCoreError(
      () => panelDrawdowns(panel, 0),
      "INVALID_ARGUMENT",
      /top must be a whole number/
    );
    expectCoreError(() => panelDrawdowns(panel, 2.5), "INVALID_ARGUMENT");
  });

  it("leaves the panel unchanged", () => {
    const panel = rawPanel([[NaN, 100, 80, 120]]);
    const before = Array.from(panel.data);
    panelDrawdowns(panel);
    expect(Array.from(panel.data)).toEqual(before);
  });
});

describeWithSharedData("panelDrawdowns on crypto-daily-close.csv", () => {
  it("matches numpy for BTC, ETH, SOL (late listing), XMR (delisted) and PAXG", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const out = panelDrawdowns(pricePanel(csv.rows, { labels: csv.symbols }), 5);
    for (const c of realDrawdownCases()) {
      const asset = assetOf(out[csv.symbols.indexOf(c.symbol)]);
      expect([asset.first, asset.last]).toEqual([c.first, c.last]);
      expectClose(asset.maxDrawdown, c.maxDrawdown, 1e-14);
      expect(asset.longestUnderwater).toBe(c.longestUnderwater);
      expect(csv.dates[asset.episodes[0].peakIndex]).toBe(c.worstPeakDate);
      expect(csv.dates[asset.episodes[0].troughIndex]).toBe(c.worstTroughDate);
      expect(asset.episodes.map((e) => e.peakIndex - c.first)).toEqual(
        c.episodes.map((e) => e.peakIndex)
      );
    }
  });
});
