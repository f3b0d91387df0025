/**
 * Figures of the demo price model, calibrated by scripts/calibrate-demo.py on Binance spot daily
 * closes 2017-08-17 .. 2026-01-05 (../shared/data/crypto-daily-close.csv, 22 assets). Only these
 * summary statistics are in the product, never the data. Re-run the script and copy its output here
 * when the data is refreshed; test/fixtures/data/demo-calibration.json is written by the same run and
 * the generator's test checks the simulated statistics against it.
 *
 * Model, daily log return of asset i in sector k on day t:
 *   r_it = alpha_i + beta_i · m_t + s_i · ( sqrt(c_k) · f_kt + sqrt(1 − c_k) · e_it )
 *   m_t  = mu_R + sigma_R · z_t         (market factor = BTC, R_t ∈ {bull, bear} a Markov chain)
 * z, f, e independent Student-t(nu) draws scaled to unit variance (fat tails as in real crypto).
 * So var(r_i) = beta_i² var(m) + s_i², corr(r_i, BTC) = beta_i sd(m) / sd(r_i), and two assets of one
 * sector share c_k of their residual variance (sector co-movement beyond the market).
 */

/** Regime parameters: daily mean and volatility of BTC's log return, and the daily stay probability. */
export interface DemoRegime {
  readonly meanDailyLogReturn: number;
  readonly dailyVolatility: number;
  /** P(R_{t+1} = R_t); mean phase length = 1 / (1 − stay). */
  readonly stayProbability: number;
}

/**
 * Bull and bear phases dated on BTC with the Lunde–Timmermann (2004) peak/trough rule, crypto-sized
 * thresholds (a 35 % fall from a peak starts a bear phase, a 50 % rise from the trough ends it):
 * 7 bull phases averaging 293 days and 6 bear phases averaging 169 days.
 */
export const DEMO_REGIMES: { readonly bull: DemoRegime; readonly bear: DemoRegime } = {
  bull: { meanDailyLogReturn: 0.0044105, dailyVolatility: 0.0316579, stayProbability: 0.9965837 },
  bear: { meanDailyLogReturn: -0.0058682, dailyVolatility: 0.0430539, stayProbability: 0.9940828 },
};

/**
 * Student-t degrees of freedom of every draw, by moment matching: BTC's regime-standardised daily
 * returns have excess kurtosis 9.30, and a t(nu) has 6 / (nu − 4), so nu = 4 + 6 / 9.30 = 4.65.
 */
export const DEMO_STUDENT_T_DEGREES = 4.6452;

/** Per-asset [alpha_i (daily), beta_i, s_i (daily residual volatility)], from the real closes. */
export const DEMO_CALIBRATED_ASSETS: Readonly<Record<string, readonly [number, number, number]>> = {
  BTC: [0, 1, 0],
  ETH: [-0.00026, 1.0242, 0.02839],
  BNB: [0.00131, 0.9452, 0.0377],
  XRP: [-0.00043, 0.9624, 0.04151],
  ADA: [-0.00079, 1.1213, 0.03726],
  SOL: [0.00064, 1.1692, 0.05088],
  DOGE: [0.00058, 1.0681, 0.05852],
  TRX: [-0.00015, 0.8494, 0.03669],
  DOT: [-0.0014, 1.1717, 0.04022],
  MATIC: [0.00075, 1.1607, 0.06112],
  LTC: [-0.00107, 1.0713, 0.03171],
  SHIB: [-0.00116, 1.2562, 0.04777],
  AVAX: [-0.00088, 1.2363, 0.04866],
  LINK: [-0.0001, 1.1066, 0.04452],
  UNI: [-0.001, 1.169, 0.05006],
  ATOM: [-0.00143, 1.0457, 0.04554],
  XLM: [-0.00097, 1.0005, 0.03986],
  XMR: [-0.00087, 0.9255, 0.03485],
  ETC: [-0.00108, 1.0808, 0.03874],
  BCH: [-0.00081, 1.1439, 0.03506],
  PAXG: [0.00038, 0.0283, 0.00841],
  AAVE: [-0.00056, 1.2443, 0.03873],
};

/**
 * Per-sector [alpha, beta, s] for demo tokens that are not in the calibration data: the mean over the
 * sector's calibrated members; "Infrastructure" (no member in the data) takes the mean of all 20
 * calibrated altcoins.
 */
export const DEMO_SECTOR_DEFAULTS: Readonly<Record<string, readonly [number, number, number]>> = {
  "Layer 1": [-0.00042, 1.08, 0.0401],
  "Layer 2": [0.00075, 1.161, 0.0611],
  DeFi: [-0.00078, 1.207, 0.0444],
  Oracles: [-0.0001, 1.107, 0.0445],
  Payments: [-0.00082, 1.044, 0.037],
  Meme: [-0.00029, 1.162, 0.0531],
  Exchange: [0.00131, 0.945, 0.0377],
  Privacy: [-0.00087, 0.925, 0.0348],
  "Gold-backed": [0.00038, 0.028, 0.0084],
  Interoperability: [-0.00141, 1.109, 0.0429],
  Infrastructure: [-0.00048, 1.088, 0.0424],
  "Store of value": [0, 1, 0],
};

/**
 * Share c_k of residual variance common to a sector: the mean pairwise correlation of the calibrated
 * members' residuals. Sectors with a single calibrated member (Layer 2, Oracles, Exchange, Privacy)
 * and Infrastructure take 0.45, the mean of the measured ones (0.34–0.54); the two gold tokens track
 * the same metal, so Gold-backed is set to 0.9 (an assumption, not calibrated).
 */
export const DEMO_SECTOR_COMOVEMENT: Readonly<Record<string, number>> = {
  "Layer 1": 0.343,
  "Layer 2": 0.45,
  DeFi: 0.51,
  Oracles: 0.45,
  Payments: 0.423,
  Meme: 0.436,
  Exchange: 0.45,
  Privacy: 0.45,
  "Gold-backed": 0.9,
  Interoperability: 0.539,
  Infrastructure: 0.45,
  "Store of value": 0,
};
