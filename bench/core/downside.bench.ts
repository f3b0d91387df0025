import { cdarPortfolio } from "../../src/core/downside/cdarPortfolio";
import { cvarPortfolio } from "../../src/core/downside/cvarPortfolio";
import type { ReturnsPanel } from "../../src/core/types";
import { loadHighsSolver } from "../../src/functions/lp/highsSolver";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** Simple returns of `rows + 1` random prices (one market factor, daily vol ≈ 4 %), column-major. */
function randomReturns(rows: number, n: number, seed: number): ReturnsPanel {
  const prices = randomPrices(rows + 1, n, seed);
  const data = new Float64Array(rows * n);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < n; j++) data[j * rows + t] = prices[t + 1][j] / prices[t][j] - 1;
  }
  return {
    kind: "returns",
    rows,
    cols: n,
    data,
    labels: Array.from({ length: n }, (_, j) => `A${j + 1}`),
  };
}

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
