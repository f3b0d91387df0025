import * as fs from "fs";
import * as path from "path";
import type { ReturnsPanel } from "../../../src/core/types";
import { fixturePanel, type FixtureCase } from "./covarianceTestKit";

/** Shared helpers of the robust covariance tests (not a test file itself). */

/** One denoising variant of a case in test/fixtures/covariance/robust.json. */
export interface DenoisedOracle {
  readonly bandwidth: number;
  readonly detone: boolean;
  readonly q: number;
  readonly variance: number;
  readonly error: number;
  readonly lambdaPlus: number;
  readonly factors: number;
  readonly residualEigenvalue: number;
  readonly eigenvalues: number[];
  readonly matrix: number[][];
  readonly book: { variance: number; error: number; success: boolean };
}

/** A panel of robust.json with the oracles of scripts/fixtures/robustCovariance.py. */
export interface RobustCase {
  readonly name: string;
  readonly returns?: (number | null)[][];
  readonly file?: string;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly symbols?: string[];
  readonly rowsUsed: number;
  readonly gerber: { threshold: number; correlation: number[][]; matrix: number[][] }[];
  readonly semi: { benchmark: number; matrix: number[][] }[];
  readonly denoised: DenoisedOracle[];
}

/** A Marchenko–Pastur fit on eigenvalues alone. */
export interface FitCase {
  readonly name: string;
  readonly observations: number;
  readonly bandwidth: number;
  readonly q: number;
  readonly eigenvalues: number[];
  readonly variance: number;
  readonly error: number;
  readonly lambdaPlus: number;
  readonly factors: number;
  readonly errors: Record<string, number>;
  readonly book: { variance: number; error: number; success: boolean };
}

export interface RobustFixture {
  readonly header: Record<string, string>;
  readonly fits: FitCase[];
  readonly cases: RobustCase[];
}

let cached: RobustFixture | undefined;

/** Reads test/fixtures/covariance/robust.json (once). */
export function readRobustFixture(): RobustFixture {
  if (cached === undefined) {
    const file = path.resolve(__dirname, "..", "..", "fixtures", "covariance", "robust.json");
    cached = JSON.parse(fs.readFileSync(file, "utf8")) as RobustFixture;
  }
  return cached;
}

/** The random (inline) cases, or the real-data cases (rebuilt from ../shared/data). */
export function robustCases(kind: "random" | "real"): RobustCase[] {
  return readRobustFixture().cases.filter((c) => (kind === "random") === (c.returns !== undefined));
}

/** The returns panel of a robust case (inline, or rebuilt from ../shared/data). */
export function robustPanel(c: RobustCase): ReturnsPanel {
  return fixturePanel(c as unknown as FixtureCase);
}
