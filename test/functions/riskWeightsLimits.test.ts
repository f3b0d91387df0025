import { riskWeights } from "../../src/functions/construction";
import { resampledEfficientFrontier } from "../../src/core/frontier/resampledEfficientFrontier";
import { tradeLimitedPortfolio } from "../../src/core/optimize/tradeLimitedPortfolio";
import { readReturns } from "../../src/functions/common";
import { rejectionOf } from "../helpers/excelErrorOf";
import { COV, none, sinePrices, weightsOf } from "../helpers/riskWeightsFixtures";

/**
 * RISKWEIGHTS(input, method, maxWeight, minWeight, , , , , , limits, current, benchmark): the
 * skipped arguments empty (null) as Excel passes them; current and benchmark as given.
 */
const limitedCall = (
  input: unknown[][],
  method: string,
  args: {
    maxWeight?: unknown;
    minWeight?: unknown;
    limits: unknown;
    current?: unknown;
    benchmark?: unknown;
  }
) =>
  riskWeights(
    input,
    method,
    (args.maxWeight ?? none) as never,
    (args.minWeight ?? none) as never,
    none,
    none as never,
    none as never,
    none as never,
    none as never,
    args.limits,
    args.current as never,
    args.benchmark as never
  );
/** RISKWEIGHTS(COV, method, , , , , , , , limits, current, benchmark). */
const withLimits = (method: string, limits: unknown, current?: unknown, benchmark?: unknown) =>
  limitedCall(COV, method, { limits, current, benchmark });

const PRICES = sinePrices(80, 0.003);

describe("RISKWEIGHTS limits", () => {
  it("turnover 0.2 from all-BTC: sells 0.1 BTC, buys ETH and PAXG 1:4 (hand-worked)", async () => {
    // w1 = 0.9 (the cap binds: Σ|Δ| = 2·0.1), then min 0.16 w2² + 0.04 w3² with w2 + w3 = 0.1
    // gives w2 : w3 = 0.04 : 0.16 = 1 : 4, so (0.9, 0.02, 0.08).
    const w = weightsOf(await withLimits("minvar", "turnover 0.2", [[1], [0], [0]]));
    [0.9, 0.02, 0.08].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 9));
  });

  it("effn 2.9 spreads minvar until 1/Σw² = 2.9, BTC and PAXG equal (hand-worked)", async () => {
    // Unlimited: (4/9, 1/9, 4/9), 1/Σw² = 81/33 ≈ 2.45 < 2.9. With w = (a, 1 − 2a, a):
    // 2a² + (1 − 2a)² = 1/2.9 → 6a² − 4a + 1 − 1/2.9 = 0 → a = (4 + √(16 − 24(1 − 1/2.9)))/12
    // (the other root puts more in ETH, the riskiest asset: higher variance).
    const a = (4 + Math.sqrt(16 - 24 * (1 - 1 / 2.9))) / 12;
    const w = weightsOf(await withLimits("minvar", "effn 2.9"));
    expect(w[0]).toBeCloseTo(a, 7);
    expect(w[2]).toBeCloseTo(a, 7);
    expect(1 / w.reduce((s, x) => s + x * x, 0)).toBeCloseTo(2.9, 9);
  });

  it("te 0.2 against all-ETH moves minvar towards ETH until the tracking error is 0.2", async () => {
    const w = weightsOf(
      await withLimits("minvar", "te 20%", none, [
        ["BTC", 0],
        ["ETH", 1],
        ["PAXG", 0],
      ])
    );
    const te = Math.sqrt(0.04 * w[0] ** 2 + 0.16 * (w[1] - 1) ** 2 + 0.04 * w[2] ** 2);
    expect(te).toBeCloseTo(0.2, 9);
    expect(w[1]).toBeGreaterThan(1 / 9);
  });

  it("holdings 2 keeps BTC and PAXG at 0.5 each (every support solved)", async () => {
    const w = weightsOf(await withLimits("minvar", "holdings 2"));
    [0.5, 0, 0.5].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 12));
  });

  it("cost for maxsharpe equals the core's net-Sharpe optimum", async () => {
    const out = await limitedCall(PRICES, "maxsharpe", {
      limits: "cost 0.01; turnover 0.5",
      current: [[0.25, 0.25, 0.25, 0.25]],
    });
    const read = readReturns(PRICES);
    expect(out.slice(1).map((r) => r[0])).toEqual(["A", "B", "C", "D"]);
    // The same optimiser on the same inputs (the model's mean returns and sample covariance).
    const { covarianceMatrix } = await import("../../src/core/covariance/covarianceMatrix");
    const { meanReturns } = await import("../../src/core/returns/meanReturns");
    const cov = covarianceMatrix(read.returns, { periodsPerYear: 365 }).matrix;
    const mu = meanReturns(read.returns, 365);
    const expected = tradeLimitedPortfolio(
      cov,
      { kind: "ratio", a: mu, name: "excess return" },
      { current: [0.25, 0.25, 0.25, 0.25], maxTurnover: 0.5, costRate: 0.01 }
    ).weights;
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo(expected[i], 12));
  });

  it.each([
    ["erc", "holdings 2", /"erc" cannot honour holdings.*"minvar", "maxsharpe", "maxdiv"/],
    ["minvar", "turnover 0.2", /turnover needs currentWeights/],
    ["minvar", "te 0.1", /te needs benchmarkWeights/],
    ["minvar", "effn 4", /effn 4 is above the number of assets \(3\)/],
    ["minvar", "holdings 0", /whole number of assets ≥ 1/],
    ["minvar", "cardinality 3", /"cardinality" is not a limit/],
    ["minvar", "holdings 2; holdings 3", /given twice/],
  ])("refuses %s with %s", async (method, limits, message) => {
    const error = await rejectionOf(withLimits(method, limits));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  it("refuses te for maxdiv and effn with turnover, naming what can", async () => {
    const te = await rejectionOf(withLimits("maxdiv", "te 0.1", none, [[0], [1], [0]]));
    expect(te.message).toMatch(/"maxdiv" cannot honour te; use "minvar" for te/);
    const mixed = await rejectionOf(withLimits("minvar", "effn 2; turnover 0.5", [[1], [0], [0]]));
    expect(mixed.message).toMatch(/effn cannot be combined with turnover or cost/);
  });

  it("refuses bad currentWeights and benchmarkWeights, naming the argument and the fix", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        [
          ["BTC", 0.5],
          ["SOL", 0.5],
          ["PAXG", 0],
        ],
        /"SOL" is not one of the assets/,
      ],
      [
        [
          ["BTC", 0.5],
          ["ETH", 0.5],
        ],
        /no weight for PAXG; add a row/,
      ],
      [[[0.5], [-0.1], [0.1]], /must not be negative/],
      [[[0.5], [0.4], [0.3]], /sum to 1.2 > 1/],
      [[[0.5], [0.5]], /2 weights for 3 assets/],
    ];
    for (const [current, message] of cases) {
      const error = await rejectionOf(withLimits("minvar", "turnover 0.2", current));
      expect(error.message).toMatch(/currentWeights/);
      expect(error.message).toMatch(message);
    }
    const unused = await rejectionOf(withLimits("minvar", "holdings 2", [[1], [0], [0]]));
    expect(unused.message).toMatch(
      /currentWeights is given but limits has no "turnover" or "cost"/
    );
  });

  it("refuses holdings below the floored assets and effn above what maxWeight allows", async () => {
    const floors = await rejectionOf(
      limitedCall(COV, "minvar", { minWeight: 0.1, limits: "holdings 2" })
    );
    expect(floors.message).toMatch(/holdings 2 is below the 3 assets with a positive minWeight/);
    const caps = await rejectionOf(
      limitedCall(COV, "minvar", { maxWeight: [[0.05, 0.05, 1]], limits: "effn 2" })
    );
    expect(caps.message).toMatch(
      /effn 2 is incompatible with minWeight\/maxWeight: the most even portfolio they allow has 1\/Σw² = 1.22699; lower effn to 1.2269/
    );
  });

  it("maxdiv with a turnover that does not bind equals plain maxdiv; a binding one is met", async () => {
    const plain = weightsOf(await riskWeights(COV, "maxdiv"));
    const loose = weightsOf(await withLimits("maxdiv", "turnover 2", [[1], [0], [0]]));
    loose.forEach((w, i) => expect(w).toBeCloseTo(plain[i], 9));
    const tight = weightsOf(await withLimits("maxdiv", "turnover 0.3", [[1], [0], [0]]));
    const traded = Math.abs(tight[0] - 1) + Math.abs(tight[1]) + Math.abs(tight[2]);
    expect(traded).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(traded).toBeCloseTo(0.3, 9);
  });

  it("holdings with a turnover too small to reach them say the least turnover needed", async () => {
    // From (0.4, 0.3, 0.3) to 1 holding: sell 0.3 + 0.3 and buy 0.6 back, 1.2 traded.
    const error = await rejectionOf(
      withLimits("minvar", "holdings 1; turnover 1", [[0.4], [0.3], [0.3]])
    );
    expect(error.message).toMatch(/trades at least 1.2; raise turnover to 1.2 or holdings to 3/);
  });

  it("an unreachable turnover says the least turnover the bounds need", async () => {
    const error = await rejectionOf(
      limitedCall(COV, "minvar", {
        maxWeight: 0.5,
        limits: "turnover 0.2",
        current: [[1], [0], [0]],
      })
    );
    expect(error.message).toMatch(
      /turnover 0.2 is too small: the weight bounds alone need at least 0.5/
    );
  });
});

describe("RISKWEIGHTS resampled", () => {
  it("is the core's average of the resamples' max-Sharpe portfolios (seed 1), the same on recalculation", async () => {
    const out = await riskWeights(PRICES, "Resampled 20");
    const again = await riskWeights(PRICES, "resampled 20");
    expect(again).toEqual(out);
    const read = readReturns(PRICES);
    const expected = resampledEfficientFrontier(read.returns, {
      points: 2,
      resamples: 20,
      seed: 1,
    });
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo(expected.maximumSharpe!.weights[i], 14));
    expect(weightsOf(out).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("refuses a bad count, a covariance matrix and limits", async () => {
    expect((await rejectionOf(riskWeights(PRICES, "resampled 1"))).message).toMatch(
      /from 2 to 10,000/
    );
    expect((await rejectionOf(riskWeights(PRICES, "resampled 20001"))).message).toMatch(
      /from 2 to 10,000/
    );
    expect((await rejectionOf(riskWeights(COV, "resampled"))).message).toMatch(
      /needs the price history/
    );
    const limited = await rejectionOf(
      limitedCall(PRICES, "resampled 10", { limits: "holdings 2" })
    );
    expect(limited.message).toMatch(/"resampled" cannot honour holdings/);
  });
});
