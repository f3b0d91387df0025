import * as fs from "fs";
import * as path from "path";
import type { WeightRule } from "../../../src/core/backtest/backtest";
import type { CoreError } from "../../../src/core/errors";

/** Shared helpers of the backtest tests (not a test file itself). */

/** Reads test/fixtures/backtest/<name> (each names its generator in a `generator` field). */
export function readFixture<T>(name: string): T {
  const file = path.join(__dirname, "..", "..", "fixtures", "backtest", name);
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The error a call throws, for asserting its code and message; fails the test if it returns. */
export function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error("expected a CoreError");
}

/** The fixture's rule: 1/σ (sample, n−1) for assets with a full window, 0 for the others. */
export const inverseVolatility: WeightRule = (window) => {
  const w = new Float64Array(window.cols);
  let sum = 0;
  for (let j = 0; j < window.cols; j++) {
    let mean = 0;
    let complete = true;
    for (let k = 0; k < window.rows; k++) {
      const r = window.data[j * window.rows + k];
      if (!Number.isFinite(r)) complete = false;
      mean += r;
    }
    if (!complete) continue;
    mean /= window.rows;
    let ss = 0;
    for (let k = 0; k < window.rows; k++) ss += (window.data[j * window.rows + k] - mean) ** 2;
    w[j] = 1 / Math.sqrt(ss / (window.rows - 1));
    sum += w[j];
  }
  for (let j = 0; j < window.cols; j++) w[j] /= sum;
  return w;
};
