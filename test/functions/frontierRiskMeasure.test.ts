import { downsideFrontier } from "../../src/core/downside/downsideFrontier";
import { resampledEfficientFrontier } from "../../src/core/frontier/resampledEfficientFrontier";
import type { LpSolver } from "../../src/core/lp/types";
import { readReturns } from "../../src/functions/common";
import { effFrontier } from "../../src/functions/construction";
import { loadHighsSolver } from "../../src/functions/lp/highsSolver";
import { parseRiskMeasure } from "../../src/functions/parse/riskMeasure";
import { rejectionOf } from "../helpers/excelErrorOf";

const none = null as unknown as number;
const PRICES: Array<Array<string | number>> = [["BTC", "ETH", "SOL", "PAXG"]];
for (let t = 0, p = [100, 100, 100, 100]; t < 150; t++) {
  p = p.map(
    (x, j) => x * (1 + 0.012 * (j + 1) * Math.sin(t * (j + 2) * 0.7 + j) + 0.001 * (j + 1))
  );
  PRICES.push([...p]);
}

/** EFFFRONTIER(prices, points, , , riskFree, ppy, estimator, , , riskMeasure). */
function frontier(points: number, riskMeasure: string, riskFree = none, estimator = none as never) {
  return effFrontier(
    PRICES,
    points,
    none,
    none,
    riskFree,
    none,
    estimator,
    none as never,
    none as never,
    riskMeasure
  );
}

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe("EFFFRONTIER riskMeasure", () => {
  const returns = () => readReturns(PRICES).returns;

  it('"cvar 0.9": header names the measure and STARR, rows are downsideFrontier\'s', async () => {
    const out = await frontier(5, "cvar 0.9", 0.0365);
    expect(out[0]).toEqual(["Point", "Return", "CVaR 90%", "STARR", "BTC", "ETH", "SOL", "PAXG"]);
    const core = downsideFrontier(
      returns(),
      { measure: "cvar", points: 5, alpha: 0.9, riskFree: 0.0365, periodsPerYear: 365 },
      solver
    );
    expect(out).toHaveLength(core.length + 1);
    core.forEach((p, i) => {
      expect(out[i + 1][0]).toBe(p.note);
      expect(out[i + 1][1]).toBeCloseTo(p.expectedReturn, 10);
      expect(out[i + 1][2]).toBeCloseTo(p.risk, 10);
      expect(out[i + 1][3]).toBeCloseTo(p.ratio, 8);
    });
    expect(out.some((row) => row[0] === "max ratio")).toBe(true);
  });

  it('"cdar" (95 % by default) and "semivariance" name their columns', async () => {
    expect((await frontier(3, "cdar"))[0].slice(0, 4)).toEqual([
      "Point",
      "Return",
      "CDaR 95%",
      "Return/CDaR",
    ]);
    const semi = await frontier(3, "Semivariance 0");
    expect(semi[0].slice(0, 4)).toEqual(["Point", "Return", "Semideviation", "Sortino"]);
    expect(semi[1][0]).toBe("min risk");
  });

  it('"variance" and blank keep the critical-line frontier', async () => {
    const plain = await effFrontier(PRICES, 4);
    expect(await frontier(4, "variance")).toEqual(plain);
    expect(plain[0].slice(0, 4)).toEqual(["Point", "Return", "Volatility", "Sharpe"]);
  });

  it('"resampled 20" spills resampledEfficientFrontier\'s averaged points', async () => {
    const out = await frontier(4, "resampled 20");
    expect(out[0].slice(0, 4)).toEqual(["Point", "Return", "Volatility", "Sharpe"]);
    const core = resampledEfficientFrontier(returns(), {
      points: 4,
      resamples: 20,
      periodsPerYear: 365,
    });
    const plainRows = out.slice(1).filter((row) => row[0] !== "max Sharpe");
    core.points.forEach((p, i) => expect(plainRows[i][1]).toBeCloseTo(p.expectedReturn, 10));
  });

  it("refuses a bad measure, a level outside (0, 1), a covariance matrix and an estimator", async () => {
    expect((await rejectionOf(frontier(3, "cvar 1.2"))).message).toMatch(
      /confidence level after "cvar" must be strictly between 0 and 1/
    );
    expect((await rejectionOf(frontier(3, "volatility"))).message).toMatch(
      /riskMeasure must be "variance"/
    );
    expect((await rejectionOf(frontier(3, "cvar", none, "ledoitwolf" as never))).message).toMatch(
      /leave estimator empty/
    );
    const cov = [
      ["", "A", "B"],
      ["A", 0.04, 0],
      ["B", 0, 0.09],
    ];
    const error = await rejectionOf(
      effFrontier(
        cov,
        3,
        none,
        none,
        none,
        none,
        none as never,
        none as never,
        none as never,
        "cdar"
      )
    );
    expect(error.message).toMatch(/needs the price history/);
  });
});

describe("parseRiskMeasure", () => {
  it("reads each word and its number, with the defaults", () => {
    expect(parseRiskMeasure(null)).toEqual({ ok: true, data: { measure: "variance" } });
    expect(parseRiskMeasure("CVaR")).toEqual({ ok: true, data: { measure: "cvar", alpha: 0.95 } });
    expect(parseRiskMeasure("cdar 0.8")).toEqual({
      ok: true,
      data: { measure: "cdar", alpha: 0.8 },
    });
    expect(parseRiskMeasure("semivariance 0.001")).toEqual({
      ok: true,
      data: { measure: "semivariance", threshold: 0.001 },
    });
    expect(parseRiskMeasure("resampled")).toEqual({
      ok: true,
      data: { measure: "resampled", resamples: 100 },
    });
  });
  it("refuses extra words, non-numbers, a count out of range and a number after variance", () => {
    for (const text of [
      "cvar 0.9 x",
      "cvar abc",
      "resampled 1",
      "resampled 2.5",
      "variance 2",
      7,
    ]) {
      expect(parseRiskMeasure(text).ok).toBe(false);
    }
  });
});
