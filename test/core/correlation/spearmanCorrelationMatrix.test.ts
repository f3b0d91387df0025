import fc from "fast-check";
import { pearsonCorrelationMatrix } from "../../../src/core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../../src/core/correlation/spearmanCorrelationMatrix";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { averageRanks } from "../../../src/core/ranks/averageRanks";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  at,
  expectMatrixClose,
  loadFixture,
  panelOf,
  snapshot,
} from "./correlationTestKit";

describe("spearmanCorrelationMatrix", () => {
  it("matches a hand-worked case with a tie", () => {
    // x = 1, 2, 3, 4 → ranks 1, 2, 3, 4; y = 5, 7, 7, 9 → ranks 1, 2.5, 2.5, 4.
    // deviations from 2.5: x −1.5, −0.5, 0.5, 1.5; y −1.5, 0, 0, 1.5
    // Σdxdy = 2.25 + 2.25 = 4.5; Σdx² = 5; Σdy² = 4.5 → ρ = 4.5 / √(22.5) = 0.948683…
    const m = spearmanCorrelationMatrix(
      panelOf([
        [1, 5],
        [2, 7],
        [3, 7],
        [4, 9],
      ])
    );
    expect(at(m, 0, 1)).toBeCloseTo(4.5 / Math.sqrt(22.5), 15);
    expect(at(m, 1, 1)).toBe(1);
  });

  it("matches scipy.stats.spearmanr on complete data, with and without ties (fixture, 1e-13)", () => {
    const fx = loadFixture("matrices.json");
    for (const name of ["complete", "ties"]) {
      expectMatrixClose(
        spearmanCorrelationMatrix(panelOf(fx[name].data)),
        fx[name].spearman,
        1e-13
      );
    }
  });

  it("re-ranks each pair's overlap, as pandas does (fixture, 1e-13)", () => {
    const fx = loadFixture("pairwise.json");
    expectMatrixClose(spearmanCorrelationMatrix(panelOf(fx.data)), fx.spearman, 1e-13);
  });

  it("equals Pearson of the average ranks on complete data (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }), {
          minLength: 6,
          maxLength: 25,
        }),
        (rows) => {
          const cols = [0, 1, 2].map((j) => rows.map((r) => r[j]));
          if (cols.some((c) => c.every((v) => v === c[0]))) return; // constant: covered by a throw test
          const ranks = cols.map((c) => averageRanks(c));
          const ranked = rows.map((_, t) => ranks.map((r) => r[t]));
          const s = spearmanCorrelationMatrix(panelOf(rows));
          const p = pearsonCorrelationMatrix(panelOf(ranked));
          for (let i = 0; i < 3; i++)
            for (let j = 0; j < 3; j++) expect(at(s, i, j)).toBeCloseTo(at(p, i, j), 13);
        }
      ),
      { numRuns: 80 }
    );
  });

  it("is symmetric, unit-diagonal, bounded and invariant to monotone transforms and asset order (property)", () => {
    fc.assert(
      fc.property(arbitraryPanel(), ({ rows }) => {
        const cols = rows[0].length;
        const m = spearmanCorrelationMatrix(panelOf(rows));
        const cubed = spearmanCorrelationMatrix(
          panelOf(rows.map((r) => r.map((v, j) => (j === 1 ? v ** 3 + 2 : v))))
        );
        const reversed = spearmanCorrelationMatrix(panelOf(rows.map((r) => [...r].reverse())));
        for (let i = 0; i < cols; i++) {
          expect(at(m, i, i)).toBe(1);
          for (let j = 0; j < cols; j++) {
            expect(at(m, i, j)).toBe(at(m, j, i));
            expect(Math.abs(at(m, i, j))).toBeLessThanOrEqual(1);
            expect(at(cubed, i, j)).toBeCloseTo(at(m, i, j), 12);
            expect(at(reversed, cols - 1 - i, cols - 1 - j)).toBeCloseTo(at(m, i, j), 12);
          }
        }
      }),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS, ZERO_VARIANCE, NON_FINITE and INVALID_ARGUMENT", () => {
    expect(() =>
      spearmanCorrelationMatrix(
        panelOf([
          [1, 2],
          [2, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
    expect(() =>
      spearmanCorrelationMatrix(
        panelOf(
          [
            [1, 2],
            [2, 2],
            [3, 2],
          ],
          ["A", "FLAT"]
        )
      )
    ).toThrow(expect.objectContaining({ code: "ZERO_VARIANCE", label: "FLAT" }));
    expect(() =>
      spearmanCorrelationMatrix(
        panelOf([
          [1, 2],
          [-Infinity, 1],
          [3, 0],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
    expect(() => spearmanCorrelationMatrix(panelOf([[1], [2], [3]]), { minOverlap: 2.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("gives NaN for the undefined pair only under onUndefinedPair = 'nan'", () => {
    const m = spearmanCorrelationMatrix(
      panelOf([
        [1, 2, 5],
        [2, 2, 4],
        [3, 2, 6],
      ]),
      { onUndefinedPair: "nan" }
    );
    expect(at(m, 0, 1)).toBeNaN();
    expect(at(m, 1, 1)).toBeNaN();
    expect(at(m, 0, 2)).toBeCloseTo(0.5, 14);
  });

  it("leaves its input unchanged", () => {
    const fx = loadFixture("pairwise.json");
    const panel = Object.freeze(panelOf(fx.data));
    const before = snapshot(panel);
    spearmanCorrelationMatrix(panel);
    expect(snapshot(panel)).toEqual(before);
  });
});

describeWithSharedData("spearmanCorrelationMatrix on crypto-daily-close.csv", () => {
  it("matches scipy for BTC/ETH and the pairwise re-ranked matrix for all 22 assets (1e-12)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const fx = loadFixture("crypto.json");
    const m = spearmanCorrelationMatrix(
      returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }))
    );
    expect(at(m, 0, 1)).toBeCloseTo(fx.btcEth.spearman, 12);
    expectMatrixClose(m, fx.spearmanPairwise, 1e-12);
  });
});
