import * as fs from "fs";
import * as path from "path";
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
