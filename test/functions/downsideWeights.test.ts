import { cdarPortfolio } from "../../src/core/downside/cdarPortfolio";
import { cvarPortfolio } from "../../src/core/downside/cvarPortfolio";
import { maxDrawdownPortfolio } from "../../src/core/downside/maxDrawdownPortfolio";
import { semivariancePortfolio } from "../../src/core/downside/semivariancePortfolio";
import type { LpSolver } from "../../src/core/lp/types";
import { readReturns } from "../../src/functions/common";
import { riskWeights } from "../../src/functions/construction";
import { loadHighsSolver } from "../../src/functions/lp/highsSolver";
import { parseMethodWithLevel } from "../../src/functions/parse/downsideMethod";
import { rejectionOf } from "../helpers/excelErrorOf";

const none = null as unknown as string;

// Four assets over 120 days with different volatilities and drifts (a deterministic path).
const PRICES: Array<Array<string | number>> = [["BTC", "ETH", "SOL", "PAXG"]];
for (let t = 0, p = [100, 100, 100, 100]; t < 120; t++) {
  p = p.map(
    (x, j) => x * (1 + 0.012 * (j + 1) * Math.sin(t * (j + 2) * 0.7 + j) + 0.001 * (3 - j))
  );
  PRICES.push([...p]);
}

function weightsOf(out: unknown[][]): number[] {
  return out.slice(1).map((row) => row[1] as number);
}

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe("RISKWEIGHTS downside methods", () => {
  const returns = () => readReturns(PRICES).returns;

  it('"mincvar" spills cvarPortfolio\'s weights at α = 0.95, labelled', async () => {
    const out = await riskWeights(PRICES, "mincvar");
    expect(out[0]).toEqual(["Asset", "Weight"]);
    expect(out.slice(1).map((r) => r[0])).toEqual(["BTC", "ETH", "SOL", "PAXG"]);
    const core = cvarPortfolio(returns(), { objective: "minrisk", alpha: 0.95 }, solver);
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo(core.weights[i], 12));
    expect(weightsOf(out).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it('reads the level after the word: "MinCVaR 0.8" is α = 0.8', async () => {
    const out = await riskWeights(PRICES, "MinCVaR 0.8");
    const core = cvarPortfolio(returns(), { objective: "minrisk", alpha: 0.8 }, solver);
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo(core.weights[i], 12));
  });

  it('"meancvar" maximises (mean − rf/ppy)/CVaR with the annual riskFree', async () => {
    const out = await riskWeights(
      PRICES,
      "meancvar 0.9",
      none,
      none,
      none,
      none as never,
      none as never,
      0.0365
    );
    const core = cvarPortfolio(
      returns(),
      { objective: "maxratio", alpha: 0.9, riskFree: 0.0365 / 365 },
      solver
    );
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo(core.weights[i], 12));
  });

  it('"mincdar", "meancdar" and "minmaxdd" spill the drawdown optimisers\' weights', async () => {
    const cases = [
      ["mincdar", cdarPortfolio(returns(), { objective: "minrisk", alpha: 0.95 }, solver)],
      [
        "meancdar 0.9",
        cdarPortfolio(returns(), { objective: "maxratio", alpha: 0.9, riskFree: 0 }, solver),
      ],
      ["minmaxdd", maxDrawdownPortfolio(returns(), { objective: "minrisk" }, solver)],
    ] as const;
    for (const [method, core] of cases) {
      weightsOf(await riskWeights(PRICES, method)).forEach((w, i) =>
        expect(w).toBeCloseTo(core.weights[i], 12)
      );
    }
  });

  it('"minsemivar 0.001" and "maxsortino" spill semivariancePortfolio\'s weights', async () => {
    const semi = semivariancePortfolio(
      returns(),
      { objective: "minrisk", threshold: 0.001 },
      solver
    );
    weightsOf(await riskWeights(PRICES, "minsemivar 0.001")).forEach((w, i) =>
      expect(w).toBeCloseTo(semi.weights[i], 12)
    );
    const sortino = semivariancePortfolio(
      returns(),
      { objective: "maxratio", threshold: 0, riskFree: 0 },
      solver
    );
    weightsOf(await riskWeights(PRICES, "maxsortino")).forEach((w, i) =>
      expect(w).toBeCloseTo(sortino.weights[i], 12)
    );
  });

  it("applies maxWeight, minWeight and group caps", async () => {
    const groups = [["L1"], ["L1"], ["L1"], ["Gold"]];
    const caps = [["L1", 0.6]];
    const out = await riskWeights(PRICES, "mincvar", 0.45, 0.05, none, groups, caps);
    const w = weightsOf(out);
    for (const v of w) {
      expect(v).toBeLessThanOrEqual(0.45 + 1e-9);
      expect(v).toBeGreaterThanOrEqual(0.05 - 1e-9);
    }
    expect(w[0] + w[1] + w[2]).toBeLessThanOrEqual(0.6 + 1e-9);
    const core = cvarPortfolio(
      returns(),
      {
        objective: "minrisk",
        alpha: 0.95,
        constraints: {
          upper: 0.45,
          lower: 0.05,
          groups: [{ name: "L1", members: [0, 1, 2], max: 0.6 }],
        },
      },
      solver
    );
    w.forEach((v, i) => expect(v).toBeCloseTo(core.weights[i], 9));
  });

  it("honours maxHoldings exactly and turnover against current weights (the limits argument)", async () => {
    const held = await riskWeights(
      PRICES,
      "mincvar",
      0.6,
      none,
      none,
      none as never,
      none as never,
      none as never,
      none as never,
      "holdings 2" as never
    );
    const core = cvarPortfolio(
      returns(),
      {
        objective: "minrisk",
        alpha: 0.95,
        constraints: { upper: 0.6 },
        limits: { maxHoldings: 2 },
      },
      solver
    );
    weightsOf(held).forEach((w, i) => expect(w).toBeCloseTo(core.weights[i], 9));
    expect(weightsOf(held).filter((w) => w > 1e-9).length).toBeLessThanOrEqual(2);
  });

  it("says which constraint binds when the bounds cannot hold", async () => {
    const error = await rejectionOf(riskWeights(PRICES, "mincvar", 0.2));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/upper bounds sum to 0.8 < 1: raise them by 0.2/);
  });

  it("refuses a level outside (0, 1), naming the method and the fix", async () => {
    for (const method of ["mincvar 1.5", "meancdar 0", "mincvar -0.1"]) {
      const error = await rejectionOf(riskWeights(PRICES, method));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(
        /confidence level after "(mincvar|meancdar)" must be strictly between 0 and 1, e.g. "(mincvar|meancdar) 0.95"/
      );
    }
    const error = await rejectionOf(riskWeights(PRICES, "minmaxdd 0.9"));
    expect(error.message).toMatch(
      /"minmaxdd" takes no number; only "mincvar", .* are followed by one/
    );
    expect((await rejectionOf(riskWeights(PRICES, "erc 0.5"))).message).toMatch(
      /"erc" takes no number/
    );
  });

  it("refuses a covariance matrix: these methods need the price history", async () => {
    const cov = [
      ["", "BTC", "ETH"],
      ["BTC", 0.04, 0],
      ["ETH", 0, 0.16],
    ];
    const error = await rejectionOf(riskWeights(cov, "mincvar"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /needs the price history; pass prices rather than a covariance matrix/
    );
  });

  it("refuses an estimator, which has nothing to act on", async () => {
    const error = await rejectionOf(riskWeights(PRICES, "mincvar", none, none, "ledoitwolf"));
    expect(error.message).toMatch(/leave estimator empty/);
  });

  it("keeps the old methods' results (erc is still the default)", async () => {
    const out = await riskWeights(PRICES);
    expect(weightsOf(out).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });
});

describe("parseMethodWithLevel", () => {
  const choices = ["erc", "mincvar", "minmaxdd"] as const;
  it("gives α 0.95 by default and reads a typed level", () => {
    expect(parseMethodWithLevel("mincvar", choices, "erc")).toEqual({
      ok: true,
      data: { method: "mincvar", alpha: 0.95 },
    });
    expect(parseMethodWithLevel(" MINCVAR   0.99 ", choices, "erc")).toEqual({
      ok: true,
      data: { method: "mincvar", alpha: 0.99 },
    });
    expect(parseMethodWithLevel(null, choices, "erc")).toEqual({
      ok: true,
      data: { method: "erc" },
    });
    expect(parseMethodWithLevel("", choices, "erc")).toEqual({ ok: true, data: { method: "erc" } });
  });
  it("refuses unknown words and extra words", () => {
    expect(parseMethodWithLevel("mincvar 0.9 x", choices, "erc").ok).toBe(false);
    expect(parseMethodWithLevel("mincvr", choices, "erc").ok).toBe(false);
    expect(parseMethodWithLevel("mincvar abc", choices, "erc").ok).toBe(false);
  });
});
