import { cdarPortfolio } from "../../src/core/downside/cdarPortfolio";
import { maxDrawdownPortfolio } from "../../src/core/downside/maxDrawdownPortfolio";
import { semivariancePortfolio } from "../../src/core/downside/semivariancePortfolio";
import { loadHighsSolver } from "../../src/functions/lp/highsSolver";
import type { BenchCase } from "../harness";
import { randomReturns } from "../randomData";

const ROWS = 1825;
const ASSETS = 20;
const SIZE = "20 assets × 1,825 scenarios";

// The solver is loaded once (the first call's load falls in the untimed warm-up run).
// Measured 2026-12-03, Node 20, 2 cores at load ~2.6, per call (process.cpuUsage / wall median of
// 7): min-CDaR 509–518 → 197–228 ms CPU, mean-CDaR 340–348 → 195–244 ms, min max-DD 350–390 →
// 181–190 ms, after the drawdown rows moved to gross returns and the LP to its certified dual
// (HiGHS is ~90 % of the time; building the primal, its dual and the check ~25 ms).
export const cases: BenchCase[] = [
  {
    name: "min-CDaR LP (95 %), long-only",
    size: SIZE,
    setup: () => {
      const returns = randomReturns(ROWS, ASSETS, 21);
      return async () =>
        cdarPortfolio(returns, { objective: "minrisk", alpha: 0.95 }, await loadHighsSolver());
    },
  },
  {
    name: "mean-CDaR LP (95 %), max ratio, ≤ 25 % each",
    size: SIZE,
    targetMs: 300,
    setup: () => {
      const returns = randomReturns(ROWS, ASSETS, 22);
      return async () =>
        cdarPortfolio(
          returns,
          { objective: "maxratio", alpha: 0.95, constraints: { upper: 0.25 } },
          await loadHighsSolver()
        );
    },
  },
  {
    name: "min max-drawdown LP, long-only",
    size: SIZE,
    setup: () => {
      const returns = randomReturns(ROWS, ASSETS, 23);
      return async () =>
        maxDrawdownPortfolio(returns, { objective: "minrisk" }, await loadHighsSolver());
    },
  },
  {
    name: "min semivariance (Newton + Goldfarb–Idnani)",
    size: SIZE,
    setup: () => {
      const returns = randomReturns(ROWS, ASSETS, 24);
      return async () =>
        semivariancePortfolio(returns, { objective: "minrisk" }, await loadHighsSolver());
    },
  },
  {
    name: "max Sortino (Newton + Goldfarb–Idnani), ≤ 25 % each",
    size: SIZE,
    setup: () => {
      const returns = randomReturns(ROWS, ASSETS, 25);
      return async () =>
        semivariancePortfolio(
          returns,
          { objective: "maxratio", constraints: { upper: 0.25 } },
          await loadHighsSolver()
        );
    },
  },
];
