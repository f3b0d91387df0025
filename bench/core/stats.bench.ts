import { pricePanel } from "../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import { panelStatistics } from "../../src/core/stats/panelStatistics";
import { seriesStatistics } from "../../src/core/stats/seriesStatistics";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

export const cases: BenchCase[] = [
  {
    name: "seriesStatistics per asset (benchmark = asset 1)",
    size: "50 assets × 3,650 rows",
    units: { count: 50, label: "assets" },
    setup: () => {
      const returns = returnsFromPrices(pricePanel(randomPrices(3651, 50, 7)));
      const rows = returns.rows;
      const benchmark = returns.data.subarray(0, rows);
      return () => {
        for (let j = 0; j < returns.cols; j++) {
          seriesStatistics(returns.data.subarray(j * rows, (j + 1) * rows), { benchmark });
        }
      };
    },
  },
  {
    name: "panelStatistics (STATS spill)",
    size: "50 assets × 3,650 rows",
    units: { count: 50, label: "assets" },
    setup: () => {
      const returns = returnsFromPrices(pricePanel(randomPrices(3651, 50, 7)));
      return () => panelStatistics(returns, { benchmarkColumn: 0, riskFree: 0.04 });
    },
  },
];
