import { checkMarketCaps } from "../../../src/core/indexing/checkMarketCaps";
import { CoreError } from "../../../src/core/errors";

function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error("expected a CoreError");
}

describe("checkMarketCaps", () => {
  it("accepts positive finite caps", () => {
    expect(() => checkMarketCaps(Object.freeze([3, 2, 1e12]), "marketCaps")).not.toThrow();
  });

  it("names the entry and label of a non-positive cap", () => {
    const error = errorOf(() => checkMarketCaps([3, 0], "marketCaps", ["BTC", "LUNA"]));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toBe(
      "marketCaps: entry 2 (LUNA) is 0; market caps must be above 0 (remove the constituent)"
    );
    expect(error.row).toBe(1);
    expect(error.label).toBe("LUNA");
  });

  it("throws NON_FINITE on NaN and INVALID_ARGUMENT on empty input or a label count mismatch", () => {
    expect(errorOf(() => checkMarketCaps([NaN], "marketCaps")).code).toBe("NON_FINITE");
    expect(errorOf(() => checkMarketCaps([-Infinity], "marketCaps")).code).toBe("NON_FINITE");
    expect(errorOf(() => checkMarketCaps([], "marketCaps")).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => checkMarketCaps([1, 2], "marketCaps", ["A"])).code).toBe(
      "INVALID_ARGUMENT"
    );
  });
});
