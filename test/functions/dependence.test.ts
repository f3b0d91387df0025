import {
  avgCorr,
  corrMatrix,
  corrTo,
  covMatrix,
  nearestCorr,
} from "../../src/functions/dependence";
import { denoisedCovariance } from "../../src/core/covariance/denoisedCovariance";
import { gerberCovariance } from "../../src/core/covariance/gerberCovariance";
import { semicovariance } from "../../src/core/covariance/semicovariance";
import { readReturns } from "../../src/functions/common";
import { errorOf, rejectionOf } from "../helpers/excelErrorOf";

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
      /^estimator must be "sample", "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" or "semi"; got "shrunk"/
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

describe("COVMATRIX robust estimators", () => {
  // Four assets over 80 dates (T > N, as denoising needs), every return series crossing ±0.5σ.
  const WIDE: Array<Array<string | number>> = [["BTC", "ETH", "SOL", "PAXG"]];
  for (let t = 0, p = [100, 100, 100, 100]; t < 81; t++) {
    WIDE.push([...p]);
    const m = 0.02 * Math.sin(t * 1.7);
    p = p.map(
      (x, j) => x * (1 + m * (j === 3 ? 0.1 : 1) + 0.01 * (j + 1) * Math.cos(t * (j + 2.3)))
    );
  }
  const returns = readReturns(WIDE).returns;
  const omitted = null as unknown as number;

  /** The N × N numbers of a labelled COVMATRIX spill. */
  function body(out: unknown[][]): number[] {
    return out.slice(1).flatMap((row) => row.slice(1) as number[]);
  }

  it.each([
    ["denoised", denoisedCovariance(returns).matrix],
    ["Detoned", denoisedCovariance(returns, { detone: true }).matrix],
    ["gerber", gerberCovariance(returns)],
    ["gerber 0.7", gerberCovariance(returns, { threshold: 0.7 })],
    ["semi", semicovariance(returns)],
    [" SEMI  0.001 ", semicovariance(returns, { benchmark: 0.001 })],
  ])("%s spills the core estimator's matrix, labelled", async (estimator, expected) => {
    const out = await covMatrix(WIDE, estimator);
    expect(out[0]).toEqual(["", "BTC", "ETH", "SOL", "PAXG"]);
    expect(out.map((row) => row[0])).toEqual(["", "BTC", "ETH", "SOL", "PAXG"]);
    expect(body(out)).toEqual(Array.from(expected.data));
  });

  it("annualises by ppy as the other estimators do", async () => {
    const out = await covMatrix(WIDE, "gerber", 12);
    expect(body(out)).toEqual(Array.from(gerberCovariance(returns, { periodsPerYear: 12 }).data));
  });

  it("says the new estimators have no shrinkage intensity", async () => {
    const out = await covMatrix(WIDE, "denoised", omitted, omitted, "shrinkage");
    expect(out[0][0]).toMatchObject({ code: "#N/A" });
  });

  it("rejects a bad option number, an option on another estimator, and too few rows to denoise", async () => {
    expect(await rejectionOf(covMatrix(WIDE, "gerber 1.5"))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(
        /estimator "gerber 1\.5": the Gerber threshold after "gerber" must be a fraction of a standard deviation strictly between 0 and 1/
      ),
    });
    expect((await rejectionOf(covMatrix(WIDE, "gerber high"))).message).toMatch(
      /estimator must be .*"semi", or "gerber" or "semi" followed by a number \(e\.g\. "gerber 0\.7"/
    );
    expect((await rejectionOf(covMatrix(WIDE, "ledoitwolf 0.5"))).message).toMatch(
      /or "gerber" or "semi" followed by a number/
    );
    const few = WIDE.slice(0, 6); // 4 returns for 4 assets: T = N, no Marchenko–Pastur fit
    const error = await rejectionOf(covMatrix(few, "denoised"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /denoising needs more observations than assets .* got 4 observations for 4 assets; use a longer range or fewer assets/
    );
  });
});
