import {
  COINGECKO_PLANS,
  COINGECKO_PLAN_FACTS,
  coinGeckoPlanFacts,
} from "../../../src/data/coingecko/coinGeckoPlans";

describe("coinGeckoPlanFacts", () => {
  it("gives the pricing page's limits per plan", () => {
    // coingecko.com/en/api/pricing: rate limit/min and daily history depth.
    const table = COINGECKO_PLANS.map((p) => {
      const f = COINGECKO_PLAN_FACTS[p];
      return [p, f.root, f.callsPerMinute, f.historyDays];
    });
    expect(table).toEqual([
      ["public", "public", 10, 365],
      ["demo", "public", 30, 365],
      ["basic", "pro", 250, 730],
      ["analyst", "pro", 500, Infinity],
      ["lite", "pro", 500, Infinity],
      ["enterprise", "pro", 500, Infinity],
      ["pro", "pro", 500, Infinity],
    ]);
  });

  it("keeps every burst within its budget", () => {
    for (const p of COINGECKO_PLANS) {
      const f = COINGECKO_PLAN_FACTS[p];
      expect(f.burst).toBeGreaterThanOrEqual(1);
      expect(f.burst).toBeLessThanOrEqual(f.callsPerMinute);
    }
  });

  it("reads an unknown or missing plan name as keyless, the safest budget", () => {
    expect(coinGeckoPlanFacts("platinum")).toBe(COINGECKO_PLAN_FACTS.public);
    expect(coinGeckoPlanFacts(undefined)).toBe(COINGECKO_PLAN_FACTS.public);
    expect(coinGeckoPlanFacts("basic").historyDays).toBe(730);
  });
});
