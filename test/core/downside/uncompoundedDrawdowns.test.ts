import fc from "fast-check";
import { uncompoundedDrawdowns } from "../../../src/core/downside/uncompoundedDrawdowns";
import { plainDrawdowns, randomPanelWithWeights } from "./downsideTestKit";

describe("uncompoundedDrawdowns", () => {
  it("hand-worked: the JSDoc example", () => {
    // c = 0.1, −0.1, −0.05; peak 0.1 → d = 0, 0.2, 0.15.
    const d = uncompoundedDrawdowns(Float64Array.of(0.1, -0.2, 0.05), 3, [1]);
    expect(d[0]).toBe(0);
    expect(d[1]).toBeCloseTo(0.2, 15);
    expect(d[2]).toBeCloseTo(0.15, 15);
  });

  it("counts a first loss from the initial wealth (u_0 = 0)", () => {
    expect(Array.from(uncompoundedDrawdowns(Float64Array.of(-0.1, 0.05), 2, [1]))).toEqual([
      0.1, 0.05,
    ]);
  });

  it("equals the high-water-mark definition u_t − c_t (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, ([panel, w]) => {
        const d = uncompoundedDrawdowns(panel.data, panel.rows, w);
        const plain = plainDrawdowns(panel, w);
        for (let t = 0; t < panel.rows; t++) expect(d[t]).toBeCloseTo(plain[t], 12);
      })
    );
  });
});
