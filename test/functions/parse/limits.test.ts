import {
  parseLimitsText,
  parseWeightsArgument,
  readLimits,
} from "../../../src/functions/parse/limits";
import { parseResampledMethod } from "../../../src/functions/parse/resampledMethod";

const LABELS = ["BTC", "ETH", "SOL"];

describe("parseLimitsText", () => {
  it("reads every clause, case-insensitive, with % and extra spaces", () => {
    expect(parseLimitsText("Holdings 10;  TURNOVER 20% ; cost 0.001; te 0.05; effn 4.5")).toEqual({
      ok: true,
      data: {
        maxHoldings: 10,
        maxTurnover: 0.2,
        costRate: 0.001,
        maxTrackingError: 0.05,
        minEffectiveHoldings: 4.5,
      },
    });
    expect(parseLimitsText([["holdings 3"], ["turnover 0.1"]])).toEqual({
      ok: true,
      data: { maxHoldings: 3, maxTurnover: 0.1 },
    });
  });

  it.each([null, "", 0, [[""]]])(
    "reads %p (blank, or Excel desktop's empty cell) as no limits",
    (blank) => {
      expect(parseLimitsText(blank)).toEqual({ ok: true, data: undefined });
    }
  );

  it.each([
    ["holdings", /give one number after holdings/],
    ["holdings 2.5", /whole number of assets ≥ 1/],
    ["turnover 0", /above 0 and at most 2/],
    ["turnover 3", /above 0 and at most 2/],
    ["cost -0.1", /rate per unit traded/],
    ["te 0", /tracking error above 0/],
    ["effn 0.5", /at least 1/],
    ["maxholdings 3", /"maxholdings" is not a limit; write clauses/],
    ["te 0.1; te 0.2", /te is given twice/],
    [5, /limits must be text/],
  ])("refuses %p", (text, message) => {
    const parsed = parseLimitsText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(message);
  });
});

describe("parseWeightsArgument", () => {
  it("reads a column in the assets' order and a name/weight table in any order", () => {
    expect(parseWeightsArgument([[0.5], [0.3], [0.2]], "currentWeights", LABELS)).toEqual({
      ok: true,
      data: Float64Array.from([0.5, 0.3, 0.2]),
    });
    const table = parseWeightsArgument(
      [
        ["sol", 0.2],
        ["BTC", 0.5],
        ["Eth", 0.3],
      ],
      "currentWeights",
      LABELS
    );
    expect(table).toEqual({ ok: true, data: Float64Array.from([0.5, 0.3, 0.2]) });
    // Cash: weights summing below 1 are accepted.
    expect(parseWeightsArgument([[0.5, 0.3, 0]], "currentWeights", LABELS).ok).toBe(true);
  });

  it.each([
    [
      [
        ["BTC", 0.5],
        ["DOGE", 0.5],
        ["SOL", 0],
      ],
      /"DOGE" is not one of the assets \(BTC, ETH, SOL\)/,
    ],
    [
      [
        ["BTC", 0.5],
        ["BTC", 0.2],
        ["SOL", 0],
      ],
      /"BTC" appears twice/,
    ],
    [
      [
        ["BTC", 0.5],
        ["ETH", 0.5],
      ],
      /no weight for SOL/,
    ],
    [[[0.5], [-0.5], [0.5]], /must not be negative/],
    [[[50], [30], [20]], /sum to 100 > 1; give fractions/],
    [[[0.5], [0.5]], /2 weights for 3 assets/],
  ])("refuses %p naming the argument", (range, message) => {
    const parsed = parseWeightsArgument(range, "benchmarkWeights", LABELS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(/benchmarkWeights/);
      expect(parsed.reason).toMatch(message);
    }
  });
});

describe("readLimits", () => {
  const reason = (p: ReturnType<typeof readLimits>) => (p.ok ? "" : p.reason);
  it("attaches the weights arguments the clauses use", () => {
    const parsed = readLimits(
      "turnover 0.2; te 0.1",
      [[1], [0], [0]],
      [[0.4], [0.4], [0.2]],
      LABELS,
      {}
    );
    expect(parsed).toEqual({
      ok: true,
      data: {
        maxTurnover: 0.2,
        maxTrackingError: 0.1,
        current: Float64Array.from([1, 0, 0]),
        benchmark: Float64Array.from([0.4, 0.4, 0.2]),
      },
    });
    expect(readLimits(null, null, null, LABELS, {})).toEqual({ ok: true, data: undefined });
  });

  it("refuses what the data rule out, with the bound and the fix", () => {
    expect(reason(readLimits("cost 0.001", null, null, LABELS, {}))).toMatch(
      /cost needs currentWeights/
    );
    expect(reason(readLimits("te 0.1", null, null, LABELS, {}))).toMatch(
      /te needs benchmarkWeights/
    );
    expect(reason(readLimits(null, [[1], [0], [0]], null, LABELS, {}))).toMatch(
      /currentWeights is given but/
    );
    expect(reason(readLimits(null, null, [[1], [0], [0]], LABELS, {}))).toMatch(
      /benchmarkWeights is given but/
    );
    expect(reason(readLimits("holdings 1", null, null, LABELS, { lower: [0.1, 0.1, 0] }))).toMatch(
      /holdings 1 is below the 2 assets with a positive minWeight \(BTC, ETH\)/
    );
    expect(reason(readLimits("effn 3.5", null, null, LABELS, {}))).toMatch(
      /above the number of assets \(3\)/
    );
    // Floors (0.6, 0, 0): the most even is (0.6, 0.2, 0.2), 1/Σw² = 1/0.44 = 2.27273.
    expect(reason(readLimits("effn 2.5", null, null, LABELS, { lower: [0.6, 0, 0] }))).toMatch(
      /most even portfolio they allow has 1\/Σw² = 2.27273/
    );
    expect(readLimits("effn 2.2", null, null, LABELS, { lower: [0.6, 0, 0] }).ok).toBe(true);
    expect(reason(readLimits("effn 2.5; holdings 2", null, null, LABELS, {}))).toMatch(
      /effn 2.5 needs at least 3 holdings .* but holdings is 2/
    );
  });
});

describe("parseResampledMethod", () => {
  it("reads the count, default 100, and leaves other methods to their parser", () => {
    expect(parseResampledMethod("Resampled")).toEqual({ ok: true, data: 100 });
    expect(parseResampledMethod("resampled 500")).toEqual({ ok: true, data: 500 });
    expect(parseResampledMethod("minvar")).toEqual({ ok: true, data: undefined });
    expect(parseResampledMethod(null)).toEqual({ ok: true, data: undefined });
  });

  it.each(["resampled 1", "resampled 10001", "resampled 2.5", "resampled many", "resampled 10 20"])(
    "refuses %p",
    (text) => {
      const parsed = parseResampledMethod(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/from 2 to 10,000/);
    }
  );
});
