import fc from "fast-check";
import { checkWeights } from "../../../src/core/backtest/checkWeights";
import { CoreError } from "../../../src/core/errors";

function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error("expected a CoreError");
}

describe("checkWeights", () => {
  it("returns a copy rescaled to sum exactly to 1 (hand-worked)", () => {
    // 0.3333333 × 3 = 0.9999999, within 1e-6: each becomes 1/3.
    const w = checkWeights([0.3333333, 0.3333333, 0.3333333], 3, "weights");
    for (const x of w) expect(x).toBeCloseTo(1 / 3, 15);
  });

  it("sums to 1 for any valid input (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (raw) => {
          const sum = raw.reduce((s, x) => s + x, 0);
          const w = checkWeights(
            raw.map((x) => x / sum),
            raw.length,
            "weights"
          );
          expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("names the argument, context and asset in its errors", () => {
    const negative = errorOf(() => checkWeights([1.2, -0.2], 2, "rule", "(row 5)", ["BTC", "ETH"]));
    expect(negative.code).toBe("INVALID_ARGUMENT");
    expect(negative.message).toBe(
      "rule (row 5): ETH is -0.2; weights must be 0 or more (long only)"
    );
    expect(errorOf(() => checkWeights([0.5, 0.4], 2, "weights")).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => checkWeights([1], 2, "weights")).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => checkWeights([Infinity, 0], 2, "weights")).code).toBe("NON_FINITE");
  });

  it("does not mutate its input", () => {
    const w = Object.freeze([0.25, 0.75]);
    checkWeights(w, 2, "weights");
    expect(w).toEqual([0.25, 0.75]);
  });
});
