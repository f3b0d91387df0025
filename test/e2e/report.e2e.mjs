#!/usr/bin/env node
/**
 * Browser tests of the Report tab (issue 14): the production build (dist/, or $DIVERSIFY_DIST) in
 * headless Chromium with the Office double served as office.js. Builds the default index from the
 * demo provider with 5 years of prices, writes the report, checks the Report sheet's header,
 * statistics, diversification curve, rolling tables and named charts, runs it again (refreshed in
 * place, charts updated not duplicated), then makes runs fail — a text cash rate, a trend window
 * longer than the history, a volatility target of 0, the user's data in a cell the report needs —
 * and checks each shows its message in the pane and leaves the Report sheet exactly as it was.
 * Without a Prices table the pane says to build an index first. Screenshots in test-results/e2e/.
 * Prints "e2e-report: N passed, M failed" last; exits 1 on any failure.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  artefacts,
  collectPageErrors,
  createReport,
  openTaskPane,
  prerequisitesMet,
  routeOffline,
  runSuite,
  startBrowserSession,
} from "./browserHarness.mjs";

const { record, note, finish } = createReport("e2e-report");

const STRATEGIES = ["BTC only", "ETH only", "Equal weight", "Market-cap weight"];
const CHARTS = [
  "Diversify report Sharpe",
  "Diversify report drawdown",
  "Diversify report diversification curve",
];

async function choose(page, comboboxName, optionName) {
  await page.getByRole("combobox", { name: comboboxName }).click();
  await page.getByRole("option", { name: optionName, exact: true }).click();
}

async function openPane(browser, server, officeDouble, escaped) {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  const errors = collectPageErrors(page);
  await routeOffline(page, server, {
    officeJs: officeDouble,
    offMachine: (url) => escaped.push(url),
    abortReason: "internetdisconnected",
  });
  await openTaskPane(page, server);
  return { page, errors };
}

/** The Report sheet's cells in a box, as the double holds them. */
function readBox(page, rows, columns) {
  return page.evaluate(
    ({ rows, columns }) => {
      const letters = (c) => {
        let s = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
          s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        return s;
      };
      const out = [];
      for (let r = 0; r < rows; r++) {
        const row = [];
        for (let c = 0; c < columns; c++)
          row.push(window.__fakeWorkbook.getCell("Report", `${letters(c)}${r + 1}`) ?? "");
        out.push(row);
      }
      return out;
    },
    { rows, columns }
  );
}

async function main() {
  if (!prerequisitesMet("e2e-report", "taskpane.js")) return;
  fs.mkdirSync(artefacts, { recursive: true });
  const { officeDouble, server, browser, close } = await startBrowserSession();
  const escaped = [];
  try {
    // 0. No Prices table yet: a clear message, nothing written.
    const empty = await openPane(browser, server, officeDouble, escaped);
    await empty.page.getByRole("tab", { name: "Report" }).click();
    await empty.page.getByRole("button", { name: "Write the report" }).click();
    const noPrices = await empty.page
      .getByText(/runs on the Prices table, and this workbook has none; build an index/)
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    const sheets = await empty.page.evaluate(() => window.__fakeWorkbook.sheetNames());
    record(
      "without a Prices table the pane says to build an index first, and writes nothing",
      noPrices && !sheets.includes("Report"),
      JSON.stringify(sheets)
    );
    await empty.page.close();

    const { page, errors } = await openPane(browser, server, officeDouble, escaped);
    // 1. The default index (Top 10 capped at 25 %) with 5 years of demo prices.
    await choose(page, "History", "5 years");
    await page.getByRole("button", { name: "Build index" }).click();
    await page.getByText(/^Wrote Top 10, capped at 25 %/).waitFor({ timeout: 60_000 });

    // 2. The report on the same index.
    await page.getByRole("tab", { name: "Report" }).click();
    record(
      "the Report tab offers the Index tab's index and labels demo data",
      (await page.getByRole("combobox", { name: "Report index" }).textContent())?.includes(
        "Top 10, capped at 25 %"
      ) && (await page.getByText("demo data", { exact: true }).isVisible())
    );
    const started = Date.now();
    await page.getByRole("button", { name: "Write the report" }).click();
    const wrote = await page
      .getByText(/^Wrote the Report sheet: Top 10, capped at 25 %/)
      .waitFor({ timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    record("the report is written and the pane says so", wrote);
    note(
      `report on 10 tokens × 5 years of demo data, click to status line: ${Date.now() - started} ms`
    );
    await page.screenshot({ path: path.join(artefacts, "report-tab.png") });

    const header = await readBox(page, 6, 1);
    record(
      "the header names the index, says demo data, the as-of date and the BACKTEST call",
      String(header[0][0]).includes("Top 10, capped at 25 %") &&
        /demo data/.test(String(header[1][0])) &&
        /^As of \d{4}-\d{2}-\d{2}; period /.test(String(header[2][0])) &&
        /DIVERSIFY\.BACKTEST\(Prices\[#All\],\{/.test(String(header[4][0])),
      header.map((r) => r[0]).join(" | ")
    );
    const stats = (await readBox(page, 21, 6)).slice(7);
    record(
      "the statistics table: Metric, the index and the four comparisons, 13 figures",
      JSON.stringify(stats[0]) ===
        JSON.stringify(["Metric", "Top 10, capped at 25 %", ...STRATEGIES]) &&
        JSON.stringify(stats.slice(1).map((r) => r[0])) ===
          JSON.stringify([
            "CAGR",
            "Annualised volatility",
            "Sharpe ratio",
            "Sortino ratio",
            "Max drawdown",
            "Calmar ratio",
            "Worst month",
            "Time under water (days)",
            "Turnover",
            "Fees paid (per 1 invested)",
            "Correlation to BTC",
            "Final value (per 1 invested)",
            "Rebalances",
          ]),
      JSON.stringify(stats[0])
    );
    record(
      "every figure is a finite number, BTC's correlation to itself is 1",
      stats
        .slice(1)
        .every((r) => r.slice(1).every((v) => typeof v === "number" && Number.isFinite(v))) &&
        Math.abs(stats[11][2] - 1) < 1e-12,
      JSON.stringify(stats[11])
    );
    for (const row of stats)
      note(`report ${row.map((v) => (typeof v === "number" ? +v.toPrecision(6) : v)).join(" | ")}`);
    const curve = (await readBox(page, 34, 5)).slice(22);
    record(
      "the diversification curve: holdings 1 … 10, BTC first (Prices order), the ratio to the average token volatility below 1 and falling",
      JSON.stringify(curve[0]) ===
        JSON.stringify([
          "Holdings",
          "Added",
          "Portfolio volatility",
          "Average token volatility",
          "Ratio",
        ]) &&
        curve.slice(1, 11).every((r, k) => r[0] === k + 1) &&
        curve[1][1] === "BTC" &&
        curve[1][4] === 1 &&
        curve[10][4] < curve[2][4] &&
        curve[2][4] < 1,
      JSON.stringify(curve.slice(0, 3))
    );
    for (const row of curve)
      note(`curve ${row.map((v) => (typeof v === "number" ? +v.toPrecision(4) : v)).join(" | ")}`);
    const dated = await page.evaluate(() => ({
      h1: window.__fakeWorkbook.getCell("Report", "H1"),
      i1: window.__fakeWorkbook.getCell("Report", "I1"),
      o1: window.__fakeWorkbook.getCell("Report", "O1"),
      h2: window.__fakeWorkbook.getCell("Report", "H2"),
      format: window.__fakeWorkbook.getFormat("Report", "H2"),
      prices: window.__fakeWorkbook.table("Prices").rows.length,
      lastDate: window.__fakeWorkbook.getCell("Report", "H1827"),
      charts: window.__fakeWorkbook.charts().filter((c) => c.sheet === "Report"),
    }));
    record(
      "the rolling Sharpe (from H) and drawdown (from O) tables are dated, one row per day",
      dated.h1 === "Date" &&
        /^Sharpe 365d: Top 10/.test(String(dated.i1)) &&
        dated.o1 === "Date" &&
        dated.format === "yyyy-mm-dd" &&
        typeof dated.lastDate === "number",
      JSON.stringify({ ...dated, charts: dated.charts.length })
    );
    record(
      "three line charts on the Report sheet, by name, over the dated tables and the curve",
      JSON.stringify(dated.charts.map((c) => c.name)) === JSON.stringify(CHARTS) &&
        dated.charts.every((c) => c.type === "Line") &&
        dated.charts[0].source === `Report!I1:M${dated.prices + 1}`,
      JSON.stringify(dated.charts.map((c) => [c.name, c.source, c.xAxis]))
    );

    // 3. Again: refreshed in place, the same charts.
    await page.getByRole("button", { name: "Write the report" }).click();
    const refreshed = await page
      .getByText(/^Refreshed the Report sheet/)
      .waitFor({ timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    const again = await page.evaluate(
      () => window.__fakeWorkbook.charts().filter((c) => c.sheet === "Report").length
    );
    record(
      "a second run refreshes the sheet and updates the three charts (never duplicated)",
      refreshed && again === 3
    );

    // 4. Failed runs leave the Report sheet exactly as it was, with a message each.
    const before = await page.evaluate(() => window.__fakeWorkbook.exportState());
    const failures = [
      ["Cash rate", "four percent", /Cash rate must be an annual rate as a number/],
      ["Trend window", "5000", /needs 5000 days of prices before its first signal/],
      ["Volatility target", "0", /voltarget 0/],
    ];
    for (const [field, value, message] of failures) {
      await page.getByRole("textbox", { name: field }).fill(value);
      await page.getByRole("button", { name: "Write the report" }).click();
      const shown = await page
        .getByText(message)
        .waitFor({ timeout: 30_000 })
        .then(() => true)
        .catch(() => false);
      const after = await page.evaluate(() => window.__fakeWorkbook.exportState());
      record(
        `${field} "${value}": a clear message and the previous Report sheet intact`,
        shown && after === before
      );
      if (field === "Cash rate")
        await page.screenshot({ path: path.join(artefacts, "report-error.png") });
      await page.getByRole("textbox", { name: field }).fill("");
    }
    // The user's note beside the report (not a cell the report writes) survives a refresh.
    await page.evaluate(() => window.__fakeWorkbook.setCell("Report", "A40", "my note"));
    await page.getByRole("textbox", { name: "Trend window" }).fill("100");
    await page.getByRole("button", { name: "Write the report" }).click();
    const withRule = await page
      .getByText(/^Refreshed the Report sheet/)
      .waitFor({ timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    const kept = await page.evaluate(() => ({
      note: window.__fakeWorkbook.getCell("Report", "A40"),
      settings: window.__fakeWorkbook.getCell("Report", "A4"),
      cells: window.__fakeWorkbook.getCell("Report", "A5"),
    }));
    record(
      'with trend window 100 the report reruns under "trend 100" and the user\'s note at A40 is kept',
      withRule &&
        kept.note === "my note" &&
        /rule "trend 100"/.test(String(kept.settings)) &&
        /"trend 100",0\)$/.test(String(kept.cells)),
      JSON.stringify(kept)
    );
    await page.screenshot({ path: path.join(artefacts, "report-tab-rule.png") });
    record("no page errors", errors.length === 0, errors.join("; "));
  } finally {
    await close();
  }
  record("no request left the machine", escaped.length === 0, escaped.join(", "));
  finish();
}

runSuite("e2e-report", main);
