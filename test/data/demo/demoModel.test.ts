import {
  DEMO_CALIBRATED_ASSETS,
  DEMO_REGIMES,
  DEMO_SECTOR_COMOVEMENT,
  DEMO_SECTOR_DEFAULTS,
  DEMO_STUDENT_T_DEGREES,
} from "../../../src/data/demo/demoModel";
import calibration from "../../fixtures/data/demo-calibration.json";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";

type Asset = { sector: string; alphaDaily: number; beta: number; residualDailyVolatility: number };
const assets = calibration.assets as Record<string, Asset>;

describe("demoModel", () => {
  it("holds the per-asset figures written by scripts/calibrate-demo.py (to their printed rounding)", () => {
    expect(Object.keys(DEMO_CALIBRATED_ASSETS).sort()).toEqual(Object.keys(assets).sort());
    for (const [symbol, [alpha, beta, residual]] of Object.entries(DEMO_CALIBRATED_ASSETS)) {
      expect(alpha).toBeCloseTo(assets[symbol].alphaDaily, 5);
      expect(beta).toBeCloseTo(assets[symbol].beta, 4);
      expect(residual).toBeCloseTo(assets[symbol].residualDailyVolatility, 5);
    }
  });

  it("holds the calibrated regimes and Student-t degrees of freedom", () => {
    for (const state of ["bull", "bear"] as const) {
      expect(DEMO_REGIMES[state].meanDailyLogReturn).toBeCloseTo(
        calibration.regimes[state].meanDailyLogReturn,
        7
      );
      expect(DEMO_REGIMES[state].dailyVolatility).toBeCloseTo(
        calibration.regimes[state].dailyVolatility,
        7
      );
      expect(DEMO_REGIMES[state].stayProbability).toBeCloseTo(
        calibration.regimes[state].stayProbability,
        7
      );
    }
    // nu = 4 + 6 / excess kurtosis (hand check: 4 + 6 / 9.2994 = 4.6452)
    expect(DEMO_STUDENT_T_DEGREES).toBeCloseTo(4 + 6 / calibration.btcExcessKurtosis, 4);
    expect(DEMO_STUDENT_T_DEGREES).toBeCloseTo(calibration.studentTDegreesOfFreedom, 4);
  });

  it("uses the measured sector co-movement where a sector has two or more calibrated members", () => {
    for (const [sector, figures] of Object.entries(calibration.sectors)) {
      if (figures.members.length >= 2)
        expect(DEMO_SECTOR_COMOVEMENT[sector]).toBeCloseTo(figures.residualCorrelation, 3);
    }
  });

  it("sets sector defaults to the mean of the sector's calibrated members", () => {
    for (const [sector, [alpha, beta, residual]] of Object.entries(DEMO_SECTOR_DEFAULTS)) {
      const members = Object.values(assets).filter((a) =>
        sector === "Infrastructure"
          ? a.sector !== "Store of value" && a.sector !== "Gold-backed"
          : a.sector === sector
      );
      const mean = (f: (a: Asset) => number) =>
        members.reduce((s, a) => s + f(a), 0) / members.length;
      expect(Math.abs(alpha - mean((a) => a.alphaDaily))).toBeLessThan(5e-6);
      expect(Math.abs(beta - mean((a) => a.beta))).toBeLessThan(5e-4);
      expect(Math.abs(residual - mean((a) => a.residualDailyVolatility))).toBeLessThan(5e-5);
    }
  });

  it("keeps every co-movement share in [0, 1]", () => {
    for (const c of Object.values(DEMO_SECTOR_COMOVEMENT)) expect(c >= 0 && c <= 1).toBe(true);
  });
});

describeWithSharedData("demoModel calibration on the real data", () => {
  it("reproduces the script's BTC volatility and ETH beta from the CSV in TypeScript", () => {
    const { symbols, rows } = readSharedCsv("crypto-daily-close.csv");
    const btc = symbols.indexOf("BTC");
    const eth = symbols.indexOf("ETH");
    const x: number[] = [];
    const y: number[] = [];
    for (let t = 1; t < rows.length; t++) {
      const rb = Math.log(rows[t][btc] / rows[t - 1][btc]);
      const re = Math.log(rows[t][eth] / rows[t - 1][eth]);
      if (Number.isNaN(rb) || Number.isNaN(re)) continue;
      x.push(rb);
      y.push(re);
    }
    const mean = (v: number[]) => v.reduce((s, e) => s + e, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < x.length; i++) {
      sxx += (x[i] - mx) ** 2;
      sxy += (x[i] - mx) * (y[i] - my);
    }
    expect(Math.sqrt((sxx / (x.length - 1)) * 365)).toBeCloseTo(
      calibration.assets.BTC.annualisedVolatility,
      10
    );
    expect(sxy / sxx).toBeCloseTo(assets.ETH.beta, 10);
  });
});
