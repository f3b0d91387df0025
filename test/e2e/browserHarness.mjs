/**
 * What the browser suites (test/e2e/*.mjs) and the browser bench share: where the build and
 * Debian's Chromium are, Chromium launched with the flags this machine's closed network needs, the
 * Office double served in place of office.js, and the "suite: N passed, M failed" report that
 * scripts/test.mjs adds up.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveFolder } from "./staticServer.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

/** The production build the suites load: dist/, or $DIVERSIFY_DIST (webpack writes there too). */
export const dist = path.resolve(process.env.DIVERSIFY_DIST || path.join(root, "dist"));
/** Debian's Chromium (never a downloaded browser), or $CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Screenshots and other artefacts of the suites. */
export const artefacts = path.join(root, "test-results", "e2e");

/** The Office.js the add-in's page asks Microsoft's CDN for, answered by the double instead. */
export function isOfficeJs(url) {
  return /appsforoffice\.microsoft\.com\/.*office\.js/.test(url);
}

/** The text of test/e2e/officeDouble.js, served as office.js. */
export function readOfficeDouble() {
  return fs.readFileSync(path.join(here, "officeDouble.js"), "utf8");
}

/**
 * Headless Chromium as this machine needs it: no sandbox (root), no GPU, and none of the
 * background connections (component updates, sync, QUIC) that a closed network refuses by the
 * dozen at every start.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The build served on 127.0.0.1, Chromium launched and the Office double read: what every suite
 * starts with. `close()` closes the browser, then the server (call it in a `finally`).
 */
export async function startBrowserSession() {
  const officeDouble = readOfficeDouble();
  const server = await serveFolder(dist);
  const browser = await launchChromium();
  return {
    officeDouble,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Keeps a page on this machine: office.js is answered with `officeJs` (the double's text, maybe
 * followed by set-up lines), requests to the build's server pass, and any other request is given
 * to `offMachine(url)` (to record or count it) and aborted with `abortReason` (Playwright's
 * "failed" when omitted).
 */
export function routeOffline(page, server, { officeJs, offMachine, abortReason }) {
  return page.route("**/*", (route) => {
    const url = route.request().url();
    if (isOfficeJs(url)) return route.fulfill({ contentType: "text/javascript", body: officeJs });
    if (url.startsWith(server.url)) return route.continue();
    offMachine(url);
    return route.abort(abortReason);
  });
}

/**
 * Collects what went wrong in a page, in the order it happened: uncaught errors, and with
 * `consoleErrors` also the console's error messages. Attach before the page loads.
 *
 * @returns the array the messages are pushed to
 */
export function collectPageErrors(page, { consoleErrors = false } = {}) {
  const errors = [];
  if (consoleErrors)
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Loads the task pane from the build's server and waits (15 s at most) for its title. */
export async function openTaskPane(page, server) {
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "Diversify", level: 1 }).waitFor({ timeout: 15_000 });
}

/**
 * Runs a suite's `main`; an error escaping it is printed and counted as the suite's one failure
 * ("suite: 0 passed, 1 failed", exit 1), so scripts/test.mjs still finds a summary line.
 */
export function runSuite(suite, main) {
  main().catch((error) => {
    console.error(error);
    console.log(`${suite}: 0 passed, 1 failed`);
    process.exit(1);
  });
}

/**
 * Checks what a suite needs before it starts: the build file it loads (else it fails, saying to
 * build first) and Chromium (else it is skipped, saying so, except in CI where it must be there).
 *
 * @param suite the suite's label in its summary line, e.g. "e2e-pane"
 * @param buildFile a file of the build the suite cannot run without, e.g. "taskpane.html"
 * @returns true to run; false when skipped (the summary line is printed)
 */
export function prerequisitesMet(suite, buildFile) {
  if (!fs.existsSync(path.join(dist, buildFile))) {
    console.error(`${path.join(dist, buildFile)} is missing: run \`npm run build\` first.`);
    console.log(`${suite}: 0 passed, 1 failed`);
    process.exit(1);
  }
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium)`;
  if (process.env.CI === "true") {
    console.error(message);
    console.log(`${suite}: 0 passed, 1 failed`);
    process.exit(1);
  }
  console.log(`skipped: ${message}`);
  console.log(`${suite}: 0 passed, 0 failed, 1 skipped`);
  return false;
}

/**
 * A suite's results: `record` prints each check as TAP-like "ok"/"not ok" lines, `finish` prints
 * "suite: N passed, M failed" last (what scripts/test.mjs reads) and exits 1 on any failure.
 */
export function createReport(suite) {
  const results = [];
  return {
    record(name, ok, detail = "") {
      results.push({ name, ok });
      console.log(`${ok ? "ok" : "not ok"} - ${name}${ok || !detail ? "" : `\n    ${detail}`}`);
    },
    note(text) {
      console.log(`# ${text}`);
    },
    finish() {
      const failed = results.filter((r) => !r.ok).length;
      console.log(`\n${suite}: ${results.length - failed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
