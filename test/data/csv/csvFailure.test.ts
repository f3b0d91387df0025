import { csvFailureAt } from "../../../src/data/csv/csvFailure";

describe("csvFailureAt", () => {
  it("prefixes the message with its line, column and symbol", () => {
    expect(csvFailureAt(3, 2, '"x" is not a number', "BTC")).toEqual({
      ok: false,
      reason: 'line 3, column 2 (BTC): "x" is not a number',
      line: 3,
      column: 2,
    });
    expect(csvFailureAt(1, 3, "the symbol is blank").reason).toBe(
      "line 1, column 3: the symbol is blank"
    );
    expect(csvFailureAt(4, undefined, "too short")).toEqual({
      ok: false,
      reason: "line 4: too short",
      line: 4,
      column: undefined,
    });
  });
});
