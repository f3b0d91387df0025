import { compare, divCurve, portStats, riskContrib } from "../../src/functions/diagnostics";
import { errorOf } from "../helpers/excelErrorOf";

const COV = [
  ["", "BTC", "ETH", "PAXG"],
  ["BTC", 0.04, 0, 0],
  ["ETH", 0, 0.16, 0],
  ["PAXG", 0, 0, 0.04],
];
const PRICES: Array<Array<string | number>> = [["A", "B", "C"]];
for (let t = 0, p = [100, 100, 100]; t < 40; t++) {
  p = p.map((x, j) => x * (1 + 0.02 * Math.sin(t * (j + 1.3)) + 0.001 * j));
  PRICES.push([...p]);
}

describe("RISKCONTRIB", () => {
  it("splits risk by asset: ERC weights give equal percentages (hand-worked)", () => {
    const out = riskContrib([[0.4], [0.2], [0.4]], COV);
    expect(out[0]).toEqual(["Asset", "Weight", "Marginal", "Component", "Percentage"]);
    // σ_p² = 0.16·0.04 + 0.04·0.16 + 0.16·0.04 = 0.0192.
    const total = out[4];
    expect(total[0]).toBe("Portfolio");
    expect(total[3]).toBeCloseTo(Math.sqrt(0.0192), 12);
    for (let i = 1; i <= 3; i++) expect(out[i][4]).toBeCloseTo(1 / 3, 12);
  });

  it("matches labelled weights by name and rejects a wrong count", () => {
    const out = riskContrib(
      [
        ["PAXG", "BTC"],
        [0.5, 0.5],
      ],
      COV
    );
    expect(out[2][1]).toBe(0);
    expect(errorOf(() => riskContrib([[0.5, 0.5]], COV)).message).toMatch(
      /weights has 2 values but there are 3 assets/
    );
  });
});

describe("PORTSTATS", () => {
  it("reports the portfolio's metrics in two columns", () => {
    const out = portStats([[1 / 3, 1 / 3, 1 / 3]], PRICES, 365);
    expect(out[0]).toEqual(["Metric", "Value"]);
    const get = (name: string) => out.find((r) => r[0] === name)?.[1];
    expect(get("Effective N (1/HHI)")).toBeCloseTo(3, 12);
    expect(get("Diversification ratio") as number).toBeGreaterThanOrEqual(1);
    expect(get("Periods")).toBe(39);
    expect(out.map((r) => r[0])).toContain("Correlation to A");
  });
});

describe("DIVCURVE", () => {
  it("shows volatility falling with holdings for uncorrelated assets", () => {
    const out = divCurve(COV, null as unknown as number, "lowvol");
    expect(out[0]).toEqual([
      "Holdings",
      "Added",
      "Portfolio volatility",
      "Average asset volatility",
      "Ratio",
    ]);
    expect(out[1].slice(0, 3)).toEqual([1, "BTC", expect.closeTo(0.2, 12)]);
    expect(out[2].slice(0, 3)).toEqual([2, "PAXG", expect.closeTo(0.2 / Math.SQRT2, 12)]);
  });
});

describe("COMPARE", () => {
  it("gives overlap, active share and tracking error, then per-asset active weights", () => {
    const out = compare(
      [
        ["BTC", "ETH"],
        [0.6, 0.4],
      ],
      [
        ["BTC", "ETH", "PAXG"],
        [0.5, 0.3, 0.2],
      ],
      COV
    );
    expect(out[0]).toEqual(["Overlap", expect.closeTo(0.8, 12), "", ""]);
    expect(out[1]).toEqual(["Active share", expect.closeTo(0.2, 12), "", ""]);
    // a = (0.1, 0.1, −0.2): TE² = 0.01·0.04 + 0.01·0.16 + 0.04·0.04 = 0.0036.
    expect(out[2][1]).toBeCloseTo(0.06, 12);
    expect(out[3]).toEqual(["Asset", "Weight", "Index weight", "Active weight"]);
    expect(out[6]).toEqual(["PAXG", 0, 0.2, expect.closeTo(-0.2, 12)]);
  });

  it("needs index weights", () => {
    expect(errorOf(() => compare([[1, 0, 0]], [[""]], COV)).message).toMatch(
      /indexWeights is empty/
    );
  });
});
