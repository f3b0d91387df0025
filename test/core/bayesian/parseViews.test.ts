import fc from "fast-check";
import { parseViews } from "../../../src/core/bayesian/parseViews";

const labels = ["BTC", "ETH", "SOL"];

describe("parseViews", () => {
  it("reads absolute and relative views without a header (hand-worked)", () => {
    // "SOL 40 %" → P row e_SOL = (0, 0, 1); "ETH over BTC by 5 %" → e_ETH − e_BTC = (−1, 1, 0).
    const views = parseViews(
      [
        ["SOL", "", 0.4],
        ["ETH", "BTC", 0.05],
      ],
      labels
    );
    expect(views.count).toBe(2);
    expect(Array.from(views.P)).toEqual([0, 0, 1, -1, 1, 0]);
    expect(Array.from(views.Q)).toEqual([0.4, 0.05]);
    expect(views.names).toEqual(["SOL", "ETH over BTC"]);
    expect(views.rows).toEqual([0, 1]);
    expect(views.confidences).toBeUndefined();
  });

  it("maps columns by a header row, in any order, and reads percent text", () => {
    const views = parseViews(
      [
        ["Confidence", "Return", "Asset"],
        ["60%", "40%", "sol"],
        [0.25, "-5 %", "eth"],
      ],
      labels
    );
    expect(Array.from(views.P)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(views.Q[0]).toBeCloseTo(0.4, 15);
    expect(views.Q[1]).toBeCloseTo(-0.05, 15);
    expect(Array.from(views.confidences as Float64Array)).toEqual([0.6, 0.25]);
    expect(views.rows).toEqual([0, 1]);
  });

  it("takes asset | over | return | confidence by width, and desktop blanks (0) and web blanks (null) as empty", () => {
    const views = parseViews(
      [
        ["SOL", 0, 0.4, 1],
        ["ETH", null, 0, 0.5],
        ["", "", "", ""],
        [0, 0, 0, 0],
      ],
      labels
    );
    expect(views.count).toBe(2);
    expect(Array.from(views.Q)).toEqual([0.4, 0]);
    expect(Array.from(views.confidences as Float64Array)).toEqual([1, 0.5]);
  });

  it("reads 3 columns with numbers in the second as asset | return | confidence", () => {
    const views = parseViews(
      [
        ["SOL", 0.4, 0.6],
        ["ETH", "10%", "25%"],
        ["BTC", 0, 0.5],
      ],
      labels
    );
    expect(Array.from(views.P)).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect(Array.from(views.Q)).toEqual([0.4, 0.1, 0]);
    expect(Array.from(views.confidences as Float64Array)).toEqual([0.6, 0.25, 0.5]);
    expect(views.names).toEqual(["SOL", "ETH", "BTC"]);
  });

  it("keeps 3 columns as asset | over | return when the second holds a name or only blanks (desktop 0)", () => {
    const mixed = parseViews(
      [
        ["ETH", "BTC", 0.05],
        ["SOL", 0, 0.4],
      ],
      labels
    );
    expect(mixed.names).toEqual(["ETH over BTC", "SOL"]);
    expect(Array.from(mixed.Q)).toEqual([0.05, 0.4]);
    expect(mixed.confidences).toBeUndefined();
    const blanks = parseViews([["SOL", 0, 0.4]], labels);
    expect(Array.from(blanks.Q)).toEqual([0.4]);
    expect(blanks.confidences).toBeUndefined();
  });

  it("checks the confidence of a 3-column absolute view", () => {
    expect(() => parseViews([["SOL", 0.4, 1.5]], labels)).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message:
          "views: row 1 (SOL): confidence 1.5 is outside [0, 1]; give a fraction such as 0.6 or 60%",
        row: 0,
      })
    );
  });

  it("builds P rows that sum to 1 (absolute) or 0 (relative), one per non-blank row", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ a: fc.integer({ min: 0, max: 2 }), b: fc.integer({ min: -1, max: 2 }) }),
          {
            selector: (v) => (v.b < 0 ? `${v.a}` : `${Math.min(v.a, v.b)}-${Math.max(v.a, v.b)}`),
            maxLength: 5,
          }
        ),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (pairs, q) => {
          const rows = pairs
            .filter((p) => p.a !== p.b)
            .map((p) => [labels[p.a], p.b < 0 ? "" : labels[p.b], q]);
          fc.pre(rows.length > 0);
          const views = parseViews(rows, labels);
          expect(views.count).toBe(rows.length);
          for (let k = 0; k < views.count; k++) {
            const sum = views.P[k * 3] + views.P[k * 3 + 1] + views.P[k * 3 + 2];
            expect(sum).toBe(rows[k][1] === "" ? 1 : 0);
            expect(views.Q[k]).toBe(q);
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    const expectError = (table: unknown[][], message: string, row?: number) =>
      expect(() => parseViews(table, labels)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          argument: "views",
          message,
          ...(row === undefined ? {} : { row }),
        })
      );
    it("for an empty table or an unknown width", () => {
      expectError(
        [],
        "views is empty; give one row per view: asset, [over asset], return, [confidence]"
      );
      expect(() => parseViews([["SOL"]], labels)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("for an unknown asset, naming the row and the assets", () => {
      expectError(
        [
          ["SOL", 0.4],
          ["DOGE", 0.1],
        ],
        'views: row 2: asset "DOGE" is not among the assets (BTC, ETH, SOL); check the spelling or add its prices',
        1
      );
    });
    it("for an unknown asset in the over column", () => {
      expectError(
        [["ETH", "BTX", 0.05]],
        'views: row 1: asset "BTX" is not among the assets (BTC, ETH, SOL); check the spelling or add its prices'
      );
    });
    it("for an asset over itself", () => {
      expect(() => parseViews([["ETH", "eth", 0.05]], labels)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", label: "ETH" })
      );
    });
    it("for the same view twice, saying which rows", () => {
      expectError(
        [
          ["SOL", "", 0.4],
          ["ETH", "BTC", 0.05],
          ["SOL", "", 0.4],
        ],
        "views: rows 1 and 3 repeat the same view (SOL); keep one view per asset (or pair of assets)",
        2
      );
    });
    it("for contradictory views: identical P rows with different Q, or opposite rows with Q ≠ −Q", () => {
      expectError(
        [
          ["SOL", "", 0.4],
          ["SOL", "", 0.3],
        ],
        "views: rows 1 and 2 contradict each other: SOL by 0.4 and SOL by 0.3; keep one view per asset (or pair of assets)"
      );
      expectError(
        [
          ["asset", "over", "return"],
          ["ETH", "BTC", 0.05],
          ["BTC", "ETH", 0.02],
        ],
        "views: rows 2 and 3 contradict each other: ETH over BTC by 0.05 and BTC over ETH by 0.02; keep one view per asset (or pair of assets)",
        1
      );
    });
    it("for a confidence outside [0, 1], with the row", () => {
      expectError(
        [["SOL", "", 0.4, 60]],
        "views: row 1 (SOL): confidence 60 is outside [0, 1]; give a fraction such as 0.6 or 60%",
        0
      );
      expectError(
        [["SOL", "", 0.4, -0.1]],
        "views: row 1 (SOL): confidence -0.1 is outside [0, 1]; give a fraction such as 0.6 or 60%"
      );
    });
    it("for a blank confidence in a confidence column, and a blank or non-numeric return", () => {
      expectError(
        [["SOL", "", 0.4, ""]],
        "views: row 1 (SOL): confidence is blank; give a number such as 0.4 or 40%"
      );
      expectError(
        [["SOL", "", null]],
        "views: row 1 (SOL): return is blank; give a number such as 0.4 or 40%"
      );
      expectError(
        [["SOL", "", "high"]],
        'views: row 1 (SOL): return is "high", not a number; give a number such as 0.4 or 40%'
      );
    });
    it("for a value without an asset", () => {
      expectError(
        [["", "", 0.4]],
        "views: row 1 has no asset; give the asset the view is about, or clear the row"
      );
    });
    it("for a header that misnames or repeats a column, or lacks the return", () => {
      expect(() =>
        parseViews(
          [
            ["asset", "outlook"],
            ["SOL", 0.4],
          ],
          labels
        )
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", column: 1 }));
      expect(() =>
        parseViews(
          [
            ["asset", "asset"],
            ["SOL", 0.4],
          ],
          labels
        )
      ).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringContaining("twice"),
        })
      );
      expect(() =>
        parseViews(
          [
            ["asset", "confidence"],
            ["SOL", 0.4],
          ],
          labels
        )
      ).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringContaining("no return column"),
        })
      );
    });
    it("NON_FINITE for an infinite return", () => {
      expect(() => parseViews([["SOL", Infinity]], labels)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
  });

  it("leaves its input unchanged", () => {
    const table = Object.freeze([
      Object.freeze(["SOL", "", 0.4]),
      Object.freeze(["ETH", "BTC", 0.05]),
    ]);
    parseViews(table, labels);
    expect(table).toEqual([
      ["SOL", "", 0.4],
      ["ETH", "BTC", 0.05],
    ]);
  });
});
