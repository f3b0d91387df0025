/**
 * CoinGecko's API plans as its pricing page names them (coingecko.com/en/api/pricing, read
 * 2026-12-03): rate limit per minute and how far back daily history reaches. "public" is the
 * keyless API; "pro" is kept for settings saved before the plans were named (a paid key, plan
 * unknown).
 */
export type CoinGeckoPlan = "public" | "demo" | "basic" | "analyst" | "lite" | "enterprise" | "pro";

/** The plan names in the order the Data tab offers them. */
export const COINGECKO_PLANS: readonly CoinGeckoPlan[] = [
  "public",
  "demo",
  "basic",
  "analyst",
  "lite",
  "enterprise",
  "pro",
];

/** What a plan allows, and how its calls are made. */
export interface CoinGeckoPlanFacts {
  /** The plan's name in messages and the Data tab. */
  readonly label: string;
  /** Which root and key names: "public" = api.coingecko.com (keyless, Demo), "pro" = pro-api.coingecko.com. */
  readonly root: "public" | "pro";
  /** Our request budget per minute (at or under the plan's published limit). */
  readonly callsPerMinute: number;
  /** Most calls at once before the budget spaces them (the token bucket's size). */
  readonly burst: number;
  /** Days of daily history the plan serves (Infinity = all, "from 2013"). */
  readonly historyDays: number;
  /** The history depth in words, for the 10012 message. */
  readonly historyText: string;
}

/**
 * Facts per plan. Keyless: CoinGecko says only that keyless calls are limited per IP and shared
 * with everyone behind it (docs/errors-and-rate-limits); public reports see 5–15 calls/min and
 * Retry-After up to 119 s, so we budget 10/min with a burst of 3. Demo: 30/min and 1 year of daily
 * history (pricing page; the docs' "100/min" is not what the pricing table promises, so 30 is the
 * safe one). Basic 250/min and 2 years; Analyst and Lite 500/min, daily history from 2013;
 * Enterprise custom (500/min budget until the user sets their own, history from 2013).
 */
export const COINGECKO_PLAN_FACTS: Readonly<Record<CoinGeckoPlan, CoinGeckoPlanFacts>> = {
  public: {
    label: "keyless public API",
    root: "public",
    callsPerMinute: 10,
    burst: 3,
    historyDays: 365,
    historyText: "the last 365 days",
  },
  demo: {
    label: "Demo plan",
    root: "public",
    callsPerMinute: 30,
    burst: 10,
    historyDays: 365,
    historyText: "the last 365 days",
  },
  basic: {
    label: "Basic plan",
    root: "pro",
    callsPerMinute: 250,
    burst: 50,
    historyDays: 730,
    historyText: "the last 2 years (730 days)",
  },
  analyst: {
    label: "Analyst plan",
    root: "pro",
    callsPerMinute: 500,
    burst: 100,
    historyDays: Infinity,
    historyText: "daily history from 2013",
  },
  lite: {
    label: "Lite plan",
    root: "pro",
    callsPerMinute: 500,
    burst: 100,
    historyDays: Infinity,
    historyText: "daily history from 2013",
  },
  enterprise: {
    label: "Enterprise plan",
    root: "pro",
    callsPerMinute: 500,
    burst: 100,
    historyDays: Infinity,
    historyText: "daily history from 2013",
  },
  pro: {
    label: "paid plan",
    root: "pro",
    callsPerMinute: 500,
    burst: 100,
    historyDays: Infinity,
    historyText: "the history your plan allows",
  },
};

/**
 * The facts of a plan name from settings; an unknown name (old or hand-edited storage) is read as
 * keyless, the safest budget.
 *
 * @example coinGeckoPlanFacts("basic").historyDays; // => 730
 */
export function coinGeckoPlanFacts(plan: string | undefined): CoinGeckoPlanFacts {
  return (COINGECKO_PLANS as readonly string[]).includes(plan ?? "")
    ? COINGECKO_PLAN_FACTS[plan as CoinGeckoPlan]
    : COINGECKO_PLAN_FACTS.public;
}
