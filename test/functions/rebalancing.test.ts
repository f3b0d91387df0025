import fc from "fast-check";
import { backtest as coreBacktest } from "../../src/core/backtest/backtest";
import { buyAndHold } from "../../src/core/backtest/buyAndHold";
import { singleAsset } from "../../src/core/backtest/singleAsset";
import { isCoreError } from "../../src/core/errors";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { makeExcelError } from "../../src/functions/excelError";
import { declaredPayloadBound } from "../../src/functions/payloadSize";
import { backtest, discrete, rebalance } from "../../src/functions/rebalancing";
import { errorOf, rejectionOf } from "../helpers/excelErrorOf";
import { worstCaseOf } from "../helpers/payloadWorstCase";

const none = null as unknown as number;

describe("REBALANCE", () => {
  const prices = [
    ["BTC", "ETH"],
    [100, 10],
  ];

  it("trades assets outside the band back to target and reports totals", () => {
    // Holdings worth 80 BTC + 20 ETH = 100; targets 50/50: drift ±30 points > 5 → sell 30 BTC, buy 30 ETH.
    const out = rebalance([[0.8, 2]], prices, [[0.5, 0.5]], 0.05);
    expect(out[0].slice(0, 8)).toEqual([
      "Asset",
      "Units",
      "Price",
      "Value",
      "Weight",
      "Target",
      "Drift",
      "Action",
    ]);
    expect(out[1][7]).toBe("sell");
    expect(out[1][9]).toBeCloseTo(-30, 9);
    expect(out[2][7]).toBe("buy");
    expect(out[2][8]).toBeCloseTo(3, 9);
    const turnover = out.find((r) => r[0] === "Turnover");
    expect(turnover?.[1]).toBeCloseTo(0.6, 9);
  });

  it("holds when the drift is inside the band", () => {
    const out = rebalance([[0.52, 4.8]], prices, [[0.5, 0.5]], 0.05);
    expect(out[1][7]).toBe("hold");
    expect(out[2][7]).toBe("hold");
  });

  it("rejects negative holdings and targets that do not sum to 1", () => {
    expect(errorOf(() => rebalance([[-1, 2]], prices, [[0.5, 0.5]])).message).toMatch(
      /holdings must be 0 or more/
    );
    expect(errorOf(() => rebalance([[1, 2]], prices, [[0.5, 0.6]])).code).toBe("#VALUE!");
  });
});

describe("DISCRETE", () => {
  it("buys whole units for a budget and reports the cash left", () => {
    const out = discrete(
      [
        ["A", "B"],
        [0.5, 0.5],
      ],
      [
        ["A", "B"],
        [30, 20],
      ],
      100
    );
    expect(out[0]).toEqual(["Asset", "Units", "Value", "Weight", "Target"]);
    expect(out[1].slice(0, 3)).toEqual(["A", 2, 60]);
    expect(out[2].slice(0, 3)).toEqual(["B", 2, 40]);
    expect(out[3][0]).toBe("Cash left");
  });

  it("needs a budget", () => {
    expect(errorOf(() => discrete([[1]], [[10]], none)).message).toMatch(/budget is empty/);
  });
});

describe("BACKTEST", () => {
  // 120 days from 2024-01-01 (Excel serial 45292); two assets with steady drifts.
  const rows: Array<Array<string | number>> = [["Date", "BTC", "ETH"]];
  for (let t = 0; t < 120; t++)
    rows.push([
      45292 + t,
      100 * 1.001 ** t * (1 + 0.02 * Math.sin(t)),
      50 * 1.002 ** t * (1 + 0.03 * Math.cos(t)),
    ]);

  it("spills dated equity curves starting at 1 for fixed weights", async () => {
    const out = await backtest(rows, [[0.5, 0.5]]);
    expect(out[0]).toEqual(["Date", "Portfolio", "Buy and hold", "BTC only"]);
    expect(out[1][0]).toBe(45292);
    expect(out[1][1]).toBeCloseTo(1, 12);
    expect(out).toHaveLength(121);
  });

  it("with no rebalancing equals buy and hold", async () => {
    const out = await backtest(rows, [[0.5, 0.5]], "none");
    for (const row of out.slice(1)) expect(row[1]).toBeCloseTo(row[2] as number, 12);
  });

  it("re-estimates a method on a trailing window and reports statistics", async () => {
    const out = await backtest(rows, "erc", "monthly", none, 10, 30, "stats");
    expect(out[0]).toEqual(["Metric", "Portfolio", "Buy and hold", "BTC only"]);
    expect(out.map((r) => r[0])).toEqual([
      "Metric",
      "CAGR",
      "Annualised volatility",
      "Sharpe ratio",
      "Max drawdown",
      "Calmar ratio",
      "Final value",
      "Turnover",
      "Fees paid",
      "Rebalances",
    ]);
    const weights = await backtest(rows, "invvol", "monthly", none, 0, 30, "weights");
    expect(weights[0]).toEqual(["Date", "BTC", "ETH"]);
    for (const row of weights.slice(1))
      expect((row[1] as number) + (row[2] as number)).toBeCloseTo(1, 12);
  });

  it("rejects an unknown method and unsorted dates", async () => {
    expect((await rejectionOf(backtest(rows, "momentum"))).message).toMatch(
      /weightsOrMethod must be weights/
    );
    const unsorted = [rows[0], rows[2], rows[1], ...rows.slice(3)];
    expect((await rejectionOf(backtest(unsorted, [[0.5, 0.5]]))).message).toMatch(
      /is not after the row above/
    );
  });
});

describe("BACKTEST's equity spill against the core's curves (property)", () => {
  /** What the spill must be, built from the core alone: header, then one row per day from the start. */
  function expectedSpill(
    cells: number[][],
    serials: number[] | undefined,
    weights: number[],
    rebalance: "none" | "daily" | "weekly" | "monthly",
    feeBps: number,
    labels: string[]
  ): unknown[][] {
    const panel = pricePanel(cells, { labels });
    const days = serials?.map((s) => s - 25569) ?? cells.map((_, t) => t);
    const result = coreBacktest({ prices: panel, dates: days, rule: weights, rebalance, feeBps });
    const start = result.startRow;
    const hold = buyAndHold(panel, result.weights[0], { startRow: start });
    let bench: Float64Array | undefined;
    let benchError: unknown = "";
    try {
      bench = singleAsset(panel, 0, { startRow: start });
    } catch (error) {
      if (!isCoreError(error)) throw error;
      benchError = makeExcelError(error.code === "NOT_AVAILABLE" ? "na" : "value", error.message);
    }
    const cell = (x: number) => (Number.isFinite(x) ? x : makeExcelError("na", "undefined"));
    const out: unknown[][] = [
      [serials ? "Date" : "Row", "Portfolio", "Buy and hold", `${labels[0]} only`],
    ];
    for (let t = start; t < cells.length; t++) {
      out.push([
        serials ? serials[t] : t + 1,
        cell(result.equity[t]),
        cell(hold[t]),
        bench ? cell(bench[t]) : benchError,
      ]);
    }
    return out;
  }

  const input = fc
    .record({
      rows: fc.integer({ min: 3, max: 70 }),
      cols: fc.integer({ min: 1, max: 4 }),
      dated: fc.boolean(),
      // The benchmark (first column) listed late: its curve is an error in every row.
      lateBenchmark: fc.boolean(),
      steps: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
        minLength: 280,
        maxLength: 280,
      }),
      gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 70, maxLength: 70 }),
      rebalance: fc.constantFrom(
        "none" as const,
        "daily" as const,
        "weekly" as const,
        "monthly" as const
      ),
      feeBps: fc.integer({ min: 0, max: 50 }),
    })
    .map(({ rows, cols, dated, lateBenchmark, steps, gaps, rebalance, feeBps }) => {
      const late = lateBenchmark && cols > 1 ? 2 : 0;
      const cells = Array.from({ length: rows }, (_, t) =>
        Array.from(
          { length: cols },
          (_, j) => 100 * (j + 1) * Math.exp(steps[(t * cols + j) % 280] * (t + 1))
        )
      );
      let serial = 45000;
      const serials = dated ? gaps.slice(0, rows).map((g) => (serial += g)) : undefined;
      const labels = Array.from({ length: cols }, (_, j) => `A${j}`);
      const weights = Array.from({ length: cols }, () => 1 / cols);
      const range: unknown[][] = [[...(dated ? ["Date"] : []), ...labels]];
      cells.forEach((row, t) =>
        range.push([
          ...(serials ? [serials[t]] : []),
          ...row.map((p, j) => (j === 0 && t < late ? "" : p)),
        ])
      );
      const coreCells = cells.map((row, t) => row.map((p, j) => (j === 0 && t < late ? NaN : p)));
      return { range, coreCells, serials, weights, rebalance, feeBps, labels };
    });

  it("spills exactly the core's equity, buy-and-hold and benchmark curves, dated or by row", async () => {
    await fc.assert(
      fc.asyncProperty(
        input,
        async ({ range, coreCells, serials, weights, rebalance, feeBps, labels }) => {
          const out = await backtest(range as any[][], [weights], rebalance, none, feeBps);
          expect(out).toEqual(
            expectedSpill(coreCells, serials, weights, rebalance, feeBps, labels)
          );
          // The worst case the spill declares for the payload check is the one read from its cells.
          expect(declaredPayloadBound(out)).toBe(worstCaseOf(out));
        }
      ),
      { numRuns: 150 }
    );
  });

  it("shows a curve that overflows as #N/A cells and counts them in the declared worst case", async () => {
    // B rises from 1e-300 to 1e300: half of it is worth 5e599, past the largest double.
    const range = [
      ["A", "B"],
      [1, 1e-300],
      [1, 1e-300],
      [1, 1e300],
      [1, 1e300],
    ];
    const out = await backtest(range, [[0.5, 0.5]], "none", none, 0);
    expect(out.slice(0, 3)).toEqual([
      ["Row", "Portfolio", "Buy and hold", "A only"],
      [1, 1, 1, 1],
      [2, 1, 1, 1],
    ]);
    for (const row of out.slice(3)) {
      expect(row[1]).toMatchObject({ code: "#N/A", message: "undefined" });
      expect(row[2]).toMatchObject({ code: "#N/A", message: "undefined" });
      expect(row[3]).toBe(1);
    }
    // 5 rows: 12 of brackets; header 3+9, 3+27, 3+36, 3+18; 12 numbers of 25; 4 errors of 48+27.
    expect(declaredPayloadBound(out)).toBe(12 + 12 + 30 + 39 + 21 + 12 * 25 + 4 * 75);
    expect(declaredPayloadBound(out)).toBe(worstCaseOf(out));
  });
});
