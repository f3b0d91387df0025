#!/usr/bin/env node
/**
 * Browser tests: load the production build (dist/, or $DIVERSIFY_DIST) in headless Debian Chromium with an Office.js
 * test double, then check the task pane renders and that every custom function in functions.json
 * is registered and answers what Excel would pass with the right shape or the right error.
 * Prints "e2e: N passed, M failed" last; exits 1 on any failure.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  artefacts,
  collectPageErrors,
  createReport,
  dist,
  openTaskPane,
  prerequisitesMet,
  routeOffline,
  runSuite,
  startBrowserSession,
} from "./browserHarness.mjs";
import { contractCases } from "./contractCases.mjs";

const { record, finish } = createReport("e2e");

/**
 * Excel's cap on what a custom function returns (office-js #4654): a larger result never reaches
 * the cell, which stays #BUSY! with no message (#2786, #2222). The double returns anything, so
 * the harness applies the cap: such a result counts as a cell stuck on #BUSY!.
 */
const EXCEL_RESULT_CAP_BYTES = 5 * 1024 * 1024;

/** What the cell would show in Excel: the outcome, or #BUSY! for a result over the cap. */
function asExcelShows(outcome) {
  if (outcome.kind !== "value") return outcome;
  const bytes = Buffer.byteLength(JSON.stringify(outcome.value) ?? "", "utf8");
  return bytes > EXCEL_RESULT_CAP_BYTES ? { kind: "busy", bytes } : outcome;
}

function checkExpectation(outcome, expectation) {
  if (outcome.kind === "busy")
    return `the result is ${(outcome.bytes / 1048576).toFixed(1)} MB, over Excel's 5 MB cap: the cell would stay #BUSY!`;
  if (expectation.error) {
    if (outcome.kind !== "error")
      return `expected ${expectation.error}, got ${JSON.stringify(outcome).slice(0, 200)}`;
    if (outcome.code !== expectation.error)
      return `expected ${expectation.error}, got ${outcome.code}: ${outcome.message}`;
    if (!expectation.message.test(outcome.message ?? ""))
      return `message "${outcome.message}" does not match ${expectation.message}`;
    return "";
  }
  if (outcome.kind !== "value")
    return `expected a ${expectation.rows}×${expectation.cols} spill, got ${JSON.stringify(outcome).slice(0, 200)}`;
  const grid = outcome.value;
  const rowsOk =
    Array.isArray(grid) &&
    (expectation.atLeast ? grid.length >= expectation.rows : grid.length === expectation.rows);
  if (!rowsOk) {
    return `expected ${expectation.atLeast ? "at least " : ""}${expectation.rows} rows, got ${Array.isArray(grid) ? grid.length : typeof grid}`;
  }
  for (const row of grid) {
    if (!Array.isArray(row) || row.length !== expectation.cols)
      return `expected ${expectation.cols} columns in every row`;
    for (const cell of row) {
      if (cell === null || (typeof cell === "number" && !Number.isFinite(cell)))
        return `a cell holds ${cell}: Excel would show 0 or an invalid number`;
    }
  }
  return "";
}

async function main() {
  if (!prerequisitesMet("e2e", "taskpane.html")) return;
  fs.mkdirSync(artefacts, { recursive: true });
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const { officeDouble, server, browser, close } = await startBrowserSession();
  const escaped = [];
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const consoleErrors = collectPageErrors(page, { consoleErrors: true });
    await routeOffline(page, server, {
      officeJs: officeDouble,
      offMachine: (url) => escaped.push(url),
    });
    await openTaskPane(page, server);
    record("the task pane renders its title", true);

    const listed = page.getByText(/^Functions \(\d+\)$/);
    await listed.waitFor({ timeout: 15_000 });
    const listedText = await listed.textContent();
    record(
      "the task pane lists every function from functions.json",
      listedText === `Functions (${metadata.functions.length})`,
      `shows "${listedText}", metadata has ${metadata.functions.length}`
    );
    await page.screenshot({ path: path.join(artefacts, "taskpane-home.png"), fullPage: true });

    const registered = await page.evaluate(() => window.__customFunctions.ids());
    const declared = metadata.functions.map((f) => f.id).sort();
    record(
      "every id in functions.json is registered by the bundle, and no other",
      JSON.stringify(registered) === JSON.stringify(declared),
      `registered ${registered.join(",")}; declared ${declared.join(",")}`
    );

    // The cap itself: 300,000 cells of 16-digit numbers (~5.4 MB) must count as a cell on #BUSY!.
    const overCap = Array.from({ length: 600 }, () => Array(500).fill(0.1234567890123456));
    const overCapProblem = checkExpectation(asExcelShows({ kind: "value", value: overCap }), {
      rows: 600,
      cols: 500,
    });
    record(
      "the harness models Excel's 5 MB result cap (a larger spill stays #BUSY!)",
      /over Excel's 5 MB cap: the cell would stay #BUSY!/.test(overCapProblem),
      overCapProblem
    );

    for (const fn of metadata.functions) {
      const cases = contractCases[fn.id];
      if (!cases) {
        record(`${fn.id}: has contract cases`, false, "add cases to test/e2e/contractCases.mjs");
        continue;
      }
      for (const testCase of cases) {
        const outcome = await page.evaluate(
          ({ id, args }) => window.__customFunctions.call(id, args),
          { id: fn.id, args: testCase.args }
        );
        const problem = checkExpectation(asExcelShows(outcome), testCase.expect);
        record(`${fn.id}: ${testCase.name}`, problem === "", problem);
      }
    }
    record("no console errors in the page", consoleErrors.length === 0, consoleErrors.join(" | "));
  } finally {
    await close();
  }
  record("no request left the machine", escaped.length === 0, escaped.join(", "));
  finish();
}

runSuite("e2e", main);
