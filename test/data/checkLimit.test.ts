import fc from "fast-check";
import { isCoreError } from "../../src/core/errors";
import { checkLimit } from "../../src/data/checkLimit";

describe("checkLimit", () => {
  it("uses the default when undefined and keeps a valid limit", () => {
    expect(checkLimit(undefined, 100)).toBe(100);
    expect(checkLimit(7, 100)).toBe(7);
  });

  it("rejects a limit that is not a whole number ≥ 1 with INVALID_ARGUMENT", () => {
    for (const bad of [0, -3, 2.5, NaN]) {
      try {
        checkLimit(bad, 100);
        throw new Error("expected a CoreError");
      } catch (error) {
        expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
        expect((error as Error).message).toBe(
          `limit must be a whole number of at least 1; got ${bad}`
        );
      }
    }
  });

  it("returns every positive whole number unchanged (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => {
        expect(checkLimit(n, 1)).toBe(n);
      }),
      { numRuns: 50 }
    );
  });
});
