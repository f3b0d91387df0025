import { readFixture } from "../allocation/testMatrices";

/** One case of test/fixtures/diversification/diagnostics.json (scripts/fixtures/diversification.py). */
export interface DiagnosticsCase {
  name: string;
  size: number;
  cov: number[];
  weights: number[];
  volatility: number;
  marginal: number[];
  component: number[];
  percentage: number[];
  diversificationRatio: number;
  effectiveN: number;
  benchmark: number;
  correlationToBenchmark: number;
  enbPca: number;
  enbMinimumTorsion: number;
  minimumTorsionShares: number[];
}

export const diagnostics = readFixture<{
  header: { generator: string; numpy: string; scipy: string };
  cases: DiagnosticsCase[];
}>("diversification", "diagnostics.json");
