import fc from "fast-check";
import { kendallTau } from "../../../src/core/correlation/kendallTau";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { loadFixture } from "./correlationTestKit";

describe("kendallTau", () => {
  it("matches a hand-worked case", () => {
    // x = 1, 2, 3, 4; y = 1, 3, 2, 4: of 6 pairs only (2, 3) is discordant → (5 − 1) / 6 = 2/3
    expect(kendallTau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(2 / 3, 15);
  });

  it("matches scipy.stats.kendalltau on the rows both series have (fixture, 1e-14)", () => {
    const fx = loadFixture("series.json");
    expect(kendallTau(fx.x, fx.y)).toBeCloseTo(fx.kendall, 14);
  });

  it("is symmetric in its arguments, flips sign when one series is negated, and stays in [−1, 1] (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1, max: 1, noNaN: true })),
          {
            minLength: 4,
            maxLength: 60,
          }
        ),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          if (new Set(x).size < 2 || new Set(y).size < 2) return;
          const tau = kendallTau(x, y);
          expect(kendallTau(y, x)).toBeCloseTo(tau, 14);
          expect(
            kendallTau(
              x,
              y.map((v) => -v)
            )
          ).toBeCloseTo(-tau, 14);
          expect(Math.abs(tau)).toBeLessThanOrEqual(1);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("is exactly ±1 for strictly monotone relations", () => {
    const x = Array.from({ length: 500 }, (_, i) => i * 0.01);
    expect(kendallTau(x, x.map(Math.exp))).toBe(1);
    expect(
      kendallTau(
        x,
        x.map((v) => -v)
      )
    ).toBe(-1);
  });

  it("throws LENGTH_MISMATCH, TOO_FEW_POINTS, ZERO_VARIANCE, NON_FINITE and INVALID_ARGUMENT", () => {
    expect(() => kendallTau([1, 2, 3], [1, 2])).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => kendallTau([1, 2, NaN], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => kendallTau([1, 2, 3], [4, 4, 4], { labels: ["BTC", "USDT"] })).toThrow(
      "series: column 2 (USDT) has zero variance; remove it or use a longer window"
    );
    expect(() => kendallTau([1, Infinity, 3], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
    expect(() => kendallTau([1, 2, 3], [1, 2, 3], { minOverlap: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("leaves its inputs unchanged", () => {
    const x = Object.freeze([3, 1, 2, 5, 4]);
    const y = Float64Array.of(1, 2, 3, 4, 5);
    kendallTau(x, y);
    expect(x).toEqual([3, 1, 2, 5, 4]);
    expect(Array.from(y)).toEqual([1, 2, 3, 4, 5]);
  });
});

describeWithSharedData("kendallTau on crypto-daily-close.csv", () => {
  it("matches scipy for BTC/ETH daily simple returns (1e-13)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const fx = loadFixture("crypto.json");
    const returns = returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }));
    const btc = returns.data.subarray(0, returns.rows);
    const eth = returns.data.subarray(returns.rows, 2 * returns.rows);
    expect(kendallTau(btc, eth)).toBeCloseTo(fx.btcEth.kendall, 13);
  });
});
