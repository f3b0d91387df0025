import type { SquareMatrix } from "../../../src/core/types";
import { correlationDistance } from "../../../src/core/clustering/correlationDistance";
import { linkage, type LinkageMatrix } from "../../../src/core/clustering/linkage";
import { readSharedCsv } from "../../helpers/sharedData";
import { readFixture, sampleCovariance, squareMatrix } from "./testMatrices";

/** test/fixtures/allocation/hierarchical.json, written by scripts/fixtures/hierarchical.py. */
export interface HierarchicalFixture {
  header: { generator: string; numpy: string; scipy: string; sklearn: string };
  realSymbols: string[];
  realRows: number | null;
  matrices: Record<string, { size: number; cov: number[]; expectedReturns: number[] }>;
  cut: { name: string; matrix: string; method: string; k: number; labels: number[] }[];
  gap: { name: string; matrix: string; method: string; k: number; dispersion: (number | null)[] }[];
  silhouette: { name: string; matrix: string; method: string; k: number; scores: number[] }[];
  herc: {
    name: string;
    matrix: string;
    method: string;
    riskMeasure: string;
    intraCluster: string;
    k: number;
    gapK: number;
    labels: number[];
    weights: number[];
  }[];
  nco: {
    name: string;
    matrix: string;
    method: string;
    k: number;
    objective: string;
    longOnly: boolean;
    labels: number[];
    interWeights: number[];
    weights: number[];
  }[];
}

export const hierarchicalFixture = readFixture<HierarchicalFixture>(
  "allocation",
  "hierarchical.json"
);

/** The name of the real-data matrix; its cases run only where ../shared/data is present. */
export const REAL = "real crypto 12";

export function fixtureCov(name: string): SquareMatrix {
  const m = hierarchicalFixture.matrices[name];
  return name === REAL ? squareMatrix(m.cov, hierarchicalFixture.realSymbols) : squareMatrix(m.cov);
}

/** Distances and tree of a fixture matrix, as the functions under test build them. */
export function fixtureTree(
  name: string,
  method: string
): { distances: Float64Array; tree: LinkageMatrix } {
  const distances = correlationDistance(fixtureCov(name));
  return { distances, tree: linkage(distances, method) };
}

/** Block-diagonal matrix from square blocks (row-major each). */
export function blockDiagonal(blocks: readonly (readonly number[])[]): SquareMatrix {
  const sizes = blocks.map((b) => Math.round(Math.sqrt(b.length)));
  const n = sizes.reduce((a, b) => a + b, 0);
  const data = new Float64Array(n * n);
  let offset = 0;
  blocks.forEach((block, b) => {
    const m = sizes[b];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) data[(offset + i) * n + offset + j] = block[i * m + j];
    offset += m;
  });
  return squareMatrix(data);
}

/**
 * The real-data covariance rebuilt from ../shared/data as scripts/fixtures/allocation.py builds it
 * (complete-case daily simple returns of the fixture's symbols, n − 1); call only inside
 * describeWithSharedData.
 */
export function realCovFromCsv(): { cov: SquareMatrix; rows: number } {
  const csv = readSharedCsv("crypto-daily-close.csv");
  const symbols = hierarchicalFixture.realSymbols;
  const columns = symbols.map((s) => csv.symbols.indexOf(s));
  const returns: number[][] = [];
  for (let t = 1; t < csv.rows.length; t++) {
    const row = columns.map((j) => csv.rows[t][j] / csv.rows[t - 1][j] - 1);
    if (row.every(Number.isFinite)) returns.push(row);
  }
  return { cov: { ...sampleCovariance(returns), labels: symbols }, rows: returns.length };
}
