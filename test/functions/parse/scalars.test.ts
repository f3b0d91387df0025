import {
  parseAnnualRate,
  parseBoolean,
  parseNumber,
  parsePeriodsPerYear,
} from "../../../src/functions/parse/scalars";

describe("parseNumber", () => {
  const rule = {
    min: 0,
    max: 1,
    aboveMin: true,
    belowMax: true,
    expected: "a confidence between 0 and 1, like 0.95",
  };

  it("gives the default for an omitted argument (null, blank cell)", () => {
    expect(parseNumber(null, "confidence", 0.95, rule)).toEqual({ ok: true, data: 0.95 });
    expect(parseNumber("", "confidence", 0.95, rule)).toEqual({ ok: true, data: 0.95 });
  });

  it("accepts numbers, numeric text and percentages", () => {
    expect(parseNumber(0.99, "confidence", 0.95, rule)).toEqual({ ok: true, data: 0.99 });
    expect(parseNumber(" 0.9 ", "confidence", 0.95, rule)).toEqual({ ok: true, data: 0.9 });
    expect(parseNumber("97.5%", "confidence", 0.95, rule)).toEqual({ ok: true, data: 0.975 });
  });

  it("states the rule and the value when out of range or not a number", () => {
    expect(parseNumber(1, "confidence", 0.95, rule)).toMatchObject({
      ok: false,
      reason: "confidence must be a confidence between 0 and 1, like 0.95; got 1",
    });
    expect(parseNumber("high", "confidence", 0.95, rule)).toMatchObject({
      reason: 'confidence must be a confidence between 0 and 1, like 0.95; got text "high"',
    });
    expect(parseNumber(true, "confidence", 0.95, rule)).toMatchObject({ ok: false });
    expect(
      parseNumber(2.5, "top", 5, { min: 1, integer: true, expected: "a whole number ≥ 1" })
    ).toMatchObject({
      reason: "top must be a whole number ≥ 1; got 2.5",
    });
  });
});

describe("parsePeriodsPerYear and parseAnnualRate", () => {
  it("default to 365 periods and a 0 rate", () => {
    expect(parsePeriodsPerYear(null)).toEqual({ ok: true, data: 365 });
    expect(parseAnnualRate(null, "riskFree")).toEqual({ ok: true, data: 0 });
  });
  it("accept 252, 52, 12 and reject 0 or negative periods", () => {
    for (const ppy of [252, 52, 12])
      expect(parsePeriodsPerYear(ppy)).toEqual({ ok: true, data: ppy });
    expect(parsePeriodsPerYear(0)).toMatchObject({ ok: false });
    expect(parsePeriodsPerYear(-12)).toMatchObject({ ok: false });
  });
  it("reads a rate typed as a percentage", () => {
    expect(parseAnnualRate("4%", "riskFree")).toEqual({ ok: true, data: 0.04 });
  });
});

describe("parseBoolean", () => {
  it("reads TRUE/FALSE, 1/0 and words, with a default", () => {
    expect(parseBoolean(null, "labels", true)).toEqual({ ok: true, data: true });
    expect(parseBoolean(false, "labels", true)).toEqual({ ok: true, data: false });
    expect(parseBoolean(1, "labels", false)).toEqual({ ok: true, data: true });
    expect(parseBoolean("No", "labels", true)).toEqual({ ok: true, data: false });
    expect(parseBoolean("maybe", "labels", true)).toMatchObject({
      ok: false,
      reason: 'labels must be TRUE or FALSE; got text "maybe"',
    });
  });
});
