import fc from "fast-check";
import { validateCorrelationInput } from "../../../src/core/correlation/validateCorrelationInput";
import { panelOf, snapshot } from "./correlationTestKit";

describe("validateCorrelationInput", () => {
  it("accepts a panel with blanks (NaN = missing)", () => {
    expect(() =>
      validateCorrelationInput(
        panelOf([
          [1, NaN],
          [2, 3],
        ]),
        "returns",
        3,
        "throw"
      )
    ).not.toThrow();
  });

  it("accepts every finite panel and whole minOverlap ≥ 2 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ noDefaultInfinity: true }), { minLength: 2, maxLength: 2 }), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.integer({ min: 2, max: 100 }),
        (rows, minOverlap) => {
          expect(() =>
            validateCorrelationInput(panelOf(rows), "returns", minOverlap, "nan")
          ).not.toThrow();
        }
      ),
      { numRuns: 50 }
    );
  });

  it("throws NON_FINITE with the position of ±Infinity", () => {
    expect(() =>
      validateCorrelationInput(
        panelOf(
          [
            [1, 2],
            [3, -Infinity],
          ],
          ["BTC", "ETH"]
        ),
        "returns",
        3,
        "throw"
      )
    ).toThrow("returns: column 2 (ETH), row 2 is -Infinity; fix the value or leave it blank");
  });

  it("throws INVALID_ARGUMENT for an empty or inconsistent panel, minOverlap and policy", () => {
    const bad = expect.objectContaining({ code: "INVALID_ARGUMENT" });
    expect(() => validateCorrelationInput(panelOf([]), "returns", 3, "throw")).toThrow(bad);
    expect(() =>
      validateCorrelationInput(
        { rows: 2, cols: 2, data: new Float64Array(3), labels: ["A", "B"] },
        "returns",
        3,
        "throw"
      )
    ).toThrow(bad);
    expect(() => validateCorrelationInput(panelOf([[1]]), "returns", 1, "throw")).toThrow(bad);
    expect(() => validateCorrelationInput(panelOf([[1]]), "returns", 3, "NaN")).toThrow(bad);
  });

  it("leaves its input unchanged", () => {
    const panel = Object.freeze(
      panelOf([
        [1, NaN],
        [2, 3],
      ])
    );
    const before = snapshot(panel);
    validateCorrelationInput(panel, "returns", 2, "nan");
    expect(snapshot(panel)).toEqual(before);
  });
});
