import * as fs from "fs";
import * as path from "path";

/**
 * Real market data lives in ../shared/data beside the checkout (see its README). It is not part of
 * the product, so a user's fresh clone does not have it: tests that read it skip, saying why.
 * DIVERSIFY_SHARED_DATA may point elsewhere.
 */
export const sharedDataDir =
  process.env.DIVERSIFY_SHARED_DATA ?? path.resolve(__dirname, "..", "..", "..", "shared", "data");

/**
 * The providers' published contracts (CoinGecko's OpenAPI specs) beside the data, in ../shared/providers.
 * Derived from the data folder so that pointing DIVERSIFY_SHARED_DATA at an empty folder (CI's
 * fresh-clone run) hides both.
 */
export const sharedProvidersDir = path.resolve(sharedDataDir, "..", "providers");

/** True when the shared data folder is present. */
export function hasSharedData(): boolean {
  return fs.existsSync(path.join(sharedDataDir, "crypto-daily-close.csv"));
}

/** A wide CSV (first column dates, then one column per symbol; blank = missing → NaN). */
export interface WideCsv {
  readonly dates: string[];
  readonly symbols: string[];
  /** Row-major values, NaN for blanks. */
  readonly rows: number[][];
}

/** Reads a wide CSV from the shared data folder. */
export function readSharedCsv(fileName: string): WideCsv {
  const text = fs.readFileSync(path.join(sharedDataDir, fileName), "utf8");
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const symbols = lines[0].split(",").slice(1);
  const dates: string[] = [];
  const rows: number[][] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    dates.push(cells[0]);
    rows.push(cells.slice(1).map((cell) => (cell.trim() === "" ? NaN : Number(cell))));
  }
  return { dates, symbols, rows };
}

/** Why a suite that needs ../shared/data is skipped, as the runner prints it. */
export const sharedDataSkipReason = `skipped: ${sharedDataDir} is absent in this checkout (a fresh clone has no ../shared/data; it holds the real market data)`;

/**
 * `describe` when the shared data is present. Otherwise one skipped test whose title says why, and
 * the body is never called: Jest's `describe.skip` still runs the body to collect its tests, and a
 * body that reads the CSV at collection time would crash the suite on a fresh clone.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData()) {
    describe(name, body);
  } else {
    describe(name, () => {
      it.skip(sharedDataSkipReason, () => undefined);
    });
  }
}

/** True when `relativePath` exists under ../shared/providers. */
export function hasSharedProviderFile(relativePath: string): boolean {
  return fs.existsSync(path.join(sharedProvidersDir, relativePath));
}

/**
 * `describe` when ../shared/providers/`relativePath` is present; otherwise one skipped test saying
 * why, and the body is never called (see describeWithSharedData).
 */
export function describeWithSharedProviderFile(
  relativePath: string,
  name: string,
  body: () => void
): void {
  if (hasSharedProviderFile(relativePath)) {
    describe(name, body);
  } else {
    describe(name, () => {
      it.skip(`skipped: ${path.join(sharedProvidersDir, relativePath)} is absent in this checkout (a fresh clone has no ../shared/providers)`, () =>
        undefined);
    });
  }
}
