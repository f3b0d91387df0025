import fc from "fast-check";
import { bisectPenalty } from "../../../src/core/optimize/bisectPenalty";

describe("bisectPenalty", () => {
  it("finds a dyadic threshold exactly: θ ≥ 0.25 is met first at 0.25 (hand-worked)", () => {
    // Midpoints 0.5 (meets), 0.25 (meets), then 0.125, 0.1875, … all miss: 0.25 is kept.
    const w = bisectPenalty(
      (t) => Float64Array.of(t),
      (x) => x[0] >= 0.25,
      Float64Array.of(1)
    );
    expect(w[0]).toBe(0.25);
  });

  it("returns top itself when every midpoint misses", () => {
    const top = Float64Array.of(1);
    expect(
      bisectPenalty(
        (t) => Float64Array.of(t),
        (x) => x[0] >= 1,
        top
      )
    ).toBe(top);
  });

  it("lands on the feasible side within 2⁻⁵⁰ of any threshold, in at most 60 solves (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), (c) => {
        let calls = 0;
        const w = bisectPenalty(
          (t) => {
            calls++;
            return Float64Array.of(t);
          },
          (x) => x[0] >= c,
          Float64Array.of(1)
        );
        expect(w[0]).toBeGreaterThanOrEqual(c);
        expect(w[0] - c).toBeLessThanOrEqual(2 ** -50);
        expect(calls).toBeLessThanOrEqual(60);
      }),
      { numRuns: 200 }
    );
  });
});
