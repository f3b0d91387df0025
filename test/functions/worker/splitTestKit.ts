/**
 * What the split-job tests (partJobs, sampleCovarianceSplit) share: seeded returns panels, exact
 * double comparison, a plan's parts run as the worker would run them, and the error a call throws.
 * (Their jest.mock of workerpool stays in each file: jest hoists it per file.)
 */
import type { ReturnsPanel } from "../../../src/core/types";
import { runPartJob } from "../../../src/functions/worker/partJobs";

/**
 * A seeded uniform draw in (0, 1): the C library's LCG (x ← 1103515245·x + 12345 mod 2^31),
 * centred in its cell. O(1) a draw; the same seed gives the same sequence on every run.
 */
export function seededUniform(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
}

/** Labels T1…Tn of a panel's columns. */
function labelsOf(cols: number): string[] {
  return Array.from({ length: cols }, (_, j) => `T${j + 1}`);
}

/**
 * A seeded returns panel (column-major) of pure noise: each return 0.04·(u − 0.5), u drawn in
 * storage order. O(rows·cols).
 */
export function noiseReturnsPanel(rows: number, cols: number, seed = 3): ReturnsPanel {
  const random = seededUniform(seed);
  const data = Float64Array.from({ length: rows * cols }, () => 0.04 * (random() - 0.5));
  return { kind: "returns", rows, cols, data, labels: labelsOf(cols) };
}

/**
 * Seeded returns (column-major) with a small drift per asset, so some mean returns are positive:
 * per column a drift 0.002·(u − 0.3) and a scale 0.02 + 0.04·u, then each return
 * drift + scale·(u − 0.5). O(rows·cols).
 */
export function driftReturnsPanel(rows: number, cols: number, seed = 5): ReturnsPanel {
  const random = seededUniform(seed);
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const drift = 0.002 * (random() - 0.3);
    const scale = 0.02 + 0.04 * random();
    for (let t = 0; t < rows; t++) data[j * rows + t] = drift + scale * (random() - 0.5);
  }
  return { kind: "returns", rows, cols, data, labels: labelsOf(cols) };
}

/** True when both hold the same doubles in the same order, by Object.is (NaN = NaN, 0 ≠ −0). O(n). */
export function sameDoubles(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/**
 * Runs a plan's parts here as the worker would: each on a structured clone of its input (as
 * postMessage delivers it), its output cloned back. Returns the outputs, in the parts' order,
 * for the plan's join.
 */
export function runPartsAsWorker(plan: {
  readonly parts: readonly { name: string; input: unknown }[];
}): unknown[] {
  return plan.parts.map((part) =>
    structuredClone(runPartJob(part.name as never, structuredClone(part.input) as never))
  );
}

/** What `fn` throws, or undefined when it returns (the refusal tests compare two of these). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
