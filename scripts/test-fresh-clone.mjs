#!/usr/bin/env node
/**
 * The Jest suites as a user's fresh clone runs them: with no ../shared beside the checkout. The
 * shared data (and the providers' specs beside it) are pointed at an empty folder through
 * DIVERSIFY_SHARED_DATA, so every suite that needs them must skip, saying why, without reading
 * anything at collection time. CI runs this after `npm test` so the fresh clone can never regress.
 * Fails when a test fails, or when no test was skipped for the missing data (then the run did not
 * really hide ../shared). Prints "fresh-clone: N passed, M failed, K skipped" last.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const empty = fs.mkdtempSync(path.join(os.tmpdir(), "diversify-fresh-clone-"));
const sharedData = path.join(empty, "shared", "data");
const report = path.join(empty, "jest.json");

const run = spawnSync(
  path.join(root, "node_modules", ".bin", "jest"),
  ["--silent", "--json", `--outputFile=${report}`],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DIVERSIFY_SHARED_DATA: sharedData },
  }
);

let passed = 0;
let failed = 0;
let skipped = 0;
let skippedForData = 0;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = result.numPassedTests;
  failed = result.numFailedTests;
  skipped = result.numPendingTests + result.numTodoTests;
  for (const suite of result.testResults) {
    for (const test of suite.assertionResults) {
      if (test.status === "pending" && test.title.includes("is absent in this checkout"))
        skippedForData++;
    }
  }
}
fs.rmSync(empty, { recursive: true, force: true });

let ok = run.status === 0 && failed === 0;
if (skippedForData === 0) {
  console.error(
    "fresh-clone: no suite skipped for the missing ../shared: DIVERSIFY_SHARED_DATA was not honoured"
  );
  ok = false;
} else {
  console.log(`fresh-clone: ${skippedForData} tests skipped because ../shared is absent`);
}
console.log(
  `fresh-clone: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed, ${skipped} skipped`
);
process.exit(ok ? 0 : 1);
