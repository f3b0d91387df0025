#!/usr/bin/env node
/**
 * Browser bench (npm run bench:browser): loads the production build (dist/, or $DIVERSIFY_DIST) in
 * headless Debian Chromium with the Office.js double, lets the functions register as in the shared
 * runtime, and times each case of bench/browser/cases.ts through its registered implementation
 * (parse + core + spill) beside the same work in the core alone in the same page, the core in
 * Node, and the Python reference where Debian's numpy/scipy/scikit-learn are installed. Prints one
 * table; see bench/README.md for the columns.
 *
 * Usage: node bench/browser/run.mjs [case id …] [--profile <case id> [--first]]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { SourceMap, createRequire } from "node:module";
import {
  CHROMIUM,
  collectPageErrors,
  dist,
  routeOffline,
  startBrowserSession,
} from "../../test/e2e/browserHarness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const PYTHON = process.env.PYTHON || "/usr/bin/python3";
const BENCH_SCRIPT = "/__bench/bench-page.js";

/** The cases' ids, labels, sizes and targets (nodeCore.ts --list reads bench/browser/cases.ts). */
function loadCases() {
  const result = spawnSync("npx", ["tsx", path.join(here, "nodeCore.ts"), "--list"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`reading bench/browser/cases.ts failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

/** Builds pageEntry.ts into a temporary folder; resolves to the script's text and source map. */
function buildPageBundle() {
  const webpack = require("webpack");
  const config = require("./webpack.page.cjs");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "diversify-bench-page-"));
  return new Promise((resolve, reject) => {
    webpack(config(out), (error, stats) => {
      if (error || stats.hasErrors()) {
        reject(error ?? new Error(stats.toString({ all: false, errors: true })));
        return;
      }
      const text = fs.readFileSync(path.join(out, "bench-page.js"), "utf8");
      const map = JSON.parse(fs.readFileSync(path.join(out, "bench-page.js.map"), "utf8"));
      fs.rmSync(out, { recursive: true, force: true });
      resolve({ text, map });
    });
  });
}

/** The Python references, or { missing } with the reason. */
function pythonReferences() {
  if (!fs.existsSync(PYTHON)) return { missing: `no ${PYTHON}` };
  // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set on some of these machines for old OpenBLAS
  // builds and slow a current numpy: unset for this process only (bench/README.md).
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const result = spawnSync(PYTHON, [path.join(here, "reference.py")], { env, encoding: "utf8" });
  if (result.status !== 0) return { missing: `reference.py failed: ${result.stderr.trim()}` };
  return JSON.parse(result.stdout);
}

/** The core-only cases in Node (tsx), with or without WebAssembly SIMD. */
function nodeCore(ids, noSimd) {
  if (ids.length === 0) return {};
  const args = ["tsx", path.join(here, "nodeCore.ts"), ...(noSimd ? ["--no-simd"] : []), ...ids];
  const result = spawnSync("npx", args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`bench/browser/nodeCore.ts failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

/* Runs in the page before any script: counts messages posted to Web Workers (a function moved to
 * a worker pool posts its job), and with the no-SIMD flag reports WebAssembly SIMD missing, which is
 * what wasmSimdAvailable() probes (WebAssembly.validate on a SIMD module), so the JS kernel runs. */
function initScript(noSimd) {
  return `(() => {
    window.__benchWorkerPosts = 0;
    if (window.Worker) {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (...args) {
        window.__benchWorkerPosts += 1;
        return post.apply(this, args);
      };
    }
    ${noSimd ? "WebAssembly.validate = () => false;" : ""}
  })();`;
}

async function openPage(browser, server, benchScript, officeDouble, noSimd) {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  await context.addInitScript({ content: initScript(noSimd) });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  // On the context, so that scripts a Web Worker loads are routed too. The bench's own handler is
  // added last, so Playwright asks it first; what it leaves goes on to routeOffline.
  await routeOffline(context, server, { officeJs: officeDouble, offMachine: () => {} });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === `${server.url}${BENCH_SCRIPT}`) {
      return route.fulfill({ contentType: "text/javascript", body: benchScript });
    }
    if (!noSimd || !url.startsWith(server.url) || !/\.js(\?|$)/.test(url)) return route.fallback();
    // Init scripts do not run in workers: each script of the build starts with the same flag, so a
    // function moved to a worker also takes the JS kernel.
    const response = await route.fetch();
    const body = `WebAssembly.validate = () => false;\n${await response.text()}`;
    return route.fulfill({ response, body });
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "Diversify", level: 1 }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => window.__customFunctions && window.__customFunctions.ids().includes("CORRMATRIX"),
    null,
    { timeout: 30_000 }
  );
  await page.addScriptTag({ url: `${server.url}${BENCH_SCRIPT}` });
  // Let the pane finish its first render and idle callbacks before timing.
  await page.waitForTimeout(500);
  return { context, page, errors };
}

function shapeOf(metadata, functionId) {
  const fn = metadata.functions.find((f) => f.id === functionId);
  if (!fn) throw new Error(`${functionId} is not in functions.json`);
  return { parameterCount: fn.parameters.length, cancelable: Boolean(fn.options?.cancelable) };
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Source maps of the page's scripts, to name minified frames by their TypeScript source. */
function sourceMaps(benchMap) {
  const maps = new Map([["bench-page.js", new SourceMap(benchMap)]]);
  for (const name of ["functions.js", "taskpane.js"]) {
    const file = path.join(dist, `${name}.map`);
    if (fs.existsSync(file))
      maps.set(name, new SourceMap(JSON.parse(fs.readFileSync(file, "utf8"))));
  }
  return maps;
}

/** A profile frame as "name source:line", through the source map when there is one. */
function frameName(frame, maps) {
  const file = frame.url ? frame.url.split("/").pop() : "";
  const map = maps.get(file);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && entry.originalSource) {
    const source = entry.originalSource.replace(/^webpack:\/\/[^/]*\//, "");
    return `${entry.name ?? frame.functionName ?? "(anonymous)"} ${source}:${entry.originalLine + 1}`;
  }
  return `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

/** Self time per function from a CDP Profiler profile, largest first. */
function selfTimes(profile, maps) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, k) => {
    const key = frameName(byId.get(id).callFrame, maps);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, rows: [...self.entries()].sort((a, b) => b[1] - a[1]) };
}

/**
 * CPU profile of the page's thread while the case's function runs: 5 calls after a warm-up, or
 * with `first` the first call in the fresh page (a job in a Web Worker shows here as idle time).
 */
async function profileCase(page, metadata, benchCase, maps, first) {
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  const shape = shapeOf(metadata, benchCase.functionId);
  await page.evaluate(({ id, shape }) => window.__diversifyBench.prepare(id, shape), {
    id: benchCase.id,
    shape,
  });
  if (!first) await page.evaluate(() => window.__diversifyBench.callPrepared(1));
  await session.send("Profiler.start");
  await page.evaluate((times) => window.__diversifyBench.callPrepared(times), first ? 1 : 5);
  const { profile } = await session.send("Profiler.stop");
  const { total, rows } = selfTimes(profile, maps);
  const calls = first ? "the first call in a fresh page" : "5 calls after a warm-up";
  console.log(`\nProfile of ${benchCase.label} (${benchCase.size}), ${calls}, page thread:`);
  console.log(
    `total sampled ${total.toFixed(0)} ms; self time by function (through the source maps):`
  );
  for (const [key, ms] of rows.slice(0, 25)) {
    console.log(
      `  ${ms.toFixed(1).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`
    );
  }
}

function pad(cells, widths) {
  return cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ");
}

function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [
    pad(header, widths),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...rows.map((r) => pad(r, widths)),
  ].join("\n");
}

async function main() {
  const argv = process.argv.slice(2);
  const profileAt = argv.indexOf("--profile");
  const profileId = profileAt >= 0 ? argv[profileAt + 1] : undefined;
  const filters = argv.filter(
    (a, k) => !a.startsWith("--") && (profileAt < 0 || k !== profileAt + 1)
  );
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    console.error(`${dist} has no production build: run npm run build first.`);
    process.exit(1);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `the browser bench needs Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium)`
    );
    process.exit(1);
  }
  const allCases = loadCases();
  const cases = allCases.filter((c) =>
    profileId ? c.id === profileId : filters.length === 0 || filters.some((f) => c.id.includes(f))
  );
  if (cases.length === 0)
    throw new Error(
      `no case matches ${argv.join(" ")}; ids: ${allCases.map((c) => c.id).join(", ")}`
    );
  const loadBefore = os.loadavg();
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const bench = await buildPageBundle();
  const benchScript = bench.text;

  const session = await startBrowserSession();
  const { officeDouble, server, browser } = session;
  const browserResults = new Map();
  const chromiumVersion = browser.version();
  try {
    for (const noSimd of [false, true]) {
      const group = cases.filter((c) => Boolean(c.noSimd) === noSimd);
      if (group.length === 0) continue;
      const { context, page, errors } = await openPage(
        browser,
        server,
        benchScript,
        officeDouble,
        noSimd
      );
      if (profileId) {
        const first = argv.includes("--first");
        await profileCase(page, metadata, group[0], sourceMaps(bench.map), first);
        await context.close();
        continue;
      }
      for (const benchCase of group) {
        process.stderr.write(`  browser: ${benchCase.label} (${benchCase.size})…\n`);
        const result = await page.evaluate(
          ({ id, shape }) => window.__diversifyBench.run(id, shape),
          { id: benchCase.id, shape: shapeOf(metadata, benchCase.functionId) }
        );
        browserResults.set(benchCase.id, result);
      }
      if (errors.length > 0) console.error(`page errors: ${errors.join(" | ")}`);
      await context.close();
    }
  } finally {
    await session.close();
  }
  if (profileId) return;

  process.stderr.write("  Node core…\n");
  const node = {
    ...nodeCore(
      cases.filter((c) => !c.noSimd).map((c) => c.id),
      false
    ),
    ...nodeCore(
      cases.filter((c) => c.noSimd).map((c) => c.id),
      true
    ),
  };
  process.stderr.write("  Python references…\n");
  const python = cases.some((c) => c.target?.kind === "python")
    ? pythonReferences()
    : { missing: "not needed by these cases" };
  const loadAfter = os.loadavg();

  const rows = [];
  const verdicts = [];
  for (const benchCase of cases) {
    const r = browserResults.get(benchCase.id);
    const fnMedian = median(r.runsMs[0]);
    const fnMin = Math.min(...r.runsMs[0]);
    const coreMedian = median(r.runsMs[1]);
    const share = Math.max(0, (fnMedian - coreMedian) / fnMedian);
    const ref =
      benchCase.target?.kind === "python" ? python[benchCase.target.reference] : undefined;
    const refMs = ref?.medianMs;
    const wantsPython = benchCase.target?.kind === "python";
    const refText = !wantsPython
      ? "–"
      : python.missing
        ? `no Python (${python.missing})`
        : ref.missing
          ? `no ${ref.missing}`
          : refMs.toFixed(1);
    const ratioText = !wantsPython
      ? "–"
      : refMs === undefined
        ? "no reference"
        : `${(fnMedian / refMs).toFixed(2)}×`;
    let target = "–";
    let ok = true;
    if (benchCase.target?.kind === "ms") {
      target = `≤ ${benchCase.target.ms} ms`;
      ok = fnMedian <= benchCase.target.ms;
    } else if (benchCase.target?.kind === "python") {
      target = `≤ ${benchCase.target.ratio}× ${benchCase.target.reference}`;
      ok = refMs === undefined ? false : fnMedian / refMs <= benchCase.target.ratio;
    }
    const shareOk = share <= 0.2;
    const nodeMs = node[benchCase.id]?.medianMs;
    rows.push([
      benchCase.label,
      benchCase.size,
      fnMedian.toFixed(1),
      fnMin.toFixed(1),
      r.runsMs[0].length,
      r.firstMs[0].toFixed(1),
      coreMedian.toFixed(1),
      `${(share * 100).toFixed(0)} % ${shareOk ? "ok" : "MISSED"}`,
      nodeMs === undefined ? "–" : nodeMs.toFixed(1),
      refText,
      ratioText,
      r.workerMessages > 0 ? `yes (${r.workerMessages} msgs)` : "no",
      target,
      benchCase.target === undefined ? "–" : ok ? "ok" : "MISSED",
      r.refused === undefined
        ? ""
        : `refused: ${/about [\d.]+ MB/.exec(r.refused)?.[0] ?? "too large"} over the payload cap, timed anyway`,
    ]);
    if (benchCase.target !== undefined) verdicts.push(ok);
    verdicts.push(shareOk);
    if (benchCase.firstCallRatio !== undefined) {
      const ratio = r.firstMs[0] / fnMedian;
      const firstOk = ratio <= benchCase.firstCallRatio;
      verdicts.push(firstOk);
      rows.push([
        `${benchCase.label}, first call`,
        "fresh page, compile included",
        r.firstMs[0].toFixed(1),
        "",
        1,
        "",
        "",
        "",
        "",
        "",
        `${ratio.toFixed(2)}× warm`,
        "",
        `≤ ${benchCase.firstCallRatio}× warm`,
        firstOk ? "ok" : "MISSED",
        "",
      ]);
    }
  }
  const versions = python.missing
    ? `Python references: ${python.missing}`
    : `numpy ${python.numpy}${python.scipy ? `, scipy ${python.scipy}` : ""}${python.sklearn ? `, scikit-learn ${python.sklearn}` : ""}`;
  console.log(
    `\nBrowser bench: Chromium ${chromiumVersion} (${CHROMIUM}), bundle ${dist}; Node ${process.version}; ${versions}; ${os.cpus().length} cores`
  );
  console.log(
    `load average before ${loadBefore.map((v) => v.toFixed(2)).join(" ")}, after ${loadAfter.map((v) => v.toFixed(2)).join(" ")}`
  );
  console.log(
    "median after one warm-up (≥ 5 runs); function and core-only alternate in the same page; ms\n"
  );
  console.log(
    formatTable(
      [
        "case",
        "size",
        "browser median",
        "min",
        "runs",
        "first call",
        "core in page",
        "parse+spill",
        "Node core",
        "Python ref",
        "browser/python",
        "worker",
        "target",
        "result",
        "note",
      ],
      rows
    )
  );
  const missed = verdicts.filter((v) => !v).length;
  console.log(
    `\n${verdicts.length - missed} of ${verdicts.length} targets met (parse+spill ≤ 20 % counted per row)`
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
