/**
 * Canned CoinGecko answers in the shape of CoinGecko's published OpenAPI specification
 * (coingecko-api-oas demo-api.json / pro-api.json, components/schemas CoinsMarkets, CategoriesList,
 * CoinsMarketChart). Every provider test builds its fake answers here, and
 * test/data/coingecko/contract/coinGeckoContract.test.ts validates each of them against the spec's
 * response schema with ajv, so the fakes cannot drift from the real API.
 */

const DAY_MS = 86_400_000;

/** One row of GET /coins/markets (operationId coins-markets): every field the schema requires. */
export function marketRow(
  id: string,
  symbol: string,
  marketCap: number | null,
  rank: number | null,
  price: number | null,
  name = id[0].toUpperCase() + id.slice(1)
) {
  const cap = marketCap ?? 0;
  const unit = price ?? 0;
  return {
    id,
    symbol,
    name,
    image: `https://coin-images.coingecko.com/coins/images/1/large/${id}.png?1696501400`,
    current_price: price,
    market_cap: marketCap,
    market_cap_rank: rank,
    fully_diluted_valuation: marketCap,
    total_volume: cap / 50,
    high_24h: price === null ? null : unit * 1.01,
    low_24h: price === null ? null : unit * 0.99,
    price_change_24h: price === null ? null : unit * 0.005,
    price_change_percentage_24h: 0.5,
    market_cap_change_24h: cap * 0.005,
    market_cap_change_percentage_24h: 0.5,
    circulating_supply: unit > 0 ? cap / unit : 0,
    total_supply: unit > 0 ? cap / unit : null,
    max_supply: null,
    ath: price === null ? null : unit * 1.5,
    ath_change_percentage: -33.3,
    ath_date: "2025-10-06T18:57:42.558Z",
    atl: price === null ? null : unit * 0.01,
    atl_change_percentage: 9900,
    atl_date: "2013-07-06T00:00:00.000Z",
    roi: null,
    last_updated: "2026-01-10T11:59:00.000Z",
  };
}

/** A /coins/markets row as the fakes build it. */
export type FakeMarketRow = ReturnType<typeof marketRow>;

/** GET /coins/categories/list (operationId coins-categories-list). */
export function categoriesList() {
  return [
    { category_id: "layer-1", name: "Layer 1 (L1)" },
    { category_id: "decentralized-finance-defi", name: "Decentralized Finance (DeFi)" },
  ];
}

/**
 * GET /coins/{id}/market_chart?interval=daily (operationId coins-id-market-chart) as CoinGecko
 * sends it: one point per day at 00:00 UTC for the `values` (the last one at `lastMidnightMs`), then
 * the intraday "now" point at `nowMs`. A null value is sent as CoinGecko never does (the schema's
 * items are numbers), so it is left out of the arrays: a missing day.
 */
export function marketChart(
  values: readonly (number | null)[],
  lastMidnightMs: number,
  nowMs: number,
  nowValue: number
) {
  const prices: [number, number][] = [];
  values.forEach((v, i) => {
    if (v !== null) prices.push([lastMidnightMs - (values.length - 1 - i) * DAY_MS, v]);
  });
  prices.push([nowMs, nowValue]);
  return {
    prices,
    market_caps: prices.map(([t, v]) => [t, v * 19_000_000] as [number, number]),
    total_volumes: prices.map(([t, v]) => [t, v * 500_000] as [number, number]),
  };
}

/** CoinGecko's error body for codes such as 10012 (demo reference "Common Errors & Rate Limit"). */
export function errorBody(code: number, message: string) {
  return {
    error: {
      status: { timestamp: "2026-01-10T12:00:00.000Z", error_code: code, error_message: message },
    },
  };
}
