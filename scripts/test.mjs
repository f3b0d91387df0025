#!/usr/bin/env node
/**
 * `npm test`: everything a change must pass, in the order that fails fastest —
 * typecheck, lint (ESLint + Prettier), offline manifest checks, unit/property/contract tests (Jest),
 * the production build, and the browser tests on that build (headless Chromium).
 * The last line is the total: "N passed, M failed" (plus skipped), summed over Jest and the browser tests.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(title, command, args, options = {}) {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    env: { ...process.env, ...options.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (options.capture) process.stdout.write(result.stdout);
  if (result.status !== 0) {
    console.log(`✗ ${title} failed (${seconds} s)`);
    return { ok: false, stdout: result.stdout?.toString() ?? "" };
  }
  console.log(`✓ ${title} (${seconds} s)`);
  return { ok: true, stdout: result.stdout?.toString() ?? "" };
}

function finish(stageFailed) {
  const tail = skipped > 0 ? `, ${skipped} skipped` : "";
  if (stageFailed) failed = Math.max(failed, 1);
  console.log(`\n${passed} passed, ${failed} failed${tail}`);
  process.exit(failed === 0 && !stageFailed ? 0 : 1);
}

const checks = [
  ["typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]],
  ["lint (ESLint)", bin("eslint"), ["."]],
  ["format (Prettier --check)", bin("prettier"), ["--check", "--log-level", "warn", "."]],
  ["manifest (offline validation)", process.execPath, ["scripts/validate-manifest.js"]],
];
for (const [title, command, args] of checks) {
  if (!step(title, command, args).ok) finish(true);
}

const jestReport = path.join(os.tmpdir(), `diversify-jest-${process.pid}.json`);
const jest = step("unit, property and contract tests (Jest)", bin("jest"), [
  "--json",
  `--outputFile=${jestReport}`,
]);
if (fs.existsSync(jestReport)) {
  const report = JSON.parse(fs.readFileSync(jestReport, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  fs.rmSync(jestReport, { force: true });
}
if (!jest.ok) finish(true);

if (!step("production build (webpack)", bin("webpack"), ["--mode", "production", "--no-stats"]).ok)
  finish(true);
if (
  !step("built manifest (offline validation)", process.execPath, ["scripts/validate-manifest.js"])
    .ok
)
  finish(true);

// Browser tests: the contract test (run.mjs) and every other test/e2e/*.e2e.mjs suite, each
// printing "e2e…: N passed, M failed" as its last summary line.
const e2eFiles = [
  "test/e2e/run.mjs",
  ...fs
    .readdirSync(path.join(root, "test", "e2e"))
    .filter((name) => name.endsWith(".e2e.mjs"))
    .sort()
    .map((name) => `test/e2e/${name}`),
];
let e2eFailed = false;
for (const file of e2eFiles) {
  const e2e = step(
    `browser tests (${path.basename(file)}, headless Chromium)`,
    process.execPath,
    [file],
    { capture: true }
  );
  const summary = /e2e[\w-]*: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(e2e.stdout);
  if (summary) {
    passed += Number(summary[1]);
    failed += Number(summary[2]);
    skipped += Number(summary[3] ?? 0);
  }
  if (!e2e.ok) e2eFailed = true;
}
finish(e2eFailed);
