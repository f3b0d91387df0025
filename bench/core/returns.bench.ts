import { pricePanel } from "../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

export const cases: BenchCase[] = [
  {
    name: "simple returns",
    size: "500 assets × 3,650 rows",
    units: { count: 500 * 3650, label: "cells" },
    setup: () => {
      const prices = pricePanel(randomPrices(3650, 500, 1));
      return () => returnsFromPrices(prices, "simple");
    },
  },
];
