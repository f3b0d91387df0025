import { parseLabels, parseVector } from "../../../src/functions/parse/vector";

const values = (parsed: ReturnType<typeof parseVector>) =>
  parsed.ok ? Array.from(parsed.data.values) : parsed.reason;

describe("parseVector", () => {
  it("reads a row or a column the same way", () => {
    expect(values(parseVector([[0.2, 0.3, 0.5]], "weights"))).toEqual([0.2, 0.3, 0.5]);
    expect(values(parseVector([[0.2], [0.3], [0.5]], "weights"))).toEqual([0.2, 0.3, 0.5]);
    expect(values(parseVector(0.7, "weights"))).toEqual([0.7]);
  });

  it("takes labels from a row above or a column beside the numbers", () => {
    const across = parseVector(
      [
        ["BTC", "ETH"],
        [0.6, 0.4],
      ],
      "weights"
    );
    const down = parseVector(
      [
        ["BTC", 0.6],
        ["ETH", 0.4],
      ],
      "weights"
    );
    for (const parsed of [across, down]) {
      expect(parsed).toMatchObject({ ok: true, data: { labels: ["BTC", "ETH"] } });
      expect(values(parsed)).toEqual([0.6, 0.4]);
    }
  });

  it("skips a leading title cell in a single line", () => {
    expect(values(parseVector([["Weights"], [0.5], [0.5]], "weights"))).toEqual([0.5, 0.5]);
  });

  it("names the cell for blanks, text, errors and negatives", () => {
    expect(parseVector([[0.5], [""]], "weights")).toMatchObject({
      reason: "weights: cell A2 is empty; enter a number",
    });
    expect(values(parseVector([[0.5], [""]], "weights", { blanks: "zero" }))).toEqual([0.5, 0]);
    expect(parseVector([[1, "x"]], "weights")).toMatchObject({
      reason: 'weights: cell B1 holds text "x"; enter a number',
    });
    expect(parseVector([[1, { code: "#N/A" }]], "weights")).toMatchObject({
      reason: "weights: cell B1 holds the error #N/A; fix the source cell",
    });
    expect(
      parseVector(
        [
          ["A", "B"],
          [1, -2],
        ],
        "holdings",
        { nonNegative: true }
      )
    ).toMatchObject({
      reason: "holdings: cell B2 (B) is -2; it must not be negative",
    });
  });

  it("rejects a block that is neither a line nor a labelled line", () => {
    expect(
      parseVector(
        [
          [1, 2],
          [3, 4],
        ],
        "weights"
      )
    ).toMatchObject({ ok: false });
    expect(parseVector([[]], "weights")).toMatchObject({ ok: false });
  });
});

describe("parseLabels", () => {
  it("reads names and rejects blanks", () => {
    expect(parseLabels([["DeFi"], ["L1"]], "groups")).toEqual({ ok: true, data: ["DeFi", "L1"] });
    expect(parseLabels([["DeFi", ""]], "groups")).toMatchObject({
      reason: "groups: cell B1 holds nothing; enter a name",
    });
  });
});
