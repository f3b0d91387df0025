import {
  capWeights,
  clusters,
  effFrontier,
  riskWeights,
  tiers,
} from "../../src/functions/construction";
import { hierarchicalEqualRiskContribution } from "../../src/core/allocation/hierarchicalEqualRiskContribution";
import { inverseVolatilityWeights } from "../../src/core/allocation/inverseVolatilityWeights";
import { nestedClusteredOptimisation } from "../../src/core/allocation/nestedClusteredOptimisation";
import { covarianceMatrix } from "../../src/core/covariance/covarianceMatrix";
import { minimumVarianceConstrained } from "../../src/core/optimize/minimumVarianceConstrained";
import { readReturns } from "../../src/functions/common";
import { errorOf, rejectionOf } from "../helpers/excelErrorOf";
import { COV, none, sinePrices, weightsOf } from "../helpers/riskWeightsFixtures";

// A price path with four assets whose returns differ enough for a well-posed frontier.
const PRICES = sinePrices(60, 0.002);

describe("RISKWEIGHTS", () => {
  it("gives equal risk contributions: inverse volatility when uncorrelated (0.4, 0.2, 0.4)", async () => {
    const out = await riskWeights(COV);
    expect(out[0]).toEqual(["Asset", "Weight"]);
    expect(out.slice(1).map((r) => r[0])).toEqual(["BTC", "ETH", "PAXG"]);
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.2, 0.4][i], 9));
    weightsOf(await riskWeights(COV, "invvol")).forEach((w, i) =>
      expect(w).toBeCloseTo([0.4, 0.2, 0.4][i], 12)
    );
  });

  it("minimum variance of uncorrelated assets is ∝ 1/σ² (4:1:4), and respects a cap", async () => {
    weightsOf(await riskWeights(COV, "minvar")).forEach((w, i) =>
      expect(w).toBeCloseTo([4 / 9, 1 / 9, 4 / 9][i], 8)
    );
    const capped = weightsOf(await riskWeights(COV, "MinVar", 0.4));
    expect(Math.max(...capped)).toBeLessThanOrEqual(0.4 + 1e-9);
    expect(capped.reduce((a, b) => a + b)).toBeCloseTo(1, 9);
  });

  it("applies group caps given as sector labels and a caps table", async () => {
    const out = await riskWeights(
      COV,
      "minvar",
      null,
      null,
      none,
      [["Crypto"], ["Crypto"], ["Gold"]],
      [["Gold", 0.25]]
    );
    const w = weightsOf(out);
    expect(w[2]).toBeCloseTo(0.25, 8);
    expect(w[0] / w[1]).toBeCloseTo(4, 6);
  });

  it("computes every method from prices, each summing to 1", async () => {
    for (const method of ["erc", "invvol", "hrp", "minvar", "maxsharpe", "maxdiv", "equal"]) {
      const w = weightsOf(await riskWeights(PRICES, method));
      expect({ method, sum: w.reduce((a, b) => a + b) }).toEqual({
        method,
        sum: expect.closeTo(1, 9),
      });
      expect(w.every((x) => x >= -1e-12)).toBe(true);
    }
  });

  it("says what is wrong: constraints on an unconstrained method, maxsharpe without prices, unknown method", async () => {
    expect((await rejectionOf(riskWeights(COV, "erc", 0.3))).message).toMatch(
      /apply to "minvar", "maxsharpe" and "maxdiv"/
    );
    expect((await rejectionOf(riskWeights(COV, "maxsharpe"))).message).toMatch(
      /needs expected returns, so pass prices/
    );
    expect((await rejectionOf(riskWeights(COV, "risky"))).message).toMatch(
      /^method must be "erc", "invvol", "hrp"/
    );
    expect((await rejectionOf(riskWeights(COV, "minvar", null, 0.5))).message).toMatch(
      /lower bounds sum to 1.5/
    );
  });
});

describe("EFFFRONTIER", () => {
  it("spills the sampled frontier with min variance first, the max-Sharpe point marked, weights summing to 1", async () => {
    const out = await effFrontier(PRICES, 5);
    expect(out[0]).toEqual(["Point", "Return", "Volatility", "Sharpe", "A", "B", "C", "D"]);
    expect(out[1][0]).toBe("min variance");
    expect(out.filter((r) => r[0] === "max Sharpe")).toHaveLength(1);
    const body = out.slice(1);
    for (let k = 1; k < body.length; k++)
      expect(body[k][1] as number).toBeGreaterThanOrEqual((body[k - 1][1] as number) - 1e-12);
    for (const row of body)
      expect((row.slice(4) as number[]).reduce((a, b) => a + b)).toBeCloseTo(1, 9);
    const sharpe = body.map((r) => r[3] as number);
    const best = body.find((r) => r[0] === "max Sharpe")?.[3] as number;
    expect(Math.max(...sharpe)).toBeCloseTo(best, 12);
  });

  it("uses the QP frontier with group caps", async () => {
    const out = await effFrontier(
      PRICES,
      4,
      null,
      null,
      null as unknown as number,
      null as unknown as number,
      none,
      [["x"], ["x"], ["y"], ["y"]],
      [["y", 0.3]]
    );
    for (const row of out.slice(1))
      expect((row[6] as number) + (row[7] as number)).toBeLessThanOrEqual(0.3 + 1e-9);
  });

  it("rejects too few points and a covariance matrix without returns", async () => {
    expect((await rejectionOf(effFrontier(PRICES, 1))).message).toMatch(
      /^points must be a whole number of points from 2/
    );
    expect((await rejectionOf(effFrontier(COV))).message).toMatch(
      /EFFFRONTIER needs expected returns/
    );
  });
});

describe("CAPWEIGHTS and TIERS", () => {
  it("caps at 25 % and redistributes pro rata (hand-worked)", async () => {
    // Caps 50, 20, 15, 10, 5 (sum 100): 50 % → 25 %; the 25 % excess goes to the rest pro rata
    // (20:15:10:5 of 50 → +10, +7.5, +5, +2.5), giving 30 % for the second: capped again, its 5 %
    // excess split 15:10:5 → 22.5+2.5, 15+5/3, 7.5+5/6.
    const out = capWeights(
      [
        ["BTC", "ETH", "BNB", "SOL", "XRP"],
        [50, 20, 15, 10, 5],
      ],
      0.25
    );
    const w = weightsOf(out);
    expect(w[0]).toBeCloseTo(0.25, 12);
    expect(w[1]).toBeCloseTo(0.25, 12);
    expect(w[2]).toBeCloseTo(0.25, 12);
    expect(w[3]).toBeCloseTo(0.5 / 3, 12);
    expect(w[4]).toBeCloseTo(0.25 / 3, 12);
  });

  it("says the smallest feasible cap", async () => {
    expect(errorOf(() => capWeights([[1, 2, 3]], 0.2)).message).toMatch(
      /use a cap of at least 1\/3/
    );
  });

  it("labels tiers by rank with the given breaks", async () => {
    expect(
      tiers(
        [
          ["A", 5],
          ["B", 50],
          ["C", 1],
          ["D", 20],
        ],
        [[1, 3]]
      )
    ).toEqual([
      ["A", "mid"],
      ["B", "large"],
      ["C", "small"],
      ["D", "mid"],
    ]);
  });
});

describe("CLUSTERS", () => {
  it("lists the assets in cluster order with their HRP weights, or the merge table", async () => {
    const order = clusters(PRICES);
    expect(order[0]).toEqual(["Position", "Asset", "HRP weight"]);
    expect(
      order
        .slice(1)
        .map((r) => r[1])
        .sort()
    ).toEqual(["A", "B", "C", "D"]);
    const merges = clusters(PRICES, "ward", "merges");
    expect(merges).toHaveLength(4);
    expect(merges[3][4]).toBe(4);
  });
});

describe("RISKWEIGHTS herc and nco, and the robust estimators", () => {
  // Two pairs: σ = 1, 1 with ρ = 0.8 and σ = 2, 2 with ρ = 0.6, uncorrelated across (the core's
  // hand-worked case): HERC (k = 2 by the gap statistic) gives R = 0.9, 3.2, so α = 3.2/4.1 and
  // weights [1.6, 1.6, 0.45, 0.45] / 4.1; NCO's intra weights are ½, ½, Σ' = diag(0.9, 3.2).
  const PAIRS = [
    ["", "A", "B", "C", "D"],
    ["A", 1, 0.8, 0, 0],
    ["B", 0.8, 1, 0, 0],
    ["C", 0, 0, 4, 2.4],
    ["D", 0, 0, 2.4, 4],
  ];
  const hand = [1.6, 1.6, 0.45, 0.45].map((x) => x / 4.1);
  const nil = null as unknown as number;
  const pricesCov = (estimator: string) =>
    covarianceMatrix(readReturns(PRICES).returns, { estimator }).matrix;

  it("herc gives the hand-worked weights, as the core does", async () => {
    const out = await riskWeights(PAIRS, "HERC");
    expect(out.slice(1).map((r) => r[0])).toEqual(["A", "B", "C", "D"]);
    weightsOf(out).forEach((w, i) => expect(w).toBeCloseTo(hand[i], 12));
  });

  it("nco is the core's long-only minimum-variance NCO", async () => {
    const w = weightsOf(await riskWeights(PAIRS, "nco"));
    const data = Float64Array.from(PAIRS.slice(1).flatMap((row) => row.slice(1) as number[]));
    const expected = nestedClusteredOptimisation(
      { size: 4, data, labels: ["A", "B", "C", "D"] },
      { objective: "minvariance", longOnly: true }
    ).weights;
    expect(w).toEqual(Array.from(expected));
    expect(w.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it("herc and nco from prices equal the core on the estimated covariance", async () => {
    const cov = pricesCov("sample");
    expect(weightsOf(await riskWeights(PRICES, "herc"))).toEqual(
      Array.from(hierarchicalEqualRiskContribution(cov).weights)
    );
    expect(weightsOf(await riskWeights(PRICES, "nco"))).toEqual(
      Array.from(nestedClusteredOptimisation(cov, { longOnly: true }).weights)
    );
  });

  it("refuses bounds and group caps with herc and nco, naming them and the alternatives", async () => {
    for (const method of ["herc", "nco"]) {
      const capped = await rejectionOf(riskWeights(PAIRS, method, 0.3));
      expect(capped).toMatchObject({
        code: "#VALUE!",
        message: expect.stringContaining(
          `"${method}" cannot honour maxWeight, minWeight or group caps (its weights follow the cluster tree); leave them empty, or use "erc" without bounds or "minvar" with them`
        ),
      });
      expect((await rejectionOf(riskWeights(PAIRS, method, null, 0.1))).message).toMatch(
        /cannot honour maxWeight, minWeight or group caps/
      );
      const grouped = riskWeights(
        PAIRS,
        method,
        null,
        null,
        none,
        [["X"], ["X"], ["Y"], ["Y"]],
        [["X", 0.5]]
      );
      expect((await rejectionOf(grouped)).message).toMatch(/cannot honour maxWeight/);
      // A floor of 0 and a cap of 1 are what long-only already means: accepted, same weights.
      expect(await riskWeights(PAIRS, method, 1, 0)).toEqual(await riskWeights(PAIRS, method));
    }
  });

  it.each([
    ["denoised", "denoised"],
    ["detoned", "detoned"],
    ["gerber", "gerber"],
    ["semi", "semi"],
  ])("takes estimator %s from prices: invvol on the core's %s matrix", async (word, estimator) => {
    const w = weightsOf(await riskWeights(PRICES, "invvol", null, null, word));
    expect(w).toEqual(Array.from(inverseVolatilityWeights(pricesCov(estimator))));
  });

  it('reads "gerber 0.7" and "semi 0.001" as the estimator with its option', async () => {
    const returns = readReturns(PRICES).returns;
    const gerber = weightsOf(await riskWeights(PRICES, "minvar", null, null, "Gerber 0.7"));
    expect(gerber).toEqual(
      Array.from(
        minimumVarianceConstrained(
          covarianceMatrix(returns, { estimator: "gerber", threshold: 0.7 }).matrix,
          {}
        ).weights
      )
    );
    const semi = weightsOf(await riskWeights(PRICES, "invvol", null, null, "semi 0.001"));
    expect(semi).toEqual(
      Array.from(
        inverseVolatilityWeights(
          covarianceMatrix(returns, { estimator: "semi", benchmark: 0.001 }).matrix
        )
      )
    );
  });

  it("EFFFRONTIER accepts the new estimator words too", async () => {
    const out = await effFrontier(PRICES, 3, null, null, nil, nil, "semi");
    expect(out.length).toBeGreaterThan(1);
    expect(
      (await rejectionOf(effFrontier(PRICES, 3, null, null, nil, nil, "gerber 2"))).message
    ).toMatch(/the Gerber threshold after "gerber" must be .* strictly between 0 and 1/);
  });

  it("rejects an unknown method or estimator option with the choices", async () => {
    expect((await rejectionOf(riskWeights(COV, "hercules"))).message).toMatch(
      /^method must be "erc", "invvol", "hrp", "herc", "nco", "minvar"/
    );
    expect(
      (await rejectionOf(riskWeights(PRICES, "erc", null, null, "denoised 3"))).message
    ).toMatch(/or "gerber" or "semi" followed by a number/);
  });
});
