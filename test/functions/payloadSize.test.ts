import { excelBoundary, excelBoundaryAsync } from "../../src/functions/boundary";
import {
  SAFE_PAYLOAD_BYTES,
  estimatePayloadBytes,
  refuseOversizedResult,
} from "../../src/functions/payloadSize";

/** A rows × cols grid of numbers with full 17-digit mantissas (the longest JSON numbers). */
function grid(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => -(r * cols + c + 1) / 3e-7)
  );
}

describe("estimatePayloadBytes", () => {
  it("counts cells by kind without serialising", () => {
    expect(
      estimatePayloadBytes([
        [1, 2],
        ["BTC", true],
      ])
    ).toBe(25 + 25 + 12 + 6);
    expect(estimatePayloadBytes("é")).toBe(6);
    expect(estimatePayloadBytes([[{ code: "#N/A", message: "no price" }]])).toBe(48 + 24);
    expect(estimatePayloadBytes([1, 2, 3])).toBe(75);
  });

  it("is never below the real JSON size of numbers and text", () => {
    const numbers = grid(200, 50);
    expect(estimatePayloadBytes(numbers)).toBeGreaterThanOrEqual(JSON.stringify(numbers).length);
    const text = [["Bitcoin", "Ether ∑", 'quote " and \\ slash', ""]];
    expect(estimatePayloadBytes(text)).toBeGreaterThanOrEqual(
      Buffer.byteLength(JSON.stringify(text), "utf8")
    );
  });
});

describe("refuseOversizedResult", () => {
  it("passes results under the cap, small ones without a look at their cells", () => {
    expect(() => refuseOversizedResult(grid(366, 40))).not.toThrow();
    const tiny = [
      [
        {
          get message(): string {
            throw new Error("looked at the cell");
          },
        },
      ],
    ];
    expect(() => refuseOversizedResult(tiny)).not.toThrow();
    expect(() => refuseOversizedResult(3)).not.toThrow();
  });

  it("refuses a result over the cap, saying how big, how many cells and what to do", () => {
    const cells = Math.ceil(SAFE_PAYLOAD_BYTES / 25) + 1000;
    const big = grid(Math.ceil(cells / 400), 400);
    expect(() => refuseOversizedResult(big)).toThrow(
      /^the result is about 4\.\d MB \(\d{3},\d{3} cells\), more than Excel passes to a cell \(5 MB; it would stay #BUSY!\); ask for a shorter window or fewer assets, or use the pane's tables$/
    );
  });

  it("is applied at the boundary: the cell shows #VALUE! with the message", async () => {
    const big = grid(500, 500);
    expect(() => excelBoundary("CORRMATRIX", () => big)).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(/250,000 cells/) })
    );
    await expect(excelBoundaryAsync("HISTORY", async () => big)).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/more than Excel passes to a cell/),
    });
    expect(excelBoundary("VAR", () => [[1]])).toEqual([[1]]);
  });
});
