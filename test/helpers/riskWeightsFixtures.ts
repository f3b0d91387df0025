/**
 * Inputs shared by the RISKWEIGHTS / EFFFRONTIER suites (construction.test.ts and
 * riskWeightsLimits.test.ts): one covariance spill, the empty-argument stand-in and a price path.
 */

/** Uncorrelated assets with volatilities 20 %, 40 %, 20 %, as COVMATRIX would spill them. */
export const COV = [
  ["", "BTC", "ETH", "PAXG"],
  ["BTC", 0.04, 0, 0],
  ["ETH", 0, 0.16, 0],
  ["PAXG", 0, 0, 0.04],
];

/** An omitted optional argument, as Excel passes it (null), typed to fit any string parameter. */
export const none = null as unknown as string;

/** The weight column (second) of an Asset/Weight spill, header row dropped. */
export function weightsOf(out: unknown[][]): number[] {
  return out.slice(1).map((row) => row[1] as number);
}

/**
 * Prices of four assets A–D starting at 100, `steps` rows after the header: each step multiplies
 * asset j by 1 + 0.01 (j + 1) sin(0.7 t (j + 2)) + drift·j, so the returns differ enough for a
 * well-posed frontier. O(4·steps).
 */
export function sinePrices(steps: number, drift: number): Array<Array<string | number>> {
  const prices: Array<Array<string | number>> = [["A", "B", "C", "D"]];
  for (let t = 0, p = [100, 100, 100, 100]; t < steps; t++) {
    p = p.map((x, j) => x * (1 + 0.01 * (j + 1) * Math.sin(t * (j + 2) * 0.7) + drift * j));
    prices.push([...p]);
  }
  return prices;
}
