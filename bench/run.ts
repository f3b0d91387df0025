import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  type BenchCase,
  type BenchResult,
  formatOverhead,
  formatTable,
  runInterleaved,
} from "./harness";

/** Finds every bench/**\/*.bench.ts file, runs its cases (filtered by argv[2]) and prints a table. */
async function main(): Promise<void> {
  const filter = (process.argv[2] ?? "").toLowerCase();
  const files = findBenchFiles(__dirname).sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    const module = (await import(file)) as { cases?: BenchCase[] };
    const selected = (module.cases ?? []).filter((benchCase) => {
      const key = `${path.relative(__dirname, file)} ${benchCase.name}`.toLowerCase();
      return !filter || key.includes(filter);
    });
    for (const group of pairWithBaselines(selected)) {
      for (const result of await runInterleaved(group)) {
        results.push(result);
        process.stderr.write(
          `  ${result.name} (${result.size}): ${result.medianMs.toFixed(2)} ms (${result.runs} runs)\n`
        );
      }
    }
  }
  console.log(
    `\nNode ${process.version}, ${os.cpus().length} cores, median of at least 7 runs after a warm-up (fast cases repeated for 0.4 s; a function and its core-only baseline timed in alternation)\n`
  );
  console.log(formatTable(results));
  const overhead = formatOverhead(results);
  if (overhead)
    console.log(`\nParsing and spilling through the Excel-facing functions:\n\n${overhead}`);
}

/**
 * Groups each function case with its core-only baseline (when both are selected) so they are timed
 * in alternation; every other case is a group of one. Order follows the file.
 */
function pairWithBaselines(cases: readonly BenchCase[]): BenchCase[][] {
  const paired = new Set(cases.flatMap((c) => (c.baseline === undefined ? [] : [c.baseline])));
  return cases.flatMap((benchCase) => {
    if (benchCase.baseline === undefined) return paired.has(benchCase.name) ? [] : [[benchCase]];
    const baseline = cases.find((c) => c.name === benchCase.baseline);
    return [baseline === undefined ? [benchCase] : [benchCase, baseline]];
  });
}

function findBenchFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findBenchFiles(full);
    return entry.name.endsWith(".bench.ts") ? [full] : [];
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
