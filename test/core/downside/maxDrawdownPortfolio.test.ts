import fc from "fast-check";
import { cdarPortfolio } from "../../../src/core/downside/cdarPortfolio";
import { maxDrawdownPortfolio } from "../../../src/core/downside/maxDrawdownPortfolio";
import { isCoreError } from "../../../src/core/errors";
import {
  bestSingleAssetMean,
  expectOracleOptimum,
  lastLpCertificate,
  mean,
  pairUppers,
  panelFromRows,
  plainDrawdowns,
  randomPanelWithWeights,
  readDownsideFixture,
  suiteHighs,
} from "./downsideTestKit";

const fixture = readDownsideFixture("downsideDrawdown");
const cases = fixture.cases.filter((c) => c.measure === "maxdd");

const highs = suiteHighs();

const plainMaxDrawdown = (d: number[]) => Math.max(0, ...d);

describe("maxDrawdownPortfolio", () => {
  it("hand-worked: two assets whose falls offset", () => {
    // A: −4 %, +6 %; B: +2 %, −2 %. w = (a, 1 − a): r_1 = 0.02 − 0.06a, r_2 = 0.08a − 0.02.
    // The drawdown after period 1 is max(0, 0.06a − 0.02); after period 2 it is
    // max(0, d_1 − r_2). For a ≤ 1/3 d_1 = 0 and d_2 = max(0, 0.02 − 0.08a), zero once a ≥ 1/4.
    // So every a in [1/4, 1/3] has maximum drawdown 0.
    const panel = panelFromRows([-0.04, 0.02, 0.06, -0.02], 2, 2);
    const p = maxDrawdownPortfolio(panel, { objective: "minrisk" }, highs);
    expect(p.risk).toBeCloseTo(0, 10);
    expect(p.weights[0]).toBeGreaterThanOrEqual(0.25 - 1e-7);
    expect(p.weights[0]).toBeLessThanOrEqual(1 / 3 + 1e-7);
  });

  it("hand-worked: the drawdown spans two falls (uncompounded)", () => {
    // One asset, −10 % then −5 % then +20 %: c = −0.1, −0.15, 0.05, so the maximum drawdown is 0.15
    // (not the compounded 1 − 0.9·0.95 = 0.145).
    const panel = panelFromRows([-0.1, -0.05, 0.2], 3, 1);
    const p = maxDrawdownPortfolio(panel, { objective: "minrisk" }, highs);
    expect(p.risk).toBeCloseTo(0.15, 12);
    expect(Array.from(p.weights)).toEqual([1]);
  });

  it(`matches scipy linprog(highs) on ${cases.length} fixture problems (${String(fixture.header.script)})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const c of cases) {
      const panel = fixture.panelsAsReturns[c.panel];
      const p = maxDrawdownPortfolio(panel, c.options, highs);
      expectOracleOptimum(p, c, { ratio: 1e-6, risk: 1e-8 });
      expect(p.risk).toBeCloseTo(plainMaxDrawdown(plainDrawdowns(panel, p.weights)), 12);
      if (c.options.targetReturn !== undefined) {
        expect(p.expectedReturn).toBeGreaterThanOrEqual(c.options.targetReturn - 1e-9);
      }
    }
  });

  it("is the alpha → 1 limit of CDaR: CDaR with (1 − α)T ≤ 1 gives the same optimum", () => {
    for (const c of cases.filter((k) => k.options.objective === "minrisk").slice(0, 6)) {
      const panel = fixture.panelsAsReturns[c.panel];
      const alpha = 1 - 1 / panel.rows;
      const dd = maxDrawdownPortfolio(panel, c.options, highs);
      const cdar = cdarPortfolio(panel, { ...c.options, alpha }, highs);
      expect(cdar.risk).toBeCloseTo(dd.risk, 9);
    }
  });

  it("is no worse than any random portfolio and reports the recomputed maximum drawdown (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, ([panel, w]) => {
        const p = maxDrawdownPortfolio(panel, { objective: "minrisk" }, highs);
        expect(
          Math.abs(p.risk - plainMaxDrawdown(plainDrawdowns(panel, p.weights)))
        ).toBeLessThanOrEqual(1e-12);
        expect(p.risk).toBeLessThanOrEqual(plainMaxDrawdown(plainDrawdowns(panel, w)) + 1e-8);
        expect(Math.abs(p.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 40 }
    );
  });

  it("maxratio beats every random portfolio's mean / max-drawdown ratio (property)", () => {
    fc.assert(
      fc.property(randomPanelWithWeights, ([panel, w]) => {
        fc.pre(bestSingleAssetMean(panel) > 1e-4);
        const p = maxDrawdownPortfolio(panel, { objective: "maxratio" }, highs);
        fc.pre(p.risk > 1e-9);
        const other = mean(panel, w) / plainMaxDrawdown(plainDrawdowns(panel, w));
        expect(p.expectedReturn / p.risk).toBeGreaterThanOrEqual(other - 1e-7 * Math.abs(other));
      }),
      { numRuns: 30 }
    );
  });

  it("the LP's row duals certify optimality (reduced-cost signs, zero duality gap)", () => {
    for (const c of cases.slice(0, 8)) {
      const { violation, gap } = lastLpCertificate(highs, (solver) =>
        maxDrawdownPortfolio(fixture.panelsAsReturns[c.panel], c.options, solver)
      );
      expect(violation).toBeLessThanOrEqual(1e-7);
      expect(gap).toBeLessThanOrEqual(1e-8);
    }
  });

  it("honours maxHoldings exactly: equals the best single-asset-pair optimum", () => {
    const panel = fixture.panelsAsReturns[5];
    const p = maxDrawdownPortfolio(
      panel,
      { objective: "minrisk", limits: { maxHoldings: 2 } },
      highs
    );
    expect(p.weights.filter((w) => w > 0).length).toBeLessThanOrEqual(2);
    const best = Math.min(
      ...pairUppers(panel.cols).map(
        (upper) =>
          maxDrawdownPortfolio(panel, { objective: "minrisk", constraints: { upper } }, highs).risk
      )
    );
    expect(p.risk).toBeCloseTo(best, 7);
  });

  it("throws INFEASIBLE naming the group floor that cannot hold", () => {
    // 8 assets capped at 0.3: the pair can hold at most 0.6 < its floor 0.7.
    const panel = fixture.panelsAsReturns[6];
    let error: unknown;
    try {
      maxDrawdownPortfolio(
        panel,
        {
          objective: "minrisk",
          constraints: { upper: 0.3, groups: [{ name: "pair", members: [0, 1], min: 0.7 }] },
        },
        highs
      );
    } catch (e) {
      error = e;
    }
    expect(isCoreError(error) && error.code).toBe("INFEASIBLE");
    expect((error as Error).message).toMatch(/group pair floor 0.7/);
  });

  it("ignores alpha (documented) and throws on bad input", () => {
    const panel = fixture.panelsAsReturns[4];
    const a = maxDrawdownPortfolio(panel, { objective: "minrisk", alpha: 0.5 }, highs);
    const b = maxDrawdownPortfolio(panel, { objective: "minrisk" }, highs);
    expect(a.risk).toBe(b.risk);
    expect(() =>
      maxDrawdownPortfolio(panel, { objective: "minrisk", riskFree: Infinity }, highs)
    ).toThrow(/riskFree/);
    expect(() =>
      maxDrawdownPortfolio(panelFromRows([0.1, NaN], 2, 1), { objective: "minrisk" }, highs)
    ).toThrow(/return 2 of column 1/);
  });
});
