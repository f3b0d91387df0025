import fc from "fast-check";
import { pairPanel } from "../../../src/core/correlation/pairPanel";

describe("pairPanel", () => {
  it("stacks two series as the two columns of a panel", () => {
    const p = pairPanel([1, 2], [3, NaN], ["BTC", "ETH"], "series");
    expect(p).toMatchObject({ kind: "returns", rows: 2, cols: 2, labels: ["BTC", "ETH"] });
    expect(Array.from(p.data)).toEqual([1, 2, 3, NaN]);
  });

  it("round-trips any pair of equal-length series (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double(), fc.double())), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const p = pairPanel(x, y, ["x", "y"], "series");
        expect(Array.from(p.data)).toEqual([...x, ...y]);
      }),
      { numRuns: 50 }
    );
  });

  it("throws LENGTH_MISMATCH naming both series", () => {
    expect(() => pairPanel([1], [1, 2], ["BTC", "ETH"], "series")).toThrow(
      "series: BTC has 1 values but ETH has 2; give two series of the same dates"
    );
  });

  it("copies: neither input is shared or changed", () => {
    const x = Float64Array.of(1, 2);
    const p = pairPanel(x, [3, 4], ["x", "y"], "series");
    expect(p.data.buffer).not.toBe(x.buffer);
    expect(Array.from(x)).toEqual([1, 2]);
  });
});
