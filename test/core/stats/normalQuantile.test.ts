import fc from "fast-check";
import { normalQuantile } from "../../../src/core/stats/normalQuantile";
import { PROPERTY_RUNS, expectClose, expectCoreError, readFixture } from "./helpers";

describe("normalQuantile", () => {
  it("gives the textbook percentage points", () => {
    // Φ(0) = 0.5; Φ(1.959964) = 0.975 (the 95 % two-sided point).
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
  });

  it("matches scipy.stats.norm.ppf from 1e-300 to 1 − 1e-10", () => {
    const fixture = readFixture<{ cases: Array<{ p: number; z: number }> }>(
      "stats",
      "normal-quantile.json"
    );
    for (const { p, z } of fixture.cases) expectClose(normalQuantile(p), z, 1e-14);
  });

  it("is antisymmetric about ½ and increasing (p ≥ 1e-4, where 1 − p is exact enough)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (p, q) => {
          expectClose(normalQuantile(1 - p), -normalQuantile(p), 1e-9);
          if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("throws INVALID_ARGUMENT outside (0, 1)", () => {
    for (const p of [0, 1, -0.1, 2, NaN])
      expectCoreError(() => normalQuantile(p), "INVALID_ARGUMENT");
  });
});
