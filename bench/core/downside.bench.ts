import { cdarPortfolio } from "../../src/core/downside/cdarPortfolio";
import { cvarPortfolio } from "../../src/core/downside/cvarPortfolio";
import { loadHighsSolver } from "../../src/functions/lp/highsSolver";
import type { BenchCase } from "../harness";
import { randomReturns } from "../randomData";

export const cases: BenchCase[] = [
  {
    // A fresh runtime each run: compile + instantiate highs.wasm (the module import is cached, as
    // the chunk is in the browser after its first fetch).
    name: "HiGHS first load (compile + instantiate wasm)",
    size: "highs 1.15.3, 3.5 MB wasm",
    runs: 5,
    setup: () => async () => {
      const loader = (await import("highs")).default as unknown as () => Promise<unknown>;
      await loader();
    },
  },
  {
    name: "min-CVaR LP (95 %), long-only",
    size: "50 assets × 1,825 scenarios",
    targetMs: 100,
    setup: () => {
      const returns = randomReturns(1825, 50, 11);
      return async () =>
        cvarPortfolio(returns, { objective: "minrisk", alpha: 0.95 }, await loadHighsSolver());
    },
  },
  {
    name: "max mean-CVaR (STARR) LP, ≤ 10 % each",
    size: "50 assets × 1,825 scenarios",
    setup: () => {
      const returns = randomReturns(1825, 50, 11);
      return async () =>
        cvarPortfolio(
          returns,
          { objective: "maxratio", alpha: 0.95, constraints: { upper: 0.1 } },
          await loadHighsSolver()
        );
    },
  },
  {
    name: "mean-CDaR LP (95 %), max ratio",
    size: "20 assets × 1,825 scenarios",
    targetMs: 300,
    setup: () => {
      const returns = randomReturns(1825, 20, 13);
      return async () =>
        cdarPortfolio(returns, { objective: "maxratio", alpha: 0.95 }, await loadHighsSolver());
    },
  },
];
