import { CoreError, isCoreError } from "../errors";
import { seriesSpan } from "../stats/seriesSpan";
import type { PricePanel } from "../types";
import { type DrawdownEpisode, drawdownEpisodes } from "./drawdownEpisodes";
import { longestUnderwater } from "./longestUnderwater";
import { maxDrawdown } from "./maxDrawdown";

/** Drawdown summary of one asset of a price panel, from {@link panelDrawdowns}. */
export interface AssetDrawdowns {
  /** First and last panel rows with a price (the asset's own span). */
  readonly first: number;
  readonly last: number;
  /** Maximum drawdown over the span, a positive fraction in [0, 1). */
  readonly maxDrawdown: number;
  /** Longest peak → recovery (or → last row) spell, in periods. */
  readonly longestUnderwater: number;
  /** The worst episodes, deepest first, with indices as PANEL rows (not span offsets). */
  readonly episodes: DrawdownEpisode[];
}

/**
 * Drawdowns of every asset (column) of a price panel, each on its own span: the rows between its
 * leading blanks (not listed yet) and trailing blanks (delisted), as DESIGN.md asks. The DRAWDOWN
 * custom function reads max drawdown, longest underwater time or the episode table from here.
 *
 * Formula: for column j with prices on rows [first_j, last_j]: `maxDrawdown`, `longestUnderwater`
 * and `drawdownEpisodes(…, k)` of P_j[first_j..last_j]; episode indices shifted by first_j.
 * Reference: see those functions (numpy `maximum.accumulate` definitions, pyfolio's drawdown table).
 * Conventions: positive depths; lengths in periods. An asset that cannot be measured (no prices, a
 * gap inside its span, a single price, a non-positive or non-finite price) gets a `CoreError` in its
 * slot naming the column, its label and the panel row, so one bad asset is one error cell.
 * Complexity: O(rows · cols · log k) time; zero-copy column views, O(k) per asset for the episodes.
 *
 * @param prices a price panel (NaN = no price)
 * @param k how many episodes to keep per asset, a positive integer (default 5)
 * @returns one entry per column: the asset's drawdowns, or the CoreError that stopped them
 * @throws CoreError INVALID_ARGUMENT (k not a positive whole number: it concerns every asset)
 * @example panelDrawdowns(pricePanel([[NaN], [100], [80], [120]]))[0].maxDrawdown; // => 0.19999999999999996
 */
export function panelDrawdowns(prices: PricePanel, k = 5): Array<AssetDrawdowns | CoreError> {
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `top must be a whole number of episodes, 1 or more; got ${k}`,
      { argument: "top" }
    );
  }
  const { rows, cols, data, labels } = prices;
  const out: Array<AssetDrawdowns | CoreError> = [];
  for (let j = 0; j < cols; j++) {
    const series = data.subarray(j * rows, (j + 1) * rows);
    const where = `prices: column ${j + 1} (${labels[j]})`;
    const location = { argument: "prices", column: j, label: labels[j] };
    const span = seriesSpan(series);
    if (span.first < 0) {
      out.push(
        new CoreError("NOT_AVAILABLE", `${where} has no prices; remove it or fill it`, location)
      );
      continue;
    }
    if (span.gapRow >= 0) {
      out.push(
        new CoreError(
          "GAP_IN_SERIES",
          `${where}, row ${span.gapRow + 1} is empty between prices; fill the gap or pass fill="previous"`,
          { ...location, row: span.gapRow }
        )
      );
      continue;
    }
    const own = series.subarray(span.first, span.last + 1);
    try {
      const shift = span.first;
      out.push({
        first: span.first,
        last: span.last,
        maxDrawdown: maxDrawdown(own),
        longestUnderwater: longestUnderwater(own),
        episodes: drawdownEpisodes(own, k).map((e) => ({
          ...e,
          peakIndex: e.peakIndex + shift,
          troughIndex: e.troughIndex + shift,
          recoveryIndex: e.recoveryIndex === null ? null : e.recoveryIndex + shift,
        })),
      });
    } catch (error) {
      if (!isCoreError(error)) throw error;
      const row = error.row === undefined ? undefined : error.row + span.first;
      // "prices: row 3 is 0; …" → "prices: column 2 (ETH), row 5 is 0; …"
      const rest = error.message.replace(/^prices(: row \d+)?(: | )?/, "");
      const message = row === undefined ? `${where} ${rest}` : `${where}, row ${row + 1} ${rest}`;
      out.push(new CoreError(error.code, message, { ...location, row }));
    }
  }
  return out;
}
