import fc from "fast-check";
import { isCoreError } from "../../../src/core/errors";
import { DEMO_SEED, generateDemoCloses } from "../../../src/data/demo/generateDemoCloses";
import { DEMO_UNIVERSE, type DemoToken } from "../../../src/data/demo/demoUniverse";
import calibration from "../../fixtures/data/demo-calibration.json";

const FIVE_YEARS = 1826;

/** Annualised volatility, correlation to column 0 (BTC) and max drawdown of column j. */
function statistics(closes: Float64Array, days: number, j: number) {
  const x: number[] = [];
  const y: number[] = [];
  for (let t = 1; t < days; t++) {
    const a = closes[j * days + t - 1];
    const b = closes[j * days + t];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    x.push(Math.log(b / a));
    y.push(Math.log(closes[t] / closes[t - 1]));
  }
  const mean = (v: number[]) => v.reduce((s, e) => s + e, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  let peak = 0;
  let maxDrawdown = 0;
  for (let t = 0; t < days; t++) {
    const p = closes[j * days + t];
    if (Number.isNaN(p)) continue;
    peak = Math.max(peak, p);
    maxDrawdown = Math.max(maxDrawdown, 1 - p / peak);
  }
  return {
    volatility: Math.sqrt((sxx / (x.length - 1)) * 365),
    correlation: sxy / Math.sqrt(sxx * syy),
    maxDrawdown,
  };
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isCoreError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a CoreError");
}

describe("generateDemoCloses", () => {
  const run = generateDemoCloses(DEMO_UNIVERSE, FIVE_YEARS);

  it("starts each token at its start price on its listing day, NaN before (hand-worked dates)", () => {
    // days = 3 from 2020-01-01: dates 01-01, 01-02, 01-03; BTC listed day 0 at 7200.
    const small = generateDemoCloses(DEMO_UNIVERSE.slice(0, 1), 3);
    expect(small.dates).toEqual(["2020-01-01", "2020-01-02", "2020-01-03"]);
    expect(small.closes[0]).toBeCloseTo(7200, 9); // exp(log(7200)): equal to ~1e-15 relative
    // SOL is listed 2020-04-10 = day 100 (31 + 29 + 31 + 9): NaN up to day 99, start price on day 100.
    const sol = DEMO_UNIVERSE.findIndex((t) => t.symbol === "SOL");
    expect(run.closes[sol * FIVE_YEARS + 99]).toBeNaN();
    expect(run.closes[sol * FIVE_YEARS + 100]).toBeCloseTo(0.95, 12);
    // 1826 days: the last is 2020-01-01 + 1825 = 2024-12-30 (2020 and 2024 are leap years).
    expect(run.dates[FIVE_YEARS - 1]).toBe("2024-12-30");
  });

  it("gives bit-identical numbers for the same seed, different ones for another seed", () => {
    const again = generateDemoCloses(DEMO_UNIVERSE, FIVE_YEARS, DEMO_SEED);
    expect(Buffer.from(again.closes.buffer).equals(Buffer.from(run.closes.buffer))).toBe(true);
    expect(generateDemoCloses(DEMO_UNIVERSE, 50, DEMO_SEED + 1).closes).not.toEqual(
      generateDemoCloses(DEMO_UNIVERSE, 50).closes
    );
  });

  it("matches the calibrated volatility and correlation to BTC of each calibrated token", () => {
    // Tolerances: ±20 % on volatility and ±0.15 on correlation. The sampling error of 5 years of
    // daily data is smaller (≈ ±5 % and ±0.03); the rest is model error: regime means add common
    // variance, and some tokens' data cover a shorter, calmer window (AAVE 2023–2026).
    for (const [symbol, target] of Object.entries(calibration.assets)) {
      const j = DEMO_UNIVERSE.findIndex((t) => t.symbol === symbol);
      const s = statistics(run.closes, FIVE_YEARS, j);
      expect({
        symbol,
        ok: Math.abs(s.volatility / target.annualisedVolatility - 1) < 0.2,
      }).toEqual({ symbol, ok: true });
      expect({ symbol, ok: Math.abs(s.correlation - target.correlationToBtc) < 0.15 }).toEqual({
        symbol,
        ok: true,
      });
    }
  });

  it("keeps every sector's volatility, correlation to BTC and drawdowns in the calibrated ranges", () => {
    const sectors = calibration.sectors as Record<
      string,
      { annualisedVolatility: number[]; correlationToBtc: number[]; maxDrawdown: number[] }
    >;
    DEMO_UNIVERSE.forEach((token, j) => {
      const range = sectors[token.sector];
      if (range === undefined) return; // Infrastructure: not in the data, checked below
      const s = statistics(run.closes, FIVE_YEARS, j);
      const label = `${token.symbol} (${token.sector})`;
      expect([
        label,
        s.volatility >= range.annualisedVolatility[0] * 0.8 &&
          s.volatility <= range.annualisedVolatility[1] * 1.2,
      ]).toEqual([label, true]);
      expect([
        label,
        s.correlation >= range.correlationToBtc[0] - 0.15 &&
          s.correlation <= range.correlationToBtc[1] + 0.15,
      ]).toEqual([label, true]);
      // Drawdowns: a 5-year path (listing may be recent) sees fewer cycles than 2017–2026, so the low
      // end is widened by 0.35; the high end is the calibrated maximum or 0.995.
      expect([
        label,
        s.maxDrawdown >= range.maxDrawdown[0] - 0.35 &&
          s.maxDrawdown <= Math.max(range.maxDrawdown[1], 0.995),
      ]).toEqual([label, true]);
    });
    const alts = DEMO_UNIVERSE.map((t, j) => ({
      t,
      s: statistics(run.closes, FIVE_YEARS, j),
    })).filter(({ t }) => t.sector !== "Gold-backed" && t.sector !== "Store of value");
    // "Small caps fall 90 % in bear markets": the median altcoin drawdown is deep.
    const drawdowns = alts.map(({ s }) => s.maxDrawdown).sort((a, b) => a - b);
    expect(drawdowns[Math.floor(drawdowns.length / 2)]).toBeGreaterThan(0.8);
  });

  it("spends a calibrated share of days in bear phases", () => {
    const bearDays = run.bear.reduce((s, x) => s + x, 0);
    const pBull = calibration.regimes.bull.stayProbability;
    const pBear = calibration.regimes.bear.stayProbability;
    const stationary = (1 - pBull) / (1 - pBull + (1 - pBear)); // 0.366
    expect(Math.abs(bearDays / FIVE_YEARS - stationary)).toBeLessThan(0.1);
  });

  it("extends a shorter run: day t never depends on later days (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer(),
        (short, extra, seed) => {
          const a = generateDemoCloses(DEMO_UNIVERSE, short, seed);
          const b = generateDemoCloses(DEMO_UNIVERSE, short + extra, seed);
          let same = true;
          for (let j = 0; j < DEMO_UNIVERSE.length; j++) {
            for (let t = 0; t < short; t++)
              same &&= Object.is(a.closes[j * short + t], b.closes[j * (short + extra) + t]);
          }
          expect(same).toBe(true);
        }
      ),
      { numRuns: 20 }
    );
  });

  it("gives finite positive closes from listing on, for any seed (property)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const out = generateDemoCloses(DEMO_UNIVERSE, 400, seed);
        let bad = 0;
        DEMO_UNIVERSE.forEach((token, j) => {
          for (let t = 0; t < 400; t++) {
            const p = out.closes[j * 400 + t];
            if (out.dates[t] < token.listed ? !Number.isNaN(p) : !(p > 0 && Number.isFinite(p)))
              bad++;
          }
        });
        expect(bad).toBe(0);
      }),
      { numRuns: 10 }
    );
  });

  it("throws INVALID_ARGUMENT for bad days, no tokens, an unknown sector, a bad start price or listing date", () => {
    const btc = DEMO_UNIVERSE[0];
    expect(codeOf(() => generateDemoCloses(DEMO_UNIVERSE, 0))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => generateDemoCloses(DEMO_UNIVERSE, 2.5))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => generateDemoCloses([], 10))).toBe("INVALID_ARGUMENT");
    expect(() => generateDemoCloses([{ ...btc, sector: "NFT" }], 10)).toThrow(
      /BTC has sector "NFT", which the demo model does not know/
    );
    expect(codeOf(() => generateDemoCloses([{ ...btc, startPrice: 0 }], 10))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(codeOf(() => generateDemoCloses([{ ...btc, startPrice: NaN }], 10))).toBe(
      "INVALID_ARGUMENT"
    );
    expect(codeOf(() => generateDemoCloses([{ ...btc, listed: "1/1/2020" }], 10))).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("leaves its inputs unchanged", () => {
    const tokens: DemoToken[] = DEMO_UNIVERSE.slice(0, 5).map((t) => Object.freeze({ ...t }));
    const copy = JSON.stringify(tokens);
    generateDemoCloses(Object.freeze(tokens), 30);
    expect(JSON.stringify(tokens)).toBe(copy);
  });
});
