import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { cappedMarketCapWeights } from "../../../src/core/indexing/cappedMarketCapWeights";
import { describeWithSharedData, sharedDataDir } from "../../helpers/sharedData";

interface CappedCase {
  name: string;
  marketCaps: number[];
  cap: number;
  floor?: number;
  weights: number[];
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/indexing/cappedWeights.json"), "utf8")
) as { generator: string; numpy: string; cases: CappedCase[] };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error("expected a CoreError");
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Positive market caps spanning several orders of magnitude, as crypto caps do. */
const marketCapsArb = fc.array(
  fc.double({ min: 1e6, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  { minLength: 1, maxLength: 40 }
);

describe("cappedMarketCapWeights", () => {
  it("caps a 5-name index at 25 % and redistributes the excess proportionally (hand-worked)", () => {
    // Caps 50, 25, 10, 10, 5 (sum 100) → raw weights .50 .25 .10 .10 .05.
    // Pass 1: .50 → .25; excess .25 goes to the others (sum .50) ×(1 + .25/.50) = ×1.5
    //         → .25 .375 .15 .15 .075.
    // Pass 2: .375 → .25; excess .125 goes to .15 .15 .075 (sum .375) ×(1 + .125/.375) = ×4/3
    //         → .25 .25 .20 .20 .10, nothing above 25 %: done.
    const w = cappedMarketCapWeights([50, 25, 10, 10, 5], { cap: 0.25 });
    const expected = [0.25, 0.25, 0.2, 0.2, 0.1];
    expected.forEach((x, i) => expect(w[i]).toBeCloseTo(x, 15));
  });

  it("raises small names to the floor and takes the excess proportionally from the rest", () => {
    // Caps 70, 20, 9, 1 with floor 5 %: w = clip(λm, .05, 1). The smallest is floored (.05), the
    // other three share .95 in proportion 70:20:9 → λ = .95/99: .6717…, .1919…, .0863….
    const w = cappedMarketCapWeights([70, 20, 9, 1], { floor: 0.05 });
    expect(w[3]).toBe(0.05);
    expect(w[0]).toBeCloseTo((0.95 * 70) / 99, 15);
    expect(w[1]).toBeCloseTo((0.95 * 20) / 99, 15);
    expect(w[2]).toBeCloseTo((0.95 * 9) / 99, 15);
  });

  it("returns plain market-cap weights without a cap", () => {
    const w = cappedMarketCapWeights([3, 1]);
    expect(w[0]).toBeCloseTo(0.75, 15);
    expect(w[1]).toBeCloseTo(0.25, 15);
  });

  it("returns equal weights when n·cap = 1 exactly", () => {
    const w = cappedMarketCapWeights([9, 5, 3, 2, 1], { cap: 0.2 });
    for (const x of w) expect(x).toBeCloseTo(0.2, 15);
  });

  it("keeps full precision when market caps differ by 16 orders of magnitude", () => {
    // Regression (found by a 20,000-run property check): 2^44 + 0.001 − 2^44 is 0 in doubles, so
    // running sums lost the small name and no scale was found. Expected: the giant at the cap,
    // the small name takes the rest, 1 − cap.
    const cap = 0.5 + 1e-9;
    const w = cappedMarketCapWeights([2 ** 44, 0.001], { cap });
    expect(w[0]).toBe(cap);
    expect(w[1]).toBeCloseTo(1 - cap, 15);
  });

  it(`matches the iterative cap-and-redistribute loop in numpy (${fixture.generator}, numpy ${fixture.numpy}) to 1e-14`, () => {
    expect(fixture.cases.length).toBeGreaterThan(10);
    for (const c of fixture.cases) {
      const w = cappedMarketCapWeights(c.marketCaps, { cap: c.cap, floor: c.floor });
      c.weights.forEach((x, i) => expect(Math.abs(w[i] - x)).toBeLessThan(1e-14));
    }
  });

  it("sums to 1, respects cap and floor, and is monotone in market cap (property)", () => {
    fc.assert(
      fc.property(
        marketCapsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (caps, u, v) => {
          const n = caps.length;
          const cap = 1 / n + u * (1 - 1 / n);
          const floor = v * (1 / n);
          const w = cappedMarketCapWeights(caps, { cap, floor });
          expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
          for (let i = 0; i < n; i++) {
            expect(w[i]).toBeLessThanOrEqual(cap + 1e-15);
            expect(w[i]).toBeGreaterThanOrEqual(floor - 1e-15);
            for (let j = 0; j < n; j++) {
              if (caps[i] > caps[j]) expect(w[i]).toBeGreaterThanOrEqual(w[j] - 1e-15);
            }
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("does not depend on the order of the constituents (property)", () => {
    fc.assert(
      fc.property(marketCapsArb, fc.double({ min: 0, max: 1, noNaN: true }), (caps, u) => {
        const cap = 1 / caps.length + u * (1 - 1 / caps.length);
        const w = cappedMarketCapWeights(caps, { cap });
        const reversed = cappedMarketCapWeights([...caps].reverse(), { cap });
        for (let i = 0; i < caps.length; i++) {
          expect(Math.abs(w[i] - reversed[caps.length - 1 - i])).toBeLessThan(1e-15);
        }
      }),
      { numRuns: 100 }
    );
  });

  it("throws INFEASIBLE when n·cap < 1, naming the smallest feasible cap", () => {
    expect(codeOf(() => cappedMarketCapWeights([4, 3, 2], { cap: 0.25 }))).toBe("INFEASIBLE");
    expect(() => cappedMarketCapWeights([4, 3, 2], { cap: 0.25 })).toThrow(
      /at least 1\/3 = 0\.333/
    );
  });

  it("throws INFEASIBLE when n·floor > 1", () => {
    expect(codeOf(() => cappedMarketCapWeights([4, 3, 2], { floor: 0.4 }))).toBe("INFEASIBLE");
  });

  it("throws INVALID_ARGUMENT on empty caps, a cap ≤ 0, cap or floor out of range, floor above cap", () => {
    expect(codeOf(() => cappedMarketCapWeights([]))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => cappedMarketCapWeights([1, 0, 2]))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => cappedMarketCapWeights([1, -5]))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => cappedMarketCapWeights([1, 2], { cap: 0 }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => cappedMarketCapWeights([1, 2], { cap: 1.5 }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => cappedMarketCapWeights([1, 2], { floor: -0.1 }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => cappedMarketCapWeights([1, 2, 3], { cap: 0.4, floor: 0.5 }))).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("throws NON_FINITE on a NaN or infinite market cap or cap", () => {
    expect(codeOf(() => cappedMarketCapWeights([1, NaN]))).toBe("NON_FINITE");
    expect(codeOf(() => cappedMarketCapWeights([1, Infinity]))).toBe("NON_FINITE");
    expect(codeOf(() => cappedMarketCapWeights([1, 2], { cap: NaN }))).toBe("NON_FINITE");
  });

  it("does not mutate its input", () => {
    const caps = Object.freeze([50, 25, 10, 10, 5]);
    const typed = new Float64Array(caps);
    cappedMarketCapWeights(caps, { cap: 0.25, floor: 0.01 });
    cappedMarketCapWeights(typed, { cap: 0.25 });
    expect(Array.from(typed)).toEqual([50, 25, 10, 10, 5]);
  });
});

describeWithSharedData("cappedMarketCapWeights on the 2021-12-31 CoinGecko snapshot", () => {
  function snapshot(): { symbols: string[]; caps: number[] } {
    // Not the wide date × symbol format readSharedCsv reads, so parse it here.
    const lines = fs
      .readFileSync(path.join(sharedDataDir, "crypto-marketcap-snapshot.csv"), "utf8")
      .split(/\r?\n/)
      .filter((line) => line.length > 0);
    const header = lines[0].split(",");
    const capColumn = header.indexOf("market_cap_usd");
    const rows = lines.slice(1).map((line) => line.split(","));
    return { symbols: rows.map((r) => r[0]), caps: rows.map((r) => Number(r[capColumn])) };
  }

  it("caps BTC and ETH at 25 % and keeps the others in market-cap proportion", () => {
    const { symbols, caps } = snapshot();
    expect(symbols).toHaveLength(22);
    const w = cappedMarketCapWeights(caps, { cap: 0.25 });
    expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
    // BTC is ~50 % and ETH ~25 % of the total uncapped: both end at the cap.
    expect(w[symbols.indexOf("BTC")]).toBe(0.25);
    expect(w[symbols.indexOf("ETH")]).toBe(0.25);
    // The rest share 50 % in proportion to their caps.
    const rest = caps.reduce((s, m, i) => (i > 1 ? s + m : s), 0);
    const sol = symbols.indexOf("SOL");
    expect(w[sol]).toBeCloseTo((0.5 * caps[sol]) / rest, 14);
    for (const x of w) expect(x).toBeLessThanOrEqual(0.25);
  });
});
