import fc from "fast-check";
import { correlationByOverlap } from "../../../src/core/correlation/correlationByOverlap";
import {
  arbitraryPanel,
  at,
  columnOf,
  directPearson,
  loadFixture,
  panelOf,
  snapshot,
} from "./correlationTestKit";

describe("correlationByOverlap", () => {
  it("computes a hand-worked pair on its overlap only", () => {
    // Column B misses row 1, so the pair uses rows 2–4: x = 2, 3, 5; y = 1, 2, 4
    // deviations x −4/3, −1/3, 5/3; y −4/3, −1/3, 5/3 → identical → ρ = 1
    const m = correlationByOverlap(
      panelOf([
        [100, NaN],
        [2, 1],
        [3, 2],
        [5, 4],
      ]),
      {},
      { kind: "pearson" }
    );
    expect(at(m, 0, 1)).toBeCloseTo(1, 15);
  });

  it("reproduces the pandas pairwise fixtures for all three standardisations (1e-12)", () => {
    const fx = loadFixture("pairwise.json");
    const panel = panelOf(fx.data);
    const lambda = Math.exp(-Math.LN2 / 5);
    const cases: [Parameters<typeof correlationByOverlap>[2], number[][]][] = [
      [{ kind: "pearson" }, fx.pearson],
      [{ kind: "spearman" }, fx.spearman],
      [{ kind: "exponential", decay: lambda }, fx.ewmHalfLife5],
    ];
    for (const [standardisation, expected] of cases) {
      const m = correlationByOverlap(panel, {}, standardisation);
      for (let i = 0; i < m.size; i++)
        for (let j = 0; j < m.size; j++) expect(at(m, i, j)).toBeCloseTo(expected[i][j], 12);
    }
  });

  it("gives the same matrix whichever masks the columns share (property)", () => {
    fc.assert(
      fc.property(arbitraryPanel(7, 30), ({ panel }) => {
        const m = correlationByOverlap(panel, {}, { kind: "pearson" });
        for (let i = 0; i < m.size; i++) {
          for (let j = i + 1; j < m.size; j++) {
            expect(at(m, i, j)).toBeCloseTo(
              directPearson(columnOf(panel, i), columnOf(panel, j)),
              12
            );
          }
        }
      }),
      { numRuns: 50 }
    );
  });

  it("treats a column constant up to rounding of its mean as zero variance", () => {
    const c = 0.1 + 0.2; // 0.30000000000000004: the mean of three of them is not exactly representable
    expect(() =>
      correlationByOverlap(
        panelOf([
          [1, c],
          [2, c],
          [4, c],
        ]),
        {},
        { kind: "pearson" }
      )
    ).toThrow(expect.objectContaining({ code: "ZERO_VARIANCE" }));
  });

  it("throws the pair errors and validates its options", () => {
    expect(() => correlationByOverlap(panelOf([[1], [2]]), {}, { kind: "spearman" })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() =>
      correlationByOverlap(panelOf([[1], [2], [3]]), { minOverlap: 1 }, { kind: "pearson" })
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() =>
      correlationByOverlap(panelOf([[1], [Infinity], [3]]), {}, { kind: "pearson" })
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
  });

  it("leaves its input unchanged", () => {
    const fx = loadFixture("pairwise.json");
    const panel = Object.freeze(panelOf(fx.data));
    const before = snapshot(panel);
    correlationByOverlap(panel, { onUndefinedPair: "nan" }, { kind: "exponential", decay: 0.9 });
    expect(snapshot(panel)).toEqual(before);
  });
});
