/*
 * The Node side of the browser bench: the same core-only work as the page's baseline, timed with
 * the same loop, printed as JSON for run.mjs. Usage: tsx bench/browser/nodeCore.ts [--no-simd] id…
 * (--list prints the cases without their functions; --no-simd reports WebAssembly SIMD missing, as the page flag does, so the JS kernel runs).
 */
import { summary, timeAlternating } from "./timing";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--no-simd")) {
    // wasmSimdAvailable() probes with WebAssembly.validate once per process, before any import runs it.
    WebAssembly.validate = () => false;
  }
  const { browserCases, corePrices } = await import("./cases");
  if (args.includes("--list")) {
    // For run.mjs: every case without its functions.
    const listed = browserCases.map(({ core: _core, args: _args, ...rest }) => rest);
    process.stdout.write(`${JSON.stringify(listed)}\n`);
    return;
  }
  const ids = args.filter((a) => !a.startsWith("--"));
  const out: Record<string, { medianMs: number; minMs: number; runs: number }> = {};
  for (const benchCase of browserCases.filter((c) => ids.includes(c.id))) {
    const core = benchCase.core(corePrices(benchCase));
    const { runsMs } = await timeAlternating([core], () => performance.now());
    out[benchCase.id] = { ...summary(runsMs[0]), runs: runsMs[0].length };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
