import { checkedPrices } from "../../../src/core/stats/checkedPrices";
import { expectCoreError, frozen } from "./helpers";

describe("checkedPrices", () => {
  it("accepts two or more positive finite prices", () => {
    expect(() => checkedPrices([100, 0.0001])).not.toThrow();
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and NON_POSITIVE_PRICE with the row", () => {
    expectCoreError(
      () => checkedPrices([100]),
      "TOO_FEW_POINTS",
      /prices has 1 value; a price path needs at least 2/
    );
    expectCoreError(() => checkedPrices([100, NaN]), "NON_FINITE", /prices: row 2/);
    expectCoreError(
      () => checkedPrices([100, 90, -1], "equity"),
      "NON_POSITIVE_PRICE",
      "equity: row 3 is -1; prices must be above 0"
    );
  });

  it("leaves its input unchanged", () => {
    const input = frozen([100, 90]);
    checkedPrices(input);
    expect(input).toEqual([100, 90]);
  });
});
