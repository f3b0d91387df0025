/**
 * The day on which each demo token's simulated path is pinned to a realistic price level, so that
 * market caps (circulating supply × price) and their ranking look like the real market's instead of
 * drifting with six years of simulated compounding. Only the level is pinned: the simulated returns
 * (and so every statistic the demo calibrates) are unchanged.
 */
export const DEMO_REFERENCE_DATE = "2025-06-30";

/**
 * Rounded USD closes on DEMO_REFERENCE_DATE, public figures used only for scale (like the supplies in
 * demoUniverse.ts). MATIC stands for POL after the migration.
 */
export const DEMO_REFERENCE_PRICES: Readonly<Record<string, number>> = {
  BTC: 107000,
  ETH: 2500,
  BNB: 650,
  XRP: 2.2,
  SOL: 155,
  ADA: 0.58,
  DOGE: 0.165,
  TRX: 0.28,
  LINK: 13.3,
  AVAX: 18,
  XLM: 0.24,
  BCH: 500,
  SUI: 2.9,
  HBAR: 0.15,
  LTC: 87,
  SHIB: 0.0000115,
  DOT: 3.4,
  XMR: 320,
  UNI: 7.3,
  PEPE: 0.0000096,
  AAVE: 265,
  NEAR: 2.15,
  APT: 4.5,
  ETC: 16.4,
  OKB: 50,
  CRO: 0.083,
  ATOM: 4.0,
  FIL: 2.3,
  ARB: 0.32,
  OP: 0.55,
  MATIC: 0.19,
  MKR: 2000,
  GRT: 0.09,
  QNT: 100,
  LDO: 0.75,
  PAXG: 3300,
  XAUT: 3300,
  ZEC: 40,
  CRV: 0.55,
  PYTH: 0.11,
};
