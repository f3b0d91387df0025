import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { tierLabels } from "../../../src/core/indexing/tierLabels";
import { describeWithSharedData, sharedDataDir } from "../../helpers/sharedData";

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/indexing/ranks.json"), "utf8")
) as { generator: string; cases: { marketCaps: number[]; tiers: string[] }[] };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error("expected a CoreError");
}

describe("tierLabels", () => {
  it("labels by rank (hand-worked)", () => {
    // Ranks 900 → 1, 60 → 2, 30 → 3, 5 → 4; breaks [1, 2] → large, mid, small, small.
    expect(tierLabels([900, 5, 60, 30], { breaks: [1, 2] })).toEqual([
      "large",
      "small",
      "mid",
      "small",
    ]);
  });

  it("uses custom names", () => {
    expect(tierLabels([1, 2], { breaks: [1], names: ["core", "satellite"] })).toEqual([
      "satellite",
      "core",
    ]);
  });

  it(`matches the numpy fixture (${fixture.generator})`, () => {
    for (const c of fixture.cases) expect(tierLabels(c.marketCaps)).toEqual(c.tiers);
  });

  it("never labels a larger name with a smaller tier than a smaller name (property)", () => {
    const order = ["large", "mid", "small"];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 150 }),
        (caps) => {
          const labels = tierLabels(caps);
          for (let i = 0; i < caps.length; i++) {
            for (let j = 0; j < caps.length; j++) {
              if (caps[i] > caps[j]) {
                expect(order.indexOf(labels[i])).toBeLessThanOrEqual(order.indexOf(labels[j]));
              }
            }
          }
        }
      ),
      { numRuns: 50 }
    );
  });

  it("throws on bad breaks and bad caps", () => {
    expect(codeOf(() => tierLabels([1, 2], { breaks: [3, 3] }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => tierLabels([1, Infinity]))).toBe("NON_FINITE");
  });

  it("does not mutate its input", () => {
    const caps = new Float64Array([3, 1, 2]);
    tierLabels(caps, { breaks: [1, 2] });
    expect(Array.from(caps)).toEqual([3, 1, 2]);
  });
});

describeWithSharedData("tierLabels on the 2021-12-31 CoinGecko snapshot", () => {
  it("splits the 22 assets into top 5 large, 6–15 mid and the rest small", () => {
    const lines = fs
      .readFileSync(path.join(sharedDataDir, "crypto-marketcap-snapshot.csv"), "utf8")
      .split(/\r?\n/)
      .filter((line) => line.length > 0);
    const capColumn = lines[0].split(",").indexOf("market_cap_usd");
    const rows = lines.slice(1).map((line) => line.split(","));
    const labels = tierLabels(
      rows.map((r) => Number(r[capColumn])),
      { breaks: [5, 15] }
    );
    const bySymbol = new Map(rows.map((r, i) => [r[0], labels[i]]));
    expect(bySymbol.get("BTC")).toBe("large");
    expect(bySymbol.get("ADA")).toBe("large");
    expect(bySymbol.get("XRP")).toBe("mid");
    expect(bySymbol.get("BCH")).toBe("mid");
    expect(bySymbol.get("UNI")).toBe("small");
    expect(bySymbol.get("PAXG")).toBe("small");
    expect(labels.filter((l) => l === "small")).toHaveLength(7);
  });
});
