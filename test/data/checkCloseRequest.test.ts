import fc from "fast-check";
import { isCoreError } from "../../src/core/errors";
import { checkCloseRequest } from "../../src/data/checkCloseRequest";

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isCoreError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error("expected a CoreError");
}

describe("checkCloseRequest", () => {
  it("trims and upper-cases the tickers", () => {
    expect(checkCloseRequest([" btc", "Eth "], 30)).toEqual(["BTC", "ETH"]);
  });

  it("rejects days that are not a whole number ≥ 1", () => {
    for (const days of [0, -1, 1.5, NaN, Infinity]) {
      expect(codeOf(() => checkCloseRequest(["BTC"], days))).toBe(
        `INVALID_ARGUMENT: days must be a whole number of at least 1; got ${days}`
      );
    }
  });

  it("rejects no symbols, a blank symbol and a duplicate", () => {
    expect(codeOf(() => checkCloseRequest([], 1))).toBe(
      "INVALID_ARGUMENT: symbols is empty; give at least one ticker such as BTC"
    );
    expect(codeOf(() => checkCloseRequest(["BTC", " "], 1))).toBe(
      "INVALID_ARGUMENT: symbols: entry 2 is blank; give a ticker such as BTC"
    );
    expect(codeOf(() => checkCloseRequest(["BTC", "btc"], 1))).toBe(
      "INVALID_ARGUMENT: symbols lists BTC twice; remove the duplicate"
    );
  });

  it("leaves its input unchanged", () => {
    const symbols = Object.freeze(["btc", "eth"]);
    checkCloseRequest(symbols, 5);
    expect(symbols).toEqual(["btc", "eth"]);
  });

  it("keeps the order and count of distinct tickers (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{2,5}$/), { minLength: 1, maxLength: 10 }),
        (symbols) => {
          expect(
            checkCloseRequest(
              symbols.map((s) => s.toLowerCase()),
              1
            )
          ).toEqual(symbols);
        }
      ),
      { numRuns: 50 }
    );
  });
});
