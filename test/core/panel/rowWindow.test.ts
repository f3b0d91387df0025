import { pricePanel } from "../../../src/core/panel/pricePanel";
import { rowWindow } from "../../../src/core/panel/rowWindow";

describe("rowWindow", () => {
  it("copies the chosen rows of every column into a new panel", () => {
    const prices = pricePanel([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
    ]);
    const window = rowWindow(prices, 1, 2);
    expect(window.rows).toBe(2);
    expect(Array.from(window.data)).toEqual([2, 3, 20, 30]);
    expect(window.kind).toBe("prices");
    expect(Array.from(prices.data)).toEqual([1, 2, 3, 4, 10, 20, 30, 40]);
  });
});
