import { lastRows } from "../../../src/core/panel/lastRows";
import { pricePanel } from "../../../src/core/panel/pricePanel";

describe("lastRows", () => {
  const prices = pricePanel([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);

  it("keeps the trailing rows of every column, as a new panel", () => {
    const tail = lastRows(prices, 2);
    expect(tail.rows).toBe(2);
    expect(Array.from(tail.data)).toEqual([2, 3, 20, 30]);
    expect(tail.kind).toBe("prices");
    expect(Array.from(prices.data)).toEqual([1, 2, 3, 10, 20, 30]);
  });

  it("rejects a window that is not a whole number ≥ 1 or longer than the data", () => {
    expect(() => lastRows(prices, 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => lastRows(prices, 1.5)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => lastRows(prices, 4)).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
  });
});
