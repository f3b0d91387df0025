#!/usr/bin/env node
/**
 * Browser test that HiGHS stays off the start-up path (issue 13): in the production build
 * (dist/, or $DIVERSIFY_DIST) the solver is its own chunk (highs.js) and asset (highs.wasm), not in
 * functions.js or functionsWorker.js; opening the pane and calculating a covariance-based formula
 * requests neither; the first downside formula (RISKWEIGHTS "mincvar") loads them (in the worker
 * or the page, wherever the job runs) and spills weights that sum to 1.
 * Prints "e2e-highs-lazy: N passed, M failed" last; exits 1 on any failure.
 */
import * as fs from "fs";
import * as path from "path";
import {
  collectPageErrors,
  createReport,
  dist,
  prerequisitesMet,
  routeOffline,
  runSuite,
  startBrowserSession,
} from "./browserHarness.mjs";

const SUITE = "e2e-highs-lazy";
const { record, finish } = createReport(SUITE);

const PRICES = [["BTC", "ETH", "SOL", "PAXG"]];
for (let t = 0, p = [100, 100, 100, 100]; t < 200; t++) {
  p = p.map(
    (x, j) => x * (1 + 0.012 * (j + 1) * Math.sin(t * (j + 2) * 0.7 + j) + 0.001 * (3 - j))
  );
  PRICES.push([...p]);
}

async function main() {
  if (!prerequisitesMet(SUITE, "taskpane.html")) return;
  const read = (file) => fs.readFileSync(path.join(dist, file), "utf8");
  const wasm = path.join(dist, "highs.wasm");
  record("the build emits highs.wasm as its own asset", fs.existsSync(wasm));
  record("the build emits the highs chunk (highs.js)", fs.existsSync(path.join(dist, "highs.js")));
  // A symbol of the HiGHS C API, present only in the solver's own code.
  for (const bundle of ["functions.js", "functionsWorker.js", "taskpane.js"]) {
    record(`${bundle} does not contain HiGHS itself`, !read(bundle).includes("_Highs_create"));
  }
  record("highs.js contains HiGHS", read("highs.js").includes("_Highs_create"));

  const { officeDouble, server, browser, close } = await startBrowserSession();
  try {
    const page = await browser.newPage();
    const requested = [];
    page.on("request", (request) => requested.push(request.url()));
    const problems = collectPageErrors(page);
    await routeOffline(page, server, {
      officeJs: officeDouble,
      offMachine: (url) => problems.push(`request left the machine: ${url}`),
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(
      () => window.__customFunctions?.ids().includes("RISKWEIGHTS"),
      null,
      {
        timeout: 15_000,
      }
    );
    const highsRequests = () => requested.filter((url) => /\/highs\.(js|wasm)(\?|$)/.test(url));
    const erc = await page.evaluate(
      (prices) => window.__customFunctions.call("RISKWEIGHTS", [prices, "erc"]),
      PRICES
    );
    record("RISKWEIGHTS erc answers", erc.kind === "value", JSON.stringify(erc).slice(0, 200));
    record(
      "nothing of HiGHS is requested before a downside method runs",
      highsRequests().length === 0,
      highsRequests().join(", ")
    );
    const started = Date.now();
    const cvar = await page.evaluate(
      (prices) => window.__customFunctions.call("RISKWEIGHTS", [prices, "mincvar 0.9"]),
      PRICES
    );
    const elapsed = Date.now() - started;
    const weights = cvar.kind === "value" ? cvar.value.slice(1).map((row) => row[1]) : [];
    const sum = weights.reduce((s, w) => s + w, 0);
    record(
      `RISKWEIGHTS "mincvar 0.9" spills 4 weights summing to 1 (first call ${elapsed} ms, load included)`,
      weights.length === 4 && Math.abs(sum - 1) < 1e-9,
      JSON.stringify(cvar).slice(0, 300)
    );
    record(
      "the downside method fetched highs.wasm",
      highsRequests().some((url) => url.includes("highs.wasm")),
      requested.filter((url) => url.startsWith(server.url)).join(", ")
    );
    record("no page errors", problems.length === 0, problems.join(" | "));
  } finally {
    await close();
  }
  finish();
}

runSuite(SUITE, main);
