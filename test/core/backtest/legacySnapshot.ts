import * as fs from "fs";
import * as path from "path";
import { execSync } from "child_process";
import { backtest, type BacktestInput } from "../../../src/core/backtest/backtest";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { inverseVolatility } from "./backtestTestKit";

/**
 * Writes test/fixtures/backtest/legacySnapshot.json: every output of `backtest` on the synthetic fixture's cases, run with
 * the engine as it was before the cash sleeve and signal lag were added, so the test can check that
 * the extended engine gives bit-identical results (JSON keeps a double exactly: the shortest
 * round-trip decimal). Run once with `npx tsx test/core/backtest/legacySnapshot.ts`; not a test.
 */
interface Case {
  panel?: string;
  weights?: number[];
  rule?: string;
  schedule: string | { absolute?: number; relative?: number };
  feeBps: number;
  lookback: number;
  capital?: number;
}
const fixture = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "..", "..", "fixtures", "backtest", "synthetic.json"),
    "utf8"
  )
) as { panels: Record<string, { days: number[]; prices: (number | null)[][] }>; cases: Case[] };

/** The fixture's cases as backtest inputs (shared with the test that compares against the file). */
export function legacyInputs(): BacktestInput[] {
  return fixture.cases.map((c) => {
    const panel = fixture.panels[c.panel ?? "daily"];
    return {
      prices: pricePanel(panel.prices.map((row) => row.map((x) => (x === null ? NaN : x)))),
      dates: panel.days,
      rule: c.rule === "inverseVolatility" ? inverseVolatility : (c.weights as number[]),
      rebalance: typeof c.schedule === "string" ? (c.schedule as "monthly") : { band: c.schedule },
      lookback: c.lookback,
      feeBps: c.feeBps,
      initialCapital: c.capital,
    };
  });
}

if (require.main === module) {
  const commit = execSync("git log -1 --format=%H -- src/core/backtest/backtest.ts")
    .toString()
    .trim();
  const results = legacyInputs().map((input) => {
    const out = backtest(input);
    return {
      equity: Array.from(out.equity),
      rebalanceRows: Array.from(out.rebalanceRows),
      weights: out.weights.map((w) => Array.from(w)),
      turnoverByRebalance: Array.from(out.turnoverByRebalance),
      turnover: out.turnover,
      feesPaid: out.feesPaid,
      startRow: out.startRow,
    };
  });
  fs.writeFileSync(
    path.join(__dirname, "..", "..", "fixtures", "backtest", "legacySnapshot.json"),
    JSON.stringify({
      generator: "test/core/backtest/legacySnapshot.ts",
      backtestCommit: commit,
      results,
    })
  );
}
