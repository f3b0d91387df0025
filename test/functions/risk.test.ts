import { drawdown, stats, valueAtRisk } from "../../src/functions/risk";
import { historicalVaR } from "../../src/core/stats/historicalVaR";
import { errorOf } from "../helpers/excelErrorOf";

const PRICES = [
  ["Date", "BTC", "ETH", "FLAT"],
  [45000, 100, "", 5],
  [45001, 120, 10, 5],
  [45002, 90, 12, 5],
  [45003, 130, 9, 5],
  [45004, 117, 15, 5],
  [45005, 140, 14, 5],
];

describe("STATS", () => {
  const out = stats(PRICES, 12);
  const row = (name: string) => out.find((r) => r[0] === name) as unknown[];

  it("spills metrics down and assets across, with the benchmark rows last", () => {
    expect(out[0]).toEqual(["Metric", "BTC", "ETH", "FLAT"]);
    expect(out.map((r) => r[0])).toContain("Beta to BTC");
    expect(out[out.length - 1][0]).toBe("Tracking error to BTC");
  });

  it("measures each asset from its own first price (ETH listed a period later)", () => {
    expect(row("Periods")).toEqual(["Periods", 5, 4, 5]);
    // BTC: 100 → 140 over 5 monthly periods: CAGR = 1.4^(12/5) − 1.
    expect(row("CAGR")[1]).toBeCloseTo(1.4 ** (12 / 5) - 1, 12);
    // Max drawdown 120 → 90 = 25 %.
    expect(row("Max drawdown")[1]).toBeCloseTo(0.25, 12);
    expect(row("Beta to BTC")[1]).toBeCloseTo(1, 12);
  });

  it("shows an error only in the cells of an undefined metric (a constant series has no Sharpe)", () => {
    const sharpe = row("Sharpe ratio");
    expect(typeof sharpe[1]).toBe("number");
    expect(sharpe[3]).toMatchObject({ code: "#VALUE!" });
    expect(row("Annualised volatility")[3]).toBe(0);
  });

  it('drops the benchmark rows with benchmark "none" and takes one by name', () => {
    expect(stats(PRICES, 12, 0, "none").map((r) => r[0])).not.toContain("Beta to BTC");
    expect(stats(PRICES, 12, 0, "eth").map((r) => r[0])).toContain("Beta to ETH");
  });

  it("rejects bad options", () => {
    expect(errorOf(() => stats(PRICES, -1)).message).toMatch(
      /^ppy must be the number of periods per year/
    );
    expect(errorOf(() => stats(PRICES, 365, 0, "none", 1.5)).message).toMatch(
      /^confidence must be a level between 0 and 1/
    );
  });
});

describe("DRAWDOWN", () => {
  it("gives the maximum drawdown and the longest time under water per asset", () => {
    const out = drawdown(PRICES);
    expect(out[0]).toEqual(["", "BTC", "ETH", "FLAT"]);
    expect(out[1][1]).toBeCloseTo(0.25, 12);
    expect(out[1][2]).toBeCloseTo(0.25, 12); // 12 → 9
    expect(out[1][3]).toBe(0);
    expect(out[2][1]).toBe(2); // peak row 1 → recovered at row 3
  });

  it("spills the drawdown series, blank before listing", () => {
    const out = drawdown(PRICES, "series");
    expect(out[0]).toEqual(["BTC", "ETH", "FLAT"]);
    expect(out[1][1]).toBe("");
    expect(out[3][0]).toBeCloseTo(90 / 120 - 1, 12);
    expect(
      out.every((row, r) => r === 0 || row.every((cell) => cell === "" || (cell as number) <= 0))
    ).toBe(true);
  });

  it("lists the worst episodes with their dates and 'not recovered'", () => {
    const out = drawdown(PRICES, "episodes", 2);
    expect(out[0][0]).toBe("Asset");
    const btc = out.filter((r) => r[0] === "BTC");
    expect(btc[0]).toEqual(["BTC", 1, 45001, 45002, 45003, expect.closeTo(0.25, 12), 2, 1]);
    const eth = out.filter((r) => r[0] === "ETH");
    expect(eth[0].slice(0, 5)).toEqual(["ETH", 1, 45002, 45003, 45004]);
    expect(eth[1][4]).toBe("not recovered");
  });

  it("rejects a bad output word", () => {
    expect(errorOf(() => drawdown(PRICES, "worst")).message).toBe(
      'output must be "max", "series" or "episodes"; got "worst"'
    );
  });
});

describe("VAR", () => {
  it("gives each asset's VaR and CVaR by method as positive losses", () => {
    const out = valueAtRisk(PRICES, null as unknown as number[][], 0.9);
    expect(out[0]).toEqual(["", "BTC", "ETH", "FLAT"]);
    expect(out.map((r) => r[0])).toEqual([
      "",
      "VaR 90% (historical)",
      "CVaR 90% (historical)",
      "VaR 90% (Gaussian)",
      "CVaR 90% (Gaussian)",
      "VaR 90% (Cornish-Fisher)",
    ]);
    const btcReturns = [0.2, -0.25, 130 / 90 - 1, -0.1, 140 / 117 - 1];
    expect(out[1][1]).toBeCloseTo(historicalVaR(btcReturns, 0.9), 12);
  });

  it("computes the portfolio's VaR from labelled weights", () => {
    const out = valueAtRisk(
      PRICES,
      [
        ["ETH", "BTC"],
        [0, 1],
      ],
      0.9,
      "historical"
    );
    expect(out[0]).toEqual(["", "Portfolio"]);
    // With all weight on BTC over the dates every asset trades (ETH from the second price).
    const btcFromEthListing = [-0.25, 130 / 90 - 1, -0.1, 140 / 117 - 1];
    expect(out[1][1]).toBeCloseTo(historicalVaR(btcFromEthListing, 0.9), 12);
  });

  it("names an unknown asset in the weights", () => {
    expect(
      errorOf(() =>
        valueAtRisk(PRICES, [
          ["SOL", "BTC"],
          [0.5, 0.5],
        ])
      ).message
    ).toMatch(/"SOL" is not one of the assets/);
  });
});
