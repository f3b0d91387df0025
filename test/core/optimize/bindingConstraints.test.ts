import fc from "fast-check";
import { bindingConstraints } from "../../../src/core/optimize/bindingConstraints";
import { portfolioConstraintRows } from "../../../src/core/optimize/portfolioConstraintRows";

const labels = ["BTC", "ETH", "SOL"];

describe("bindingConstraints", () => {
  it("lists the tight bounds and group limits (hand-worked)", () => {
    // w = (0.5, 0.5, 0): BTC at its 0.5 cap, SOL at 0, ETH + SOL = 0.5 at the Alts cap.
    const rows = portfolioConstraintRows(
      { upper: [0.5, 1, 1], groups: [{ name: "Alts", members: [1, 2], max: 0.5 }] },
      3,
      labels
    );
    expect(bindingConstraints(rows, [0.5, 0.5, 0])).toEqual([
      "asset SOL: min 0",
      "asset BTC: max 0.5",
      "group Alts: cap 0.5",
    ]);
  });

  it("lists nothing for an interior portfolio", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
        (raw) => {
          const total = raw.reduce((s, v) => s + v, 0);
          const w = raw.map((v) => v / total);
          const rows = portfolioConstraintRows({}, 3, labels);
          expect(bindingConstraints(rows, w)).toEqual([]);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("leaves its inputs unchanged", () => {
    const w = Object.freeze([0.5, 0.5, 0]);
    bindingConstraints(portfolioConstraintRows({}, 3, labels), w);
    expect(w).toEqual([0.5, 0.5, 0]);
  });
});
