import { DEMO_UNIVERSE } from "../../../src/data/demo/demoUniverse";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";

describe("INDEX_DEFINITIONS", () => {
  it("offers the index families of the issue: capped top-N, equal, inverse vol, ERC, HRP, sectors, barbell", () => {
    const methods = new Set(INDEX_DEFINITIONS.map((d) => d.weighting.method));
    expect([...methods].sort()).toEqual(["equal", "erc", "hrp", "invvol", "marketcap", "tiered"]);
    expect(INDEX_DEFINITIONS.map((d) => d.id)).toContain("top10-capped25");
    const sectors = INDEX_DEFINITIONS.flatMap((d) => d.universe.category ?? []);
    expect(sectors).toEqual(expect.arrayContaining(["Layer 1", "DeFi", "Layer 2"]));
  });

  it("has unique lower-case ids (INDEX matches them case-insensitively) and a name and description each", () => {
    const ids = INDEX_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of INDEX_DEFINITIONS) {
      expect(d.id).toMatch(/^[a-z0-9-]+$/);
      expect(d.name.length).toBeGreaterThan(3);
      expect(d.description.length).toBeGreaterThan(10);
    }
  });

  it("states feasible parameters: caps ≥ 1/N for unfiltered universes, budgets summing to 1, one per tier", () => {
    for (const d of INDEX_DEFINITIONS) {
      const w = d.weighting;
      if (w.method === "marketcap" && d.universe.category === undefined)
        expect(w.cap * d.universe.top).toBeGreaterThanOrEqual(1);
      if (w.method === "tiered") {
        expect(w.budgets).toHaveLength(w.breaks.length + 1);
        expect(w.budgets.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(w.breaks[w.breaks.length - 1]).toBeLessThan(d.universe.top);
      }
      if (w.method === "invvol" || w.method === "erc" || w.method === "hrp")
        expect(w.windowDays).toBe(365);
    }
  });

  it("names sectors that the demo universe has, with enough names for each basket's cap", () => {
    for (const d of INDEX_DEFINITIONS.filter((x) => x.universe.category !== undefined)) {
      const members = DEMO_UNIVERSE.filter((t) => t.sector === d.universe.category).length;
      expect({ id: d.id, members: members > 0 }).toEqual({ id: d.id, members: true });
      if (d.weighting.method === "marketcap")
        expect(d.weighting.cap * Math.min(members, d.universe.top)).toBeGreaterThanOrEqual(1);
    }
  });
});
