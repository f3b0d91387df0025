/**
 * A tiny benchmark harness: each case is run a few times after a warm-up and its median reported.
 * Benchmarks live in bench/**\/*.bench.ts and export `cases: BenchCase[]`; `npm run bench` runs them
 * all (or those whose name contains the filter given as the first argument) and prints one table.
 */
export interface BenchCase {
  /** What is measured, e.g. "pearson correlation". */
  readonly name: string;
  /** The size in words, e.g. "500 assets × 3,650 rows". */
  readonly size: string;
  /** Work units per run, for the throughput column (e.g. pairs, cells); optional. */
  readonly units?: { readonly count: number; readonly label: string };
  /** A target in ms from the issue, printed beside the median. */
  readonly targetMs?: number;
  /** Prepares the inputs (not timed) and returns the timed function (awaited if it returns a Promise). */
  readonly setup: () => () => unknown;
  /** Timed runs after one warm-up run, at least (default 7; fast cases run more, see runInterleaved). */
  readonly runs?: number;
  /**
   * For a case timed through the Excel-facing function: the name of the case that times the same
   * work in the core alone, so the run can report parsing and spilling as a share of the total.
   */
  readonly baseline?: string;
}

/** One row of the results table. */
export interface BenchResult {
  readonly name: string;
  readonly baseline?: string;
  readonly size: string;
  readonly medianMs: number;
  readonly minMs: number;
  /** Timed runs behind the median. */
  readonly runs: number;
  readonly throughput: string;
  readonly target: string;
}

/** Fast cases are repeated until the group has been timed for this long, for a stable median. */
const MIN_TOTAL_MS = 400;
/** Upper bound on repetitions of a fast case. */
const MAX_RUNS = 301;

/** Runs one case: setup, one warm-up, then timed runs; returns the median. */
export async function runCase(benchCase: BenchCase): Promise<BenchResult> {
  return (await runInterleaved([benchCase]))[0];
}

/**
 * Runs cases side by side: one warm-up each, then rounds in which every case runs once, so that a
 * function case and its core-only baseline see the same machine state (JIT, caches, other load).
 * Rounds repeat until each case has run `runs` times (default 7) and, for fast cases, until the
 * group has been timed for {@link MIN_TOTAL_MS} (at most {@link MAX_RUNS} rounds).
 */
export async function runInterleaved(benchCases: readonly BenchCase[]): Promise<BenchResult[]> {
  const runs = benchCases.map((benchCase) => benchCase.setup());
  for (const run of runs) await settle(run());
  const times = benchCases.map((): number[] => []);
  const minRounds = Math.max(...benchCases.map((benchCase) => benchCase.runs ?? 7));
  let total = 0;
  for (let round = 0; round < minRounds || (total < MIN_TOTAL_MS && round < MAX_RUNS); round++) {
    for (let k = 0; k < runs.length; k++) {
      const start = performance.now();
      await settle(runs[k]());
      const elapsed = performance.now() - start;
      times[k].push(elapsed);
      total += elapsed;
    }
  }
  return benchCases.map((benchCase, k) => summarise(benchCase, times[k]));
}

/**
 * Waits for a run that returned a Promise: the async custom functions (CORRMATRIX, COVMATRIX)
 * finish their spill after an await, so the time runs until they settle. A synchronous run is
 * not awaited, so it is timed without a microtask turn.
 */
async function settle(result: unknown): Promise<void> {
  if (result instanceof Promise) await result;
}

function summarise(benchCase: BenchCase, times: number[]): BenchResult {
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)];
  const throughput = benchCase.units
    ? `${formatCount(benchCase.units.count / (medianMs / 1000))} ${benchCase.units.label}/s`
    : "";
  const target =
    benchCase.targetMs === undefined
      ? ""
      : `≤ ${benchCase.targetMs} ms ${medianMs <= benchCase.targetMs ? "ok" : "MISSED"}`;
  return {
    name: benchCase.name,
    baseline: benchCase.baseline,
    size: benchCase.size,
    medianMs,
    minMs: times[0],
    runs: times.length,
    throughput,
    target,
  };
}

function formatCount(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)} G`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(2)} k`;
  return value.toFixed(1);
}

/** Formats results as a plain-text table. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ["benchmark", "size", "median ms", "min ms", "runs", "throughput", "target"];
  const body = results.map((r) => [
    r.name,
    r.size,
    r.medianMs.toFixed(2),
    r.minMs.toFixed(2),
    String(r.runs),
    r.throughput,
    r.target,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n");
}

/** For each function case with a baseline: the share of its median not spent in the core. */
export function formatOverhead(results: readonly BenchResult[]): string {
  const rows = results.flatMap((r) => {
    const core = results.find((c) => c.name === r.baseline);
    if (r.baseline === undefined || core === undefined) return [];
    const share = Math.max(0, (r.medianMs - core.medianMs) / r.medianMs);
    return [
      [
        r.name,
        r.medianMs.toFixed(2),
        core.medianMs.toFixed(2),
        `${(share * 100).toFixed(1)} %`,
        share <= 0.2 ? "ok (≤ 20 %)" : "MISSED (> 20 %)",
      ],
    ];
  });
  if (rows.length === 0) return "";
  const header = [
    "function",
    "through Excel wrapper ms",
    "core only ms",
    "parse + spill share",
    "target",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}
