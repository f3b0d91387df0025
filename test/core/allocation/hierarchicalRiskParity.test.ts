import fc from "fast-check";
import { hierarchicalRiskParity } from "../../../src/core/allocation/hierarchicalRiskParity";
import { riskBudgetingWeights } from "../../../src/core/allocation/riskBudgetingWeights";
import { correlationDistance } from "../../../src/core/clustering/correlationDistance";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  copyMatrix,
  covArbitrary,
  maxAbsDiff,
  readFixture,
  sampleCovariance,
  squareMatrix,
  sum,
} from "./testMatrices";

interface Case {
  name: string;
  size: number;
  method: string;
  cov: number[];
  weights: number[];
  order: number[];
  linkage: number[];
}
const fixture = readFixture<{ header: { generator: string }; cases: Case[] }>(
  "allocation",
  "hierarchicalRiskParity.json"
);

describe("hierarchicalRiskParity", () => {
  it("splits two uncorrelated assets by inverse variance (hand-worked)", () => {
    // Σ = diag(0.01, 0.04): one bisection, V(L) = 0.01, V(R) = 0.04, α = 1 − 0.01/0.05 = 0.8.
    const result = hierarchicalRiskParity(squareMatrix([0.01, 0, 0, 0.04]));
    expect(result.weights[0]).toBeCloseTo(0.8, 15);
    expect(result.weights[1]).toBeCloseTo(0.2, 15);
    expect(Array.from(result.order)).toEqual([0, 1]);
  });

  it("bisects the quasi-diagonal order (hand-worked, three assets)", () => {
    // σ² = 1, 1, 4; ρ12 = 0.9, others 0. Distances: d12 = √0.05 is the smallest, so assets 0 and 1
    // merge first and the order is [2, 0, 1]. Split [2] | [0, 1]: V([2]) = 4; IVP of [0, 1] is
    // (½, ½), V = ¼(1 + 1 + 2·0.9) = 0.95; α = 1 − 4/4.95 → w2 = 0.95/4.95, and [0, 1] share
    // 4/4.95 equally (equal variances).
    const cov = squareMatrix([1, 0.9, 0, 0.9, 1, 0, 0, 0, 4]);
    const result = hierarchicalRiskParity(cov);
    expect(Array.from(result.order)).toEqual([2, 0, 1]);
    expect(result.weights[2]).toBeCloseTo(0.95 / 4.95, 15);
    expect(result.weights[0]).toBeCloseTo(2 / 4.95, 15);
    expect(result.weights[1]).toBeCloseTo(2 / 4.95, 15);
  });

  it(`matches the paper's algorithm in numpy/scipy for every linkage (${fixture.header.generator})`, () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(24);
    for (const c of fixture.cases) {
      const result = hierarchicalRiskParity(squareMatrix(c.cov), { linkage: c.method });
      expect(Array.from(result.order)).toEqual(c.order);
      expect(maxAbsDiff(result.weights, c.weights)).toBeLessThan(1e-12);
      expect(maxAbsDiff(result.linkage.data, c.linkage)).toBeLessThan(1e-12);
    }
  });

  it("has positive weights summing to 1, an order that is a permutation (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(2, 9),
        fc.constantFrom("single", "average", "complete", "ward"),
        (cov, method) => {
          const { weights, order } = hierarchicalRiskParity(cov, { linkage: method });
          expect(Math.abs(sum(weights) - 1)).toBeLessThan(1e-12);
          for (const w of weights) expect(w).toBeGreaterThan(0);
          expect(Array.from(order).sort((a, b) => a - b)).toEqual(
            Array.from({ length: cov.size }, (_, i) => i)
          );
        }
      ),
      { numRuns: 80 }
    );
  });

  it("does not depend on the scale of cov when no two distances tie (property)", () => {
    // With tied distances (e.g. many zero correlations) rescaling moves ρ by rounding, which can
    // flip scipy's tie-breaking and so the tree: a property of HRP itself, so ties are excluded.
    fc.assert(
      fc.property(
        covArbitrary(2, 7),
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        fc.constantFrom("single", "average", "complete", "ward"),
        (cov, k, method) => {
          const d = Array.from(correlationDistance(cov)).sort((x, y) => x - y);
          fc.pre(d.every((x, i) => i === 0 || x - d[i - 1] > 1e-9));
          const scaled = squareMatrix(Array.from(cov.data, (v) => v * k));
          const a = hierarchicalRiskParity(cov, method).weights;
          const b = hierarchicalRiskParity(scaled, method).weights;
          expect(maxAbsDiff(a, b)).toBeLessThan(1e-10);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("is exactly invariant to rescaling cov by a power of four, ties included (property)", () => {
    // Multiplying by 4^m is exact in binary floating point and √(4^m) = 2^m exactly, so ρ, the
    // distances, the tree and the weights are bit-for-bit the same.
    fc.assert(
      fc.property(
        covArbitrary(2, 9),
        fc.integer({ min: -10, max: 10 }),
        fc.constantFrom("single", "average", "complete", "ward"),
        (cov, m, method) => {
          const scaled = squareMatrix(Array.from(cov.data, (v) => v * 4 ** m));
          const a = hierarchicalRiskParity(cov, method);
          const b = hierarchicalRiskParity(scaled, method);
          expect(b.order).toEqual(a.order);
          expect(b.weights).toEqual(a.weights);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("treats null options as the defaults (single linkage)", () => {
    const cov = squareMatrix([1, 0.9, 0.2, 0.9, 1, 0.1, 0.2, 0.1, 4]);
    expect(hierarchicalRiskParity(cov, null)).toEqual(hierarchicalRiskParity(cov, "single"));
  });

  it("accepts the linkage method as a bare string", () => {
    const cov = squareMatrix([1, 0.9, 0, 0.9, 1, 0, 0, 0, 4]);
    expect(hierarchicalRiskParity(cov, "Ward")).toEqual(
      hierarchicalRiskParity(cov, { linkage: "ward" })
    );
  });

  it("leaves its input unchanged", () => {
    const cov = squareMatrix([1, 0.9, 0, 0.9, 1, 0, 0, 0, 4]);
    const copy = copyMatrix(cov);
    hierarchicalRiskParity(cov, { linkage: "ward" });
    expect(cov).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects a single asset (TOO_FEW_POINTS)", () => {
      expect(() => hierarchicalRiskParity(squareMatrix([0.04]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects a zero-volatility asset, naming it (ZERO_VARIANCE)", () => {
      const cov = squareMatrix([0.04, 0, 0, 0], ["BTC", "USDT"]);
      expect(() => hierarchicalRiskParity(cov)).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDT" })
      );
    });
    it("rejects NaN (NON_FINITE)", () => {
      expect(() => hierarchicalRiskParity(squareMatrix([1, 0, 0, NaN]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("rejects a matrix that is not PSD (SINGULAR_MATRIX)", () => {
      expect(() =>
        hierarchicalRiskParity(squareMatrix([1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]))
      ).toThrow(expect.objectContaining({ code: "SINGULAR_MATRIX" }));
    });
    it("rejects an unknown linkage (INVALID_ARGUMENT)", () => {
      expect(() =>
        hierarchicalRiskParity(squareMatrix([1, 0, 0, 1]), { linkage: "median" })
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "linkage" }));
    });
    it("rejects an asymmetric matrix (INVALID_ARGUMENT)", () => {
      expect(() => hierarchicalRiskParity(squareMatrix([1, 0.1, 0.3, 1]))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "cov" })
      );
    });
  });
});

interface RealFixture {
  header: { generator: string };
  symbols: string[];
  rows: number;
  cov: number[];
  erc: number[];
  hrp: Record<string, { weights: number[]; order: number[]; linkage: number[] }>;
}

describeWithSharedData("hierarchicalRiskParity and ERC on real crypto data", () => {
  const real = readFixture<RealFixture>("allocation", "realCrypto.json");
  // Complete-case daily simple returns of the subset, covariance by a local loop (n − 1).
  const csv = readSharedCsv("crypto-daily-close.csv");
  const columns = real.symbols.map((s) => csv.symbols.indexOf(s));
  const returns: number[][] = [];
  for (let t = 1; t < csv.rows.length; t++) {
    const row = columns.map((j) => csv.rows[t][j] / csv.rows[t - 1][j] - 1);
    if (row.every(Number.isFinite)) returns.push(row);
  }
  const cov = { ...sampleCovariance(returns), labels: real.symbols };

  it("builds the same covariance as the fixture script", () => {
    expect(returns.length).toBe(real.rows);
    expect(maxAbsDiff(cov.data, real.cov)).toBeLessThan(1e-15);
  });

  it("matches the numpy/scipy HRP for all four linkages", () => {
    for (const method of ["single", "average", "complete", "ward"]) {
      const result = hierarchicalRiskParity(cov, { linkage: method });
      expect(Array.from(result.order)).toEqual(real.hrp[method].order);
      expect(maxAbsDiff(result.weights, real.hrp[method].weights)).toBeLessThan(1e-12);
    }
  });

  it("matches the numpy ERC and gives PAXG (gold) the largest weight", () => {
    const w = riskBudgetingWeights(cov);
    expect(maxAbsDiff(w, real.erc)).toBeLessThan(1e-9);
    expect(w.indexOf(Math.max(...w))).toBe(real.symbols.indexOf("PAXG"));
  });
});
