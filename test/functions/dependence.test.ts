import {
  avgCorr,
  corrMatrix,
  corrTo,
  covMatrix,
  nearestCorr,
} from "../../src/functions/dependence";
import { errorOf } from "../helpers/excelErrorOf";

/** The Excel error an async custom function rejects with (fails the test if it resolves). */
async function rejectionOf(result: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await result;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

// Returns of A: +10 %, −10 %, +20 %, −5 %; B moves exactly like A (ρ = 1); C exactly against it.
const PRICES = [
  ["A", "B", "C"],
  [100, 50, 100],
  [110, 55, 90],
  [99, 49.5, 99],
  [118.8, 59.4, 79.2],
  [112.86, 56.43, 83.16],
];

function pearson(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b) / x.length;
  const my = y.reduce((a, b) => a + b) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("CORRMATRIX", () => {
  it("spills a labelled symmetric matrix with a unit diagonal (hand-worked ±1)", async () => {
    const out = await corrMatrix(PRICES);
    expect(out[0]).toEqual(["", "A", "B", "C"]);
    expect(out.map((row) => row[0])).toEqual(["", "A", "B", "C"]);
    expect(out[1][1]).toBeCloseTo(1, 12);
    expect(out[1][2]).toBeCloseTo(1, 12);
    expect(out[1][3]).toBeCloseTo(-1, 12);
    expect(out[3][1]).toBeCloseTo(-1, 12);
  });

  it("is unlabelled without a header and accepts every method, case-insensitively", async () => {
    const bare = PRICES.slice(1);
    for (const method of ["pearson", "Spearman", "KENDALL", "ewm"]) {
      const out = await corrMatrix(bare, method);
      expect(out).toHaveLength(3);
      expect(out[0]).toHaveLength(3);
      expect(out[0][1]).toBeCloseTo(1, 10);
      expect(out[0][2]).toBeCloseTo(-1, 10);
    }
  });

  it("uses a trailing window of returns", async () => {
    const rows = [
      [1, 1],
      [2, 3],
      [3, 2],
      [4, 5],
      [5, 4],
      [7, 6],
    ];
    const r = (col: number) => rows.slice(1).map((row, t) => row[col] / rows[t][col] - 1);
    const out = await corrMatrix(rows, null as unknown as string, 3);
    expect(out[0][1]).toBeCloseTo(pearson(r(0).slice(-3), r(1).slice(-3)), 12);
  });

  it("shows #N/A only in the cells of a pair with no overlap", async () => {
    const out = await corrMatrix([
      ["OLD", "NEW", "ALL"],
      [1, "", 1],
      [2, "", 3],
      [3, "", 2],
      [2, "", 3],
      [3, 1, 5],
      ["", 2, 4],
      ["", 4, 5],
      ["", 3, 6],
      ["", 5, 7],
    ]);
    expect(out[1][2]).toMatchObject({ code: "#N/A" });
    expect((out[1][2] as { message: string }).message).toMatch(/OLD and NEW share too few dates/);
    expect(typeof out[1][3]).toBe("number");
    expect(typeof out[2][3]).toBe("number");
  });

  it("rejects bad options with the choices", async () => {
    expect((await rejectionOf(corrMatrix(PRICES, "pearsn"))).message).toBe(
      'method must be "pearson", "spearman", "kendall" or "ewm"; got "pearsn"'
    );
    expect((await rejectionOf(corrMatrix(PRICES, "pearson", 2))).message).toMatch(
      /window must be a whole number of rows ≥ 3/
    );
    expect(
      (await rejectionOf(corrMatrix(PRICES, "ewm", null as unknown as number, -1))).message
    ).toMatch(/halfLife must be/);
  });
});

describe("COVMATRIX", () => {
  it("annualises the sample covariance by ppy (hand-worked against the definition)", async () => {
    const rows = PRICES.slice(1) as number[][];
    const a = rows.slice(1).map((row, t) => row[0] / rows[t][0] - 1);
    const mean = a.reduce((x, y) => x + y) / a.length;
    const variance = a.reduce((s, x) => s + (x - mean) ** 2, 0) / (a.length - 1);
    const out = await covMatrix(PRICES, "sample", 12);
    expect(out[1][1]).toBeCloseTo(variance * 12, 12);
    expect(out[1][2]).toBeCloseTo(out[2][1] as number, 15);
  });

  it("reports the shrinkage intensity when asked, and says when an estimator has none", async () => {
    const rows = [
      [1, 2, 3],
      [1.1, 2.3, 2.9],
      [1.05, 2.1, 3.3],
      [1.2, 2.2, 3.1],
      [1.15, 2.4, 3.2],
      [1.3, 2.3, 3.6],
    ];
    const shrinkage = await covMatrix(
      rows,
      "LedoitWolf",
      null as unknown as number,
      null as unknown as number,
      "shrinkage"
    );
    expect(shrinkage[0][0]).toBeGreaterThanOrEqual(0);
    expect(shrinkage[0][0]).toBeLessThanOrEqual(1);
    const none = await covMatrix(
      rows,
      "sample",
      null as unknown as number,
      null as unknown as number,
      "shrinkage"
    );
    expect(none[0][0]).toMatchObject({ code: "#N/A" });
  });

  it("rejects an unknown estimator", async () => {
    expect((await rejectionOf(covMatrix(PRICES, "shrunk"))).message).toMatch(
      /^estimator must be "sample", "ledoitwolf"/
    );
  });
});

describe("CORRTO", () => {
  it("gives each asset's correlation with the benchmark by name or number", () => {
    const byName = corrTo(PRICES, "c");
    expect(byName[0]).toEqual(["A", "B", "C"]);
    expect(byName[1][0]).toBeCloseTo(-1, 12);
    expect(byName[1][2]).toBeCloseTo(1, 12);
    expect(corrTo(PRICES, 3)[1][0]).toBeCloseTo(-1, 12);
    expect(corrTo(PRICES)[1][1]).toBeCloseTo(1, 12);
  });

  it("spills a rolling series, blank until the first full window", () => {
    const out = corrTo(PRICES, "A", 3);
    expect(out).toHaveLength(1 + 4);
    expect(out[1]).toEqual(["", "", ""]);
    expect(out[3][1]).toBeCloseTo(1, 12);
  });

  it("names the choices for an unknown benchmark", () => {
    expect(errorOf(() => corrTo(PRICES, "DOGE")).message).toBe(
      'benchmark must be an asset name (A, B, C) or a column number from 1 to 3; got text "DOGE"'
    );
  });
});

describe("AVGCORR", () => {
  it("averages the off-diagonal correlations: (1 − 1 − 1) / 3", () => {
    expect(avgCorr(PRICES)[0][0]).toBeCloseTo(-1 / 3, 12);
  });

  it("spills a rolling series with one value per return", () => {
    const out = avgCorr(PRICES, 3);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual([""]);
    expect(out[3][0]).toBeCloseTo(-1 / 3, 12);
  });
});

describe("NEARESTCORR", () => {
  it("repairs an indefinite matrix into a valid correlation matrix of the same shape", () => {
    const out = nearestCorr([
      ["", "X", "Y", "Z"],
      ["X", 1, 0.9, -0.9],
      ["Y", 0.9, 1, 0.9],
      ["Z", -0.9, 0.9, 1],
    ]);
    expect(out[0]).toEqual(["", "X", "Y", "Z"]);
    for (let i = 1; i <= 3; i++) expect(out[i][i]).toBeCloseTo(1, 8);
    expect(out[1][2]).toBeCloseTo(out[2][1] as number, 12);
    expect(out[1][2] as number).toBeLessThan(0.9);
  });

  it("leaves a valid matrix as it is", () => {
    const valid = [
      [1, 0.5],
      [0.5, 1],
    ];
    const out = nearestCorr(valid);
    expect(out[0][1]).toBeCloseTo(0.5, 8);
  });

  it("rejects a non-square range", () => {
    expect(errorOf(() => nearestCorr([[1, 2, 3]])).code).toBe("#VALUE!");
  });
});
