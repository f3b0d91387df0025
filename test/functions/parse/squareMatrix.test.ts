import {
  isLabelledSquareMatrix,
  parseSquareMatrix,
} from "../../../src/functions/parse/squareMatrix";

describe("parseSquareMatrix", () => {
  const labelled = [
    ["", "BTC", "ETH"],
    ["BTC", 0.04, 0.03],
    ["ETH", 0.03, 0.09],
  ];

  it("recognises the labelled shape our functions spill, and not a price range", () => {
    expect(isLabelledSquareMatrix(labelled)).toBe(true);
    expect(
      isLabelledSquareMatrix([
        ["BTC", "ETH"],
        [1, 2],
        [3, 4],
      ])
    ).toBe(false);
    expect(
      isLabelledSquareMatrix([
        ["Date", "BTC"],
        ["2024-01-01", 1],
      ])
    ).toBe(false);
  });

  it("reads labelled and bare matrices row-major", () => {
    expect(parseSquareMatrix(labelled, "cov")).toEqual({
      ok: true,
      data: { size: 2, data: new Float64Array([0.04, 0.03, 0.03, 0.09]), labels: ["BTC", "ETH"] },
    });
    expect(
      parseSquareMatrix(
        [
          [1, 0.5],
          [0.5, 1],
        ],
        "matrix"
      )
    ).toMatchObject({ ok: true, data: { size: 2 } });
  });

  it("rejects non-square ranges and non-numbers with the cell", () => {
    expect(
      parseSquareMatrix(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        "matrix"
      )
    ).toMatchObject({
      reason: "matrix must be square (as many rows as columns); got 2 × 3",
    });
    expect(
      parseSquareMatrix(
        [
          [1, ""],
          [0, 1],
        ],
        "matrix"
      )
    ).toMatchObject({
      reason: "matrix: cell B1 holds nothing; every entry must be a number",
    });
  });
});
