#!/usr/bin/env node
/**
 * Browser tests of a cold open: Excel calculates a workbook's DIVERSIFY formulas before Office has
 * initialised and before the pane renders (a workbook opened with the pane closed). The production
 * build (dist/, or $DIVERSIFY_DIST) runs in headless Chromium with the Office double holding
 * Office.onReady; the Data tab's saved settings are already in the partitioned localStorage.
 * HISTORY must wait for them and use the saved provider, never answer from the demo data, and a
 * saved keyed provider whose key is gone must say "saved key missing".
 * Prints "e2e-cold-open: N passed, M failed" last; exits 1 on any failure.
 */
import {
  collectPageErrors,
  createReport,
  prerequisitesMet,
  routeOffline,
  startBrowserSession,
} from "./browserHarness.mjs";

const SUITE = "e2e-cold-open";
const PARTITION = "workbook-7f3a";
const SETTINGS_KEY = `${PARTITION}/diversify.dataSettings`;
// Three closes ending yesterday: HISTORY counts its days back from today, through the cache.
const DAY_MS = 86_400_000;
const isoDay = (daysAgo) =>
  new Date(Math.floor(Date.now() / DAY_MS - daysAgo) * DAY_MS).toISOString().slice(0, 10);
const CSV = `date,BTC,ETH\n${isoDay(3)},100,10\n${isoDay(2)},110,11\n${isoDay(1)},121,12.1\n`;

const { record, finish } = createReport(SUITE);

/** A page whose Office is not ready yet, with these settings saved by an earlier session. */
async function coldPage(browser, server, officeDouble, savedSettings) {
  const page = await browser.newPage();
  const problems = collectPageErrors(page);
  await routeOffline(page, server, {
    officeJs: officeDouble,
    offMachine: (url) => problems.push(`request left the machine: ${url}`),
    abortReason: "internetdisconnected",
  });
  await page.addInitScript(
    ([key, partition, settings]) => {
      window.__officeDoubleHoldReady = true;
      window.__officeDoublePartitionKey = partition;
      localStorage.setItem(key, settings);
    },
    [SETTINGS_KEY, PARTITION, JSON.stringify(savedSettings)]
  );
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForFunction(() => window.__customFunctions?.ids().includes("HISTORY"), null, {
    timeout: 15_000,
  });
  return { page, problems };
}

/** Starts HISTORY before Office is ready; returns whether it settled early, then its outcome. */
async function historyAcrossReady(page, args) {
  return page.evaluate(async (callArgs) => {
    let settled = false;
    const pending = window.__customFunctions.call("HISTORY", callArgs).then((outcome) => {
      settled = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settledBeforeReady = settled;
    const paneRenderedBeforeReady = document.querySelector("h1") !== null;
    window.__officeDouble.releaseReady();
    return { settledBeforeReady, paneRenderedBeforeReady, outcome: await pending };
  }, args);
}

async function main() {
  if (!prerequisitesMet(SUITE, "taskpane.html")) return;
  const { officeDouble, server, browser, close } = await startBrowserSession();
  try {
    const saved = { provider: "csv", csv: { text: CSV, sourceName: "closes.csv" } };
    const csv = await coldPage(browser, server, officeDouble, saved);
    const { settledBeforeReady, paneRenderedBeforeReady, outcome } = await historyAcrossReady(
      csv.page,
      [[["BTC", "ETH"]], 5, null]
    );
    record(
      "before Office is ready, HISTORY waits instead of answering (and the pane has not rendered)",
      !settledBeforeReady && !paneRenderedBeforeReady,
      `settled early: ${settledBeforeReady}, pane rendered: ${paneRenderedBeforeReady}`
    );
    const rows = outcome.kind === "value" ? outcome.value.slice(1) : [];
    record(
      "then it answers from the saved provider (the CSV's closes), not the demo data",
      JSON.stringify(rows.map((row) => row.slice(1))) ===
        JSON.stringify([
          [100, 10],
          [110, 11],
          [121, 12.1],
        ]),
      JSON.stringify(outcome).slice(0, 300)
    );
    record("nothing failed in the page", csv.problems.length === 0, csv.problems.join(" | "));
    await csv.page.close();

    const keyless = { provider: "tokenmetrics", tokenMetrics: {} };
    const lost = await coldPage(browser, server, officeDouble, keyless);
    const missing = (await historyAcrossReady(lost.page, [[["BTC"]], 30, null])).outcome;
    record(
      'a saved Token Metrics choice whose key is gone gives #N/A "saved key missing", not demo data',
      missing.kind === "error" &&
        missing.code === "#N/A" &&
        /saved key missing/i.test(missing.message ?? ""),
      JSON.stringify(missing).slice(0, 300)
    );
    record("nothing failed in the page", lost.problems.length === 0, lost.problems.join(" | "));
  } catch (error) {
    record("the cold-open suite ran to the end", false, String(error?.stack ?? error));
  } finally {
    await close();
  }
  finish();
}

await main();
