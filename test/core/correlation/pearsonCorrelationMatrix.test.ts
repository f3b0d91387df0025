import fc from "fast-check";
import { pearsonCorrelationMatrix } from "../../../src/core/correlation/pearsonCorrelationMatrix";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  arbitraryPanel,
  at,
  columnOf,
  directPearson,
  expectMatrixClose,
  loadFixture,
  panelOf,
  snapshot,
} from "./correlationTestKit";

describe("pearsonCorrelationMatrix", () => {
  it("matches a hand-worked 3-row case", () => {
    // x = 1, 2, 3 (mean 2, deviations −1, 0, 1); y = 2, 4, 5 (mean 11/3, deviations −5/3, 1/3, 4/3)
    // Σdxdy = 5/3 + 0 + 4/3 = 3; Σdx² = 2; Σdy² = (25 + 1 + 16)/9 = 42/9 → ρ = 3 / √(2 · 42/9) = 0.98198…
    const m = pearsonCorrelationMatrix(
      panelOf(
        [
          [1, 2],
          [2, 4],
          [3, 5],
        ],
        ["BTC", "ETH"]
      )
    );
    expect(m.size).toBe(2);
    expect(m.labels).toEqual(["BTC", "ETH"]);
    expect(at(m, 0, 1)).toBeCloseTo(3 / Math.sqrt((2 * 42) / 9), 15);
    expect(at(m, 1, 0)).toBe(at(m, 0, 1));
    expect(at(m, 0, 0)).toBe(1);
  });

  it("matches numpy.corrcoef on complete data (fixture, 1e-13)", () => {
    const fx = loadFixture("matrices.json");
    for (const name of ["complete", "ties"]) {
      expectMatrixClose(pearsonCorrelationMatrix(panelOf(fx[name].data)), fx[name].pearson, 1e-13);
    }
  });

  it("matches pandas' pairwise rule (min_periods = 3) with listings, delistings and holes (fixture, 1e-13)", () => {
    const fx = loadFixture("pairwise.json");
    expectMatrixClose(pearsonCorrelationMatrix(panelOf(fx.data)), fx.pearson, 1e-13);
  });

  it("gives NaN only for undefined pairs under onUndefinedPair = 'nan'", () => {
    // C has values on rows 4–5 only: 2 rows with A and B (< 3), and 2 on its own.
    const rows = [
      [0.1, 0.2, NaN],
      [0.3, 0.1, NaN],
      [0.2, 0.5, NaN],
      [0.5, 0.4, 0.1],
      [0.4, 0.3, 0.2],
    ];
    const m = pearsonCorrelationMatrix(panelOf(rows, ["A", "B", "C"]), { onUndefinedPair: "nan" });
    expect(at(m, 0, 1)).toBeCloseTo(
      directPearson([0.1, 0.3, 0.2, 0.5, 0.4], [0.2, 0.1, 0.5, 0.4, 0.3]),
      14
    );
    expect(at(m, 0, 2)).toBeNaN();
    expect(at(m, 2, 1)).toBeNaN();
    expect(at(m, 2, 2)).toBeNaN();
    expect(at(m, 0, 0)).toBe(1);
    const loose = pearsonCorrelationMatrix(panelOf(rows), { minOverlap: 2 });
    expect(Math.abs(at(loose, 0, 2))).toBeCloseTo(1, 14);
  });

  it("is symmetric with a unit diagonal, |ρ| ≤ 1, and equals the direct pairwise formula (property)", () => {
    fc.assert(
      fc.property(arbitraryPanel(), ({ panel }) => {
        const m = pearsonCorrelationMatrix(panel);
        for (let i = 0; i < m.size; i++) {
          expect(at(m, i, i)).toBe(1);
          for (let j = 0; j < m.size; j++) {
            expect(at(m, i, j)).toBe(at(m, j, i));
            expect(Math.abs(at(m, i, j))).toBeLessThanOrEqual(1);
            if (i !== j) {
              const direct = directPearson(columnOf(panel, i), columnOf(panel, j));
              expect(Math.abs(at(m, i, j) - direct)).toBeLessThan(1e-12);
            }
          }
        }
      }),
      { numRuns: 60 }
    );
  });

  it("is invariant to asset order and to positive affine transforms of a column (property)", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        ({ rows }, scale, shift) => {
          const cols = rows[0].length;
          const m = pearsonCorrelationMatrix(panelOf(rows));
          const reversed = pearsonCorrelationMatrix(panelOf(rows.map((r) => [...r].reverse())));
          const transformed = pearsonCorrelationMatrix(
            panelOf(rows.map((r) => r.map((v, j) => (j === 0 ? scale * v + shift : v))))
          );
          for (let i = 0; i < cols; i++) {
            for (let j = 0; j < cols; j++) {
              expect(at(reversed, cols - 1 - i, cols - 1 - j)).toBeCloseTo(at(m, i, j), 12);
              expect(at(transformed, i, j)).toBeCloseTo(at(m, i, j), 10);
            }
          }
        }
      ),
      { numRuns: 50 }
    );
  });

  it("uses the blocked kernel correctly past one 3-column block and one 256-row cache block", () => {
    const rows: number[][] = [];
    for (let t = 0; t < 600; t++) {
      rows.push(
        Array.from(
          { length: 11 },
          (_, j) => Math.sin(t * (j + 1) * 0.37) + Math.cos(t * t * 0.001 * (j + 2))
        )
      );
    }
    const panel = panelOf(rows);
    const m = pearsonCorrelationMatrix(panel);
    for (let i = 0; i < 11; i++) {
      for (let j = i + 1; j < 11; j++) {
        expect(at(m, i, j)).toBeCloseTo(directPearson(columnOf(panel, i), columnOf(panel, j)), 13);
      }
    }
  });

  it("throws TOO_FEW_POINTS naming both assets when a pair overlaps on too few rows", () => {
    const panel = panelOf(
      [
        [0.1, NaN],
        [0.2, NaN],
        [0.4, 0.1],
        [0.3, 0.3],
      ],
      ["BTC", "SOL"]
    );
    expect(() => pearsonCorrelationMatrix(panel, { minOverlap: 3 })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => pearsonCorrelationMatrix(panel)).toThrow(
      'returns: column 1 (BTC) and column 2 (SOL) have 2 rows in common; correlation needs at least 3; use a longer range or pass onUndefinedPair="nan"'
    );
    // An asset alone with too few values is named alone.
    expect(() => pearsonCorrelationMatrix(panelOf([[0.1], [0.2]], ["SOL"]))).toThrow(
      "returns: column 1 (SOL) has 2 values; correlation needs at least 3; remove it or use a longer range"
    );
  });

  it("throws TOO_FEW_POINTS naming both assets when their masks differ", () => {
    const panel = panelOf(
      [
        [0.1, NaN],
        [0.2, 0.1],
        [0.4, NaN],
        [0.3, 0.3],
        [0.5, NaN],
        [0.6, 0.2],
      ],
      ["BTC", "SOL"]
    );
    expect(() => pearsonCorrelationMatrix(panel, { minOverlap: 4 })).toThrow(
      /column 1 \(BTC\) and column 2 \(SOL\) have 3 rows in common; correlation needs at least 4/
    );
  });

  it("throws ZERO_VARIANCE naming the constant asset", () => {
    const panel = panelOf(
      [
        [0.1, 0.02],
        [0.2, 0.02],
        [0.4, 0.02],
      ],
      ["BTC", "USDT"]
    );
    expect(() => pearsonCorrelationMatrix(panel)).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDT" })
    );
    expect(() => pearsonCorrelationMatrix(panel)).toThrow(
      "returns: column 2 (USDT) has zero variance; remove it or use a longer window"
    );
  });

  it("throws NON_FINITE on ±Infinity and INVALID_ARGUMENT on a bad option or empty panel", () => {
    expect(() =>
      pearsonCorrelationMatrix(
        panelOf([
          [1, Infinity],
          [2, 3],
          [3, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE", row: 0, column: 1 }));
    expect(() => pearsonCorrelationMatrix(panelOf([[1], [2], [3]]), { minOverlap: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() =>
      pearsonCorrelationMatrix(panelOf([[1], [2], [3]]), {
        onUndefinedPair: "skip" as unknown as "nan",
      })
    ).toThrow('onUndefinedPair must be "throw" or "nan"; got "skip"');
    expect(() => pearsonCorrelationMatrix(panelOf([]))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("is unaffected by magnitudes near 1e±200 (no overflow to Infinity or underflow to 0)", () => {
    const rows = [
      [1, 1],
      [2, 3],
      [4, 2],
    ];
    const plain = at(pearsonCorrelationMatrix(panelOf(rows)), 0, 1);
    for (const scale of [1e200, 1e-200]) {
      const scaled = pearsonCorrelationMatrix(
        panelOf(rows.map((r) => [r[0] * scale, r[1] * scale]))
      );
      expect(at(scaled, 0, 1)).toBeCloseTo(plain, 14);
    }
  });

  it("leaves its input unchanged", () => {
    const fx = loadFixture("pairwise.json");
    const panel = panelOf(fx.data);
    const before = snapshot(panel);
    Object.freeze(panel.labels);
    pearsonCorrelationMatrix(Object.freeze(panel));
    expect(snapshot(panel)).toEqual(before);
  });
});

describeWithSharedData("pearsonCorrelationMatrix on crypto-daily-close.csv", () => {
  it("matches numpy for BTC/ETH and pandas' pairwise matrix for all 22 assets (1e-12)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const fx = loadFixture("crypto.json");
    expect(csv.symbols).toEqual(fx.symbols);
    const returns = returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }));
    expect(returns.rows).toBe(fx.rows);
    const m = pearsonCorrelationMatrix(returns);
    expect(at(m, 0, 1)).toBeCloseTo(fx.btcEth.pearson, 12);
    expect(fx.btcEth.pearson).toBeGreaterThan(0.6);
    expectMatrixClose(m, fx.pearsonPairwise, 1e-12);
  });
});
