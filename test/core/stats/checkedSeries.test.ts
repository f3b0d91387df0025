import { checkedSeries } from "../../../src/core/stats/checkedSeries";
import { expectCoreError, frozen } from "./helpers";

describe("checkedSeries", () => {
  it("accepts a finite series that is long enough", () => {
    expect(() => checkedSeries([0.1, -0.2], "returns", 2, "a volatility")).not.toThrow();
    expect(() => checkedSeries(new Float64Array([1]), "prices", 1, "a mean")).not.toThrow();
  });

  it("throws TOO_FEW_POINTS in the steady grammar", () => {
    expectCoreError(
      () => checkedSeries([], "returns", 2, "a volatility"),
      "TOO_FEW_POINTS",
      "returns is empty; a volatility needs at least 2; use a longer window"
    );
    expectCoreError(
      () => checkedSeries([0.1], "returns", 2, "a volatility"),
      "TOO_FEW_POINTS",
      "returns has 1 value; a volatility needs at least 2; use a longer window"
    );
  });

  it("throws NON_FINITE naming the 1-based row, for NaN and ±Infinity", () => {
    expectCoreError(
      () => checkedSeries([0.1, NaN], "returns", 1, "x"),
      "NON_FINITE",
      "returns: row 2 is NaN, not a finite number; fix or remove it"
    );
    expectCoreError(
      () => checkedSeries([-Infinity], "returns", 1, "x"),
      "NON_FINITE",
      /row 1 is -Infinity/
    );
  });

  it("leaves its input unchanged", () => {
    const input = frozen([1, 2]);
    checkedSeries(input, "returns", 1, "x");
    expect(input).toEqual([1, 2]);
  });
});
