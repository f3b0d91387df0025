import fc from "fast-check";
import { ewmCorrelationMatrix } from "../../../src/core/correlation/ewmCorrelationMatrix";
import { ewmCorrelationSeries } from "../../../src/core/correlation/ewmCorrelationSeries";
import { isPositiveSemidefinite } from "../../../src/core/correlation/isPositiveSemidefinite";
import {
  arbitraryPanel,
  at,
  columnOf,
  expectMatrixClose,
  loadFixture,
  panelOf,
  snapshot,
} from "./correlationTestKit";

describe("ewmCorrelationMatrix", () => {
  it("matches a hand-worked case (half-life 1)", () => {
    // Same numbers as the series case: w = 1/4, 1/2, 1 → ρ = 7 / √(45.5 · 35)
    const m = ewmCorrelationMatrix(
      panelOf([
        [1, 1],
        [2, 3],
        [3, 2],
      ]),
      { halfLife: 1 }
    );
    expect(at(m, 0, 1)).toBeCloseTo(7 / Math.sqrt(45.5 * 35), 14);
    expect(at(m, 1, 1)).toBe(1);
  });

  it("matches pandas ewm(halflife=5 / span=20, adjust=True).corr() at the last date, pairwise (fixture, 1e-12)", () => {
    const fx = loadFixture("pairwise.json");
    expectMatrixClose(
      ewmCorrelationMatrix(panelOf(fx.data), { halfLife: 5 }),
      fx.ewmHalfLife5,
      1e-12
    );
    expectMatrixClose(ewmCorrelationMatrix(panelOf(fx.data), { span: 20 }), fx.ewmSpan20, 1e-12);
  });

  it("equals the last value of ewmCorrelationSeries for every pair, is symmetric and PSD on complete data (property)", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(4, 30),
        fc.double({ min: 2, max: 40, noNaN: true }),
        ({ panel }, halfLife) => {
          const m = ewmCorrelationMatrix(panel, { halfLife });
          for (let i = 0; i < m.size; i++) {
            expect(at(m, i, i)).toBe(1);
            for (let j = i + 1; j < m.size; j++) {
              expect(at(m, i, j)).toBe(at(m, j, i));
              const series = ewmCorrelationSeries(columnOf(panel, i), columnOf(panel, j), {
                halfLife,
              });
              expect(at(m, i, j)).toBeCloseTo(series[panel.rows - 1], 11);
            }
          }
          const complete = panelOf(
            Array.from({ length: panel.rows - 6 }, (_, t) =>
              Array.from({ length: panel.cols }, (_, j) => panel.data[j * panel.rows + t + 6])
            )
          );
          expect(isPositiveSemidefinite(ewmCorrelationMatrix(complete, { halfLife }))).toBe(true);
        }
      ),
      { numRuns: 40 }
    );
  });

  it("throws INVALID_ARGUMENT for a bad decay and the pair errors of the other matrices", () => {
    const panel = panelOf([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
    expect(() => ewmCorrelationMatrix(panel, {} as { halfLife: number })).toThrow(
      "decay: give exactly one of halfLife or span (in rows)"
    );
    expect(() => ewmCorrelationMatrix(panel, { span: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => ewmCorrelationMatrix(panel, { halfLife: 3 })).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE" })
    );
    expect(() => ewmCorrelationMatrix(panelOf([[1], [2]]), { halfLife: 3 })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => ewmCorrelationMatrix(panelOf([[1], [Infinity], [2]]), { halfLife: 3 })).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
  });

  it("leaves its input unchanged", () => {
    const fx = loadFixture("pairwise.json");
    const panel = Object.freeze(panelOf(fx.data));
    const before = snapshot(panel);
    ewmCorrelationMatrix(panel, { halfLife: 10 });
    expect(snapshot(panel)).toEqual(before);
  });
});
