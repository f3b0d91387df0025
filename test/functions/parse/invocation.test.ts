import { isBlankCell, isInvocationLike, isOmitted } from "../../../src/functions/parse/cell";
import { parseChoice } from "../../../src/functions/parse/options";
import {
  parseAnnualRate,
  parseBoolean,
  parseNumber,
  parsePeriodsPerYear,
} from "../../../src/functions/parse/scalars";
import { parseVector } from "../../../src/functions/parse/vector";

/**
 * What Excel passes in an optional slot while it still runs on a cached functions.json that lacks
 * that parameter (office-js #2777, #4722): the call's Invocation object instead of null.
 */
const INVOCATIONS = {
  plain: { functionName: "DIVERSIFY.VAR", address: "Sheet1!C3", isInValuePreview: false },
  withParameterAddresses: { functionName: "DIVERSIFY.VAR", parameterAddresses: ["Sheet1!A1"] },
  streaming: { address: "Sheet1!C3", setResult: () => undefined, onCanceled: undefined },
  cancelable: { onCanceled: () => undefined },
  classInstance: new (class Invocation {
    functionName = "DIVERSIFY.HISTORY";
  })(),
};

describe.each(Object.entries(INVOCATIONS))("an Invocation (%s) in an optional slot", (_, inv) => {
  it("reads as omitted: blank cell, omitted argument", () => {
    expect(isInvocationLike(inv)).toBe(true);
    expect(isBlankCell(inv)).toBe(true);
    expect(isOmitted(inv)).toBe(true);
  });

  it("gives the default of every optional scalar parser", () => {
    const rule = { min: 0, max: 1, expected: "a confidence between 0 and 1" };
    expect(parseNumber(inv, "confidence", 0.95, rule)).toEqual({ ok: true, data: 0.95 });
    expect(parsePeriodsPerYear(inv)).toEqual({ ok: true, data: 365 });
    expect(parseAnnualRate(inv, "rf")).toEqual({ ok: true, data: 0 });
    expect(parseBoolean(inv, "asPercent", true)).toEqual({ ok: true, data: true });
    expect(parseChoice(inv, "method", ["simple", "log"] as const, "simple")).toEqual({
      ok: true,
      data: "simple",
    });
  });

  it("is an empty cell to a vector parser that allows blanks", () => {
    expect(parseVector(inv, "weights", { blanks: "zero" })).toMatchObject({ ok: true });
  });
});

describe("what is not an Invocation", () => {
  it.each([
    ["a number", 3],
    ["text", "log"],
    ["a range", [[1, 2]]],
    ["an error value", { code: "#N/A", message: "x" }],
    [
      "an image data type (it has an address too)",
      { type: "WebImage", address: "https://x/y.png" },
    ],
    ["an entity", { type: "Entity", text: "Bitcoin", properties: {} }],
    ["an empty object", {}],
  ])("%s", (_, value) => {
    expect(isInvocationLike(value)).toBe(false);
  });

  it("a real value beside it still parses: the Invocation check only replaces null", () => {
    expect(parseChoice("LOG", "method", ["simple", "log"] as const, "simple")).toEqual({
      ok: true,
      data: "log",
    });
    expect(
      parseNumber({ type: "Entity", text: "Bitcoin" }, "n", 1, { expected: "a number" })
    ).toMatchObject({ ok: false });
  });
});
