import { anchorDemoCloses } from "../../../src/data/demo/anchorDemoCloses";
import type { DemoToken } from "../../../src/data/demo/demoUniverse";

const token = (symbol: string): DemoToken => ({
  symbol,
  name: symbol,
  sector: "Layer 1",
  tier: "large",
  listed: "2020-01-01",
  startPrice: 1,
  supply: 1,
});

describe("anchorDemoCloses", () => {
  it("scales each path so its anchor-day close is the reference price, keeping returns (hand-worked)", () => {
    // A: 10, 20, 40 with reference 100 on row 1 → × 5 → 50, 100, 200. B has no reference: unchanged.
    const closes = new Float64Array([10, 20, 40, 1, 2, 3]);
    anchorDemoCloses(closes, 3, [token("A"), token("B")], 1, { A: 100 });
    expect(Array.from(closes)).toEqual([50, 100, 200, 1, 2, 3]);
  });

  it("leaves a token not listed on the anchor day at its simulated level", () => {
    const closes = new Float64Array([NaN, NaN, 5]);
    anchorDemoCloses(closes, 3, [token("A")], 1, { A: 100 });
    expect(Array.from(closes)).toEqual([NaN, NaN, 5]);
  });

  it("rejects an anchor row outside the data and a non-positive reference price", () => {
    const closes = new Float64Array([1, 2]);
    expect(() => anchorDemoCloses(closes, 2, [token("A")], 2, { A: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => anchorDemoCloses(closes, 2, [token("A")], 0, { A: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });
});
