import type { PricePanel } from "../../../src/core/types";

/** 2023-01-01 as a day number (days since 1970-01-01). */
export const FIRST_DAY = 19358;

/**
 * Seeded daily prices: BTC, ETH, SOL (listed on row 40), ADA, with calm and wild stretches; the
 * panel (column-major, NaN before listing) and its day numbers.
 */
export function seededPanel(days: number, seed = 7): { prices: PricePanel; dates: number[] } {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const labels = ["BTC", "ETH", "SOL", "ADA"];
  const level = [30000, 2000, 20, 0.4];
  const data = new Float64Array(days * labels.length);
  for (let t = 0; t < days; t++) {
    const wild = t > days / 3 && t < (2 * days) / 3 ? 2.5 : 1;
    const market = wild * 0.03 * (random() - 0.5);
    for (let j = 0; j < labels.length; j++) {
      level[j] *= 1 + market * (1 + j / 3) + wild * 0.02 * (random() - 0.5) + 0.0004;
      data[j * days + t] = j === 2 && t < 40 ? NaN : level[j];
    }
  }
  return {
    prices: { kind: "prices", rows: days, cols: labels.length, data, labels },
    dates: Array.from({ length: days }, (_, t) => FIRST_DAY + t),
  };
}
