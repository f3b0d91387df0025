import { CoreError } from "../../core/errors";
import { rebalanceTrades, type RebalancePlan } from "../../core/rebalance/rebalanceTrades";
import { CASH_SYMBOL } from "../../data/indices/buildIndex";
import type { TableContents } from "../excel/readTable";
import type { CellValue, TableBlock } from "../excel/tableBlock";
import {
  GENERAL_FORMAT,
  MONEY_FORMAT,
  PERCENT_FORMAT,
  TEXT_FORMAT,
  priceFormat,
} from "./numberFormats";
import { PaneError } from "./paneError";

/** The Rebalance tab's inputs. */
export interface RebalanceSettings {
  /** No-trade band, ± weight points (0.05 = ±5 points). */
  readonly band: number;
  /** Smallest trade worth making, in currency. */
  readonly minTrade: number;
  /** Fee in basis points of the traded value. */
  readonly feeBps: number;
}

/** The trades table and its one-line summary. */
export interface RebalanceOutcome {
  readonly block: TableBlock;
  readonly summary: string;
  readonly plan: RebalancePlan;
  readonly trades: number;
}

/** The Rebalance table's columns, in order. */
export const REBALANCE_HEADERS = [
  "Symbol",
  "Units",
  "Price",
  "Value",
  "Weight",
  "Target",
  "Drift",
  "Action",
  "Trade units",
  "Trade value",
  "Fee",
  "Weight after",
] as const;

/**
 * Trades that bring the Holdings table back to the index weights of the Constituents table, at
 * the latest prices of the Prices table, with core rebalanceTrades (trade back to target outside
 * a ± band, drop trades under minTrade, fees paid from the portfolio). Assets held but not in the
 * index get target 0 (sell); index members not held get bought.
 *
 * Holdings: columns "Symbol" and "Units" (found by header, any order, case-insensitive; other
 * columns ignored); a blank units cell is 0 units; a blank row is skipped; a symbol twice is an
 * error. Prices: the header row and the last row of the Prices table.
 *
 * @param holdings the Holdings table
 * @param constituents the Constituents table (Symbol, Weight)
 * @param lastPrices the Prices table's header and last row
 * @param settings band, minimum trade, fee
 * @returns the Rebalance table block and a summary line
 * @throws PaneError for a missing column, text in Units, a repeated symbol, an empty portfolio, or a held token without a price
 * @throws CoreError from rebalanceTrades (e.g. negative units)
 * @example planRebalance(holdings, constituents, lastPrices, { band: 0.05, minTrade: 10, feeBps: 10 }).summary;
 */
export function planRebalance(
  holdings: TableContents,
  constituents: TableContents,
  lastPrices: TableContents,
  settings: RebalanceSettings
): RebalanceOutcome {
  const hSymbol = columnIndex(holdings, "Symbol");
  const hUnits = columnIndex(holdings, "Units");
  const cSymbol = columnIndex(constituents, "Symbol");
  const cWeight = columnIndex(constituents, "Weight");

  const symbols: string[] = [];
  const unitsBySymbol = new Map<string, number>();
  holdings.rows.forEach((row, i) => {
    const symbol = String(row[hSymbol] ?? "")
      .trim()
      .toUpperCase();
    const raw = row[hUnits];
    if (symbol === "") {
      if (raw === "" || raw === 0 || raw === null || raw === undefined) return;
      throw new PaneError(
        `Holdings row ${i + 1} has units but no symbol; fill in the symbol or clear the row.`
      );
    }
    if (unitsBySymbol.has(symbol)) {
      throw new PaneError(`Holdings lists ${symbol} twice (row ${i + 1}); keep one row per token.`);
    }
    const units = raw === "" || raw === null || raw === undefined ? 0 : raw;
    if (typeof units !== "number" || !Number.isFinite(units)) {
      throw new PaneError(
        `Holdings row ${i + 1} (${symbol}): Units must be a number; got "${String(raw)}".`
      );
    }
    if (units < 0) {
      throw new PaneError(
        `Holdings row ${i + 1} (${symbol}): Units is negative (${units}); short positions are not supported.`
      );
    }
    unitsBySymbol.set(symbol, units);
    symbols.push(symbol);
  });

  const targetBySymbol = new Map<string, number>();
  for (const row of constituents.rows) {
    const symbol = String(row[cSymbol] ?? "")
      .trim()
      .toUpperCase();
    const weight = row[cWeight];
    if (symbol === "" || typeof weight !== "number") continue;
    targetBySymbol.set(symbol, weight);
    if (!unitsBySymbol.has(symbol)) symbols.push(symbol);
  }
  if (targetBySymbol.size === 0) {
    throw new PaneError(
      "The Constituents table has no weights; build an index in the Index tab first."
    );
  }
  const held = [...unitsBySymbol.values()].some((u) => u > 0);
  if (!held) {
    throw new PaneError(
      "Holdings has no units yet; type how many units of each token you hold, then try again."
    );
  }

  const last = lastPrices.rows[lastPrices.rows.length - 1] ?? [];
  const priceBySymbol = new Map<string, number>();
  lastPrices.headers.forEach((header, j) => {
    const value = last[j];
    if (j > 0 && typeof value === "number" && value > 0)
      priceBySymbol.set(header.trim().toUpperCase(), value);
  });
  // An adaptive index's CASH sleeve (a stablecoin) has no Prices column: one unit is one dollar.
  if (targetBySymbol.has(CASH_SYMBOL) && !priceBySymbol.has(CASH_SYMBOL))
    priceBySymbol.set(CASH_SYMBOL, 1);
  const units = symbols.map((s) => unitsBySymbol.get(s) ?? 0);
  const prices = symbols.map((s) => priceBySymbol.get(s) ?? NaN);
  symbols.forEach((s, i) => {
    if (!Number.isFinite(prices[i]) && units[i] > 0) {
      throw new PaneError(
        `No latest price for ${s}, which Holdings lists: it is not in the Prices table. ` +
          "Sell it outside Diversify, remove its row, or build an index that includes it."
      );
    }
  });
  const targets = symbols.map((s) => targetBySymbol.get(s) ?? 0);

  let plan: RebalancePlan;
  try {
    plan = rebalanceTrades({
      units,
      prices,
      targets,
      band: { absolute: settings.band },
      minTrade: settings.minTrade,
      feeBps: settings.feeBps,
      labels: symbols,
    });
  } catch (error) {
    if (error instanceof CoreError) throw new PaneError(`${error.message}.`.replace(/\.\.$/, "."));
    throw error;
  }

  const rows: CellValue[][] = symbols.map((symbol, i) => [
    symbol,
    units[i],
    Number.isFinite(prices[i]) ? prices[i] : "",
    plan.value[i],
    plan.weight[i],
    plan.target[i],
    plan.drift[i],
    plan.action[i],
    plan.tradeUnits[i],
    plan.tradeValue[i],
    plan.fee[i],
    plan.weightAfter[i],
  ]);
  const trades = plan.action.filter((a) => a === "buy" || a === "sell").length;
  const t = plan.totals;
  const money = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const summary =
    trades === 0
      ? `Portfolio ${money(t.portfolioValue)}: every token is within ±${pct(settings.band)} of its target; no trade needed (largest drift ${pct(t.driftBefore)}).`
      : `Portfolio ${money(t.portfolioValue)}: ${trades} trade${trades === 1 ? "" : "s"}, buy ${money(t.bought)}, sell ${money(t.sold)}, fees ${money(t.fees)}, turnover ${pct(t.turnover)}; largest drift ${pct(t.driftBefore)} → ${pct(t.driftAfter)}.`;
  return {
    block: {
      name: "Rebalance",
      sheet: "Rebalance",
      headers: [...REBALANCE_HEADERS],
      rows,
      // Units in General: whole numbers plainly (2, not "2."), fractions of a token in full.
      formats: [
        TEXT_FORMAT,
        GENERAL_FORMAT,
        priceFormat(prices),
        MONEY_FORMAT,
        PERCENT_FORMAT,
        PERCENT_FORMAT,
        PERCENT_FORMAT,
        TEXT_FORMAT,
        GENERAL_FORMAT,
        MONEY_FORMAT,
        MONEY_FORMAT,
        PERCENT_FORMAT,
      ],
    },
    summary,
    plan,
    trades,
  };
}

function columnIndex(table: TableContents, name: string): number {
  const j = table.headers.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  if (j < 0) {
    throw new PaneError(
      `The ${table.name} table has no "${name}" column (it has ${table.headers.join(", ")}); add it or rename a column.`
    );
  }
  return j;
}
