import { readTables } from "../excel/readTable";
import type { WriteReport } from "../excel/tableBlock";
import { writeOwnedTables } from "../excel/writeOwnedTables";
import { holdingsBlock } from "./holdingsBlock";
import { PaneError } from "./paneError";
import { planRebalance, type RebalanceOutcome, type RebalanceSettings } from "./rebalancePlan";

/** What the Rebalance tab shows after a run. */
export type RebalanceRun =
  | { readonly kind: "createdHoldings"; readonly symbols: number }
  | { readonly kind: "planned"; readonly outcome: RebalanceOutcome; readonly report: WriteReport };

/**
 * The Rebalance button: read Holdings, Constituents and the last row of Prices; if Holdings does
 * not exist, create it (Symbol, Units; the index's symbols with blank units) and stop so the user
 * can fill it; otherwise plan the trades and write the Rebalance table. Everything is read and
 * computed before the write, so a bad holding leaves the old Rebalance table as it was.
 *
 * @param settings band, minimum trade, fee
 * @returns what was done
 * @throws PaneError (no index yet, bad holdings), SheetWriteError (workbook)
 * @example await runRebalance({ band: 0.05, minTrade: 10, feeBps: 10 });
 */
export async function runRebalance(settings: RebalanceSettings): Promise<RebalanceRun> {
  const [holdings, constituents] = await readTables(["Holdings", "Constituents"]);
  if (constituents === undefined) {
    throw new PaneError(
      "There is no Constituents table yet: build an index in the Index tab first."
    );
  }
  if (holdings === undefined) {
    const symbolColumn = constituents.headers.findIndex((h) => h.toLowerCase() === "symbol");
    const symbols = constituents.rows
      .map((r) => String(r[symbolColumn] ?? ""))
      .filter((s) => s !== "");
    await writeOwnedTables([holdingsBlock(symbols)]);
    return { kind: "createdHoldings", symbols: symbols.length };
  }
  const [prices] = await readTables(["Prices"], { lastRowOnly: true });
  if (prices === undefined) {
    throw new PaneError("There is no Prices table yet: build an index in the Index tab first.");
  }
  const outcome = planRebalance(holdings, constituents, prices, settings);
  const report = await writeOwnedTables([outcome.block]);
  return { kind: "planned", outcome, report };
}
