import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type BenchCase, type BenchResult, formatOverhead, formatTable, runCase } from "./harness";

/** Finds every bench/**\/*.bench.ts file, runs its cases (filtered by argv[2]) and prints a table. */
async function main(): Promise<void> {
  const filter = (process.argv[2] ?? "").toLowerCase();
  const files = findBenchFiles(__dirname).sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    const module = (await import(file)) as { cases?: BenchCase[] };
    for (const benchCase of module.cases ?? []) {
      const key = `${path.relative(__dirname, file)} ${benchCase.name}`.toLowerCase();
      if (filter && !key.includes(filter)) continue;
      const result = runCase(benchCase);
      results.push(result);
      process.stderr.write(`  ${result.name} (${result.size}): ${result.medianMs.toFixed(2)} ms\n`);
    }
  }
  console.log(
    `\nNode ${process.version}, ${os.cpus().length} cores, median of 7 runs after a warm-up\n`
  );
  console.log(formatTable(results));
  const overhead = formatOverhead(results);
  if (overhead)
    console.log(`\nParsing and spilling through the Excel-facing functions:\n\n${overhead}`);
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
