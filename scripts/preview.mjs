#!/usr/bin/env node
/**
 * Click through the task pane in any browser, without Excel: serves the built add-in (dist/) on
 * http://127.0.0.1:PORT with the Office.js test double (test/e2e/officeDouble.js) in place of
 * Microsoft's office.js, so the pane runs against an in-memory workbook. Open the printed URL: the
 * pane is on the left, the workbook's tables (Constituents, Prices, Holdings, Rebalance) — and the
 * Report sheet's statistics, curve and rolling tables with its charts listed by name — on the right, each cell shown through its number format as Excel would show it (dates as yyyy-mm-dd,
 * weights as percentages, prices and market caps with separators). Nothing leaves the machine with
 * the demo provider.
 *
 * Usage: npm run build && node scripts/preview.mjs [--port 3100]   (or PORT=3100)
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.env.DIVERSIFY_DIST || path.join(root, "dist"));
const doublePath = path.join(root, "test", "e2e", "officeDouble.js");
const portFlag = process.argv.indexOf("--port");
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : process.env.PORT || 3100);
const OFFICE_JS =
  /<script[^>]*src=["']?https:\/\/appsforoffice\.microsoft\.com\/[^"' >]*office\.js["']?[^>]*><\/script>/;
/<script[^>]*src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*office\.js"[^>]*><\/script>/;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** The preview page: the pane in a 380 px frame and a live view of the in-memory workbook. */
const PREVIEW_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Diversify preview (no Excel)</title>
<style>
  body { margin: 0; display: flex; font: 13px system-ui, sans-serif; height: 100vh; }
  iframe { width: 380px; border: 0; border-right: 1px solid #ccc; height: 100%; }
  #book { flex: 1; overflow: auto; padding: 12px; }
  table { border-collapse: collapse; margin-top: 8px; }
  td, th { border: 1px solid #ddd; padding: 2px 6px; text-align: right; white-space: nowrap; }
  th { background: #f3f3f3; }
  td.text { text-align: left; }
  .note { color: #666; }
</style></head>
<body><iframe src="taskpane.html" title="Diversify task pane"></iframe>
<div id="book"><b>In-memory workbook</b> <span class="note">(the Office double; Excel is not involved)</span>
<div><label>Table <select id="pick"></select></label> <span id="meta" class="note"></span></div>
<div id="grid" class="note">Build an index in the pane.</div></div>
<script>
  const frame = document.querySelector("iframe");
  const pick = document.getElementById("pick");
  function show() {
    const book = frame.contentWindow && frame.contentWindow.__fakeWorkbook;
    if (!book) return;
    // The Report sheet (issue 14) holds plain cells and charts, not tables: a view of its own.
    const names = book.tableNames().concat(book.sheetNames().includes("Report") ? [REPORT] : []);
    if (pick.options.length !== names.length) {
      const keep = pick.value;
      pick.innerHTML = names.map((n) => "<option>" + n + "</option>").join("");
      if (names.includes(keep)) pick.value = keep;
    }
    if (pick.value === REPORT) return showReport(book);
    const table = pick.value && book.table(pick.value);
    if (!table) return;
    document.getElementById("meta").textContent =
      table.address + " · " + table.rows.length + " rows · " + book.syncCount + " syncs so far";
    const esc = (v) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;");
    // As Excel shows the cells: each value through its number format (the double's Range.text),
    // so a date reads 2026-11-26, not its serial 46352, and a weight 25.00%.
    const shown = table.text;
    const rows = shown.length > 40 ? shown.slice(-40) : shown;
    document.getElementById("grid").innerHTML =
      "<table><tr>" + table.headers.map((h) => "<th>" + esc(h) + "</th>").join("") + "</tr>" +
      rows
        .map((r, i) => {
          // Text left, numbers right, as Excel aligns General cells.
          const values = table.rows[table.rows.length - rows.length + i];
          return "<tr>" + r.map((v, j) =>
            "<td" + (typeof values[j] === "string" ? ' class="text"' : "") + ">" + esc(v) + "</td>"
          ).join("") + "</tr>";
        })
        .join("") +
      "</table>" + (table.rows.length > 40 ? "<p class=note>last 40 rows shown</p>" : "");
  }
  const REPORT = "Report sheet";
  const letters = (c) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const escape = (v) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  /** Cells of the Report sheet through their number formats, rows r0..r1, columns c0..c1. */
  function sheetGrid(book, r0, r1, c0, c1, skip) {
    let html = "<table>";
    for (let r = r0; r <= r1; r++) {
      if (skip && r > skip[0] && r < skip[1]) {
        if (r === skip[0] + 1) html += "<tr><td class=note colspan=" + (c1 - c0 + 1) + ">…</td></tr>";
        continue;
      }
      const cells = [];
      for (let c = c0; c <= c1; c++) {
        const address = letters(c) + (r + 1);
        const value = book.getCell("Report", address);
        const text = book.getText("Report", address);
        cells.push("<td" + (typeof value === "string" ? ' class="text"' : "") + ">" + escape(text ?? "") + "</td>");
      }
      html += "<tr>" + cells.join("") + "</tr>";
    }
    return html + "</table>";
  }
  function showReport(book) {
    let last = 1;
    while (book.getCell("Report", "H" + (last + 1)) !== undefined && book.getCell("Report", "H" + (last + 1)) !== "") last++;
    const charts = book.charts().filter((c) => c.sheet === "Report");
    document.getElementById("meta").textContent =
      "Report sheet · statistics, diversification curve, rolling tables · " + book.syncCount + " syncs so far";
    let curveEnd = 22;
    while (book.getCell("Report", "A" + (curveEnd + 2)) !== undefined && book.getCell("Report", "A" + (curveEnd + 2)) !== "") curveEnd++;
    const width = 1 + Math.max(...[1, 2, 3, 4, 5, 6].filter((c) => book.getCell("Report", letters(c) + "8") !== undefined && book.getCell("Report", letters(c) + "8") !== ""));
    document.getElementById("grid").innerHTML =
      sheetGrid(book, 0, 5, 0, 0) + sheetGrid(book, 7, 20, 0, width - 1) + sheetGrid(book, 22, curveEnd, 0, 4) +
      "<p><b>Rolling 1-year Sharpe</b> (H…) <span class=note>first and last rows of " + (last - 1) + "</span></p>" +
      sheetGrid(book, 0, last - 1, 7, 7 + width - 1, [3, last - 4]) +
      "<p><b>Drawdown</b> (from column " + letters(7 + width + 1) + ")</p>" +
      sheetGrid(book, 0, last - 1, 7 + width + 1, 7 + 2 * width, [3, last - 4]) +
      "<p><b>Charts on the Report sheet</b> <span class=note>(updated by name; the double does not draw them)</span></p><ul>" +
      charts.map((c) => "<li>" + escape(c.name) + " — " + escape(c.type) + " of " + escape(c.source) + " by " + escape(c.xAxis) + ": " + escape(c.title) + "</li>").join("") +
      "</ul>";
  }
  pick.onchange = show;
  setInterval(show, 1000);
</script></body></html>`;

if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
  console.error(`${dist}/taskpane.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const server = http.createServer((request, response) => {
  const pathname = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
  if (pathname === "/" || pathname === "/preview.html") {
    response.writeHead(200, { "content-type": TYPES[".html"] }).end(PREVIEW_PAGE);
    return;
  }
  if (pathname === "/__office-double.js") {
    response.writeHead(200, { "content-type": TYPES[".js"] });
    fs.createReadStream(doublePath).pipe(response);
    return;
  }
  const file = path.join(dist, path.normalize(pathname).replace(/^([/\\])+/, ""));
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    response.writeHead(404).end("not found");
    return;
  }
  if (path.basename(file) === "taskpane.html") {
    // Same page as in Excel, with the double loaded where office.js would be.
    const html = fs
      .readFileSync(file, "utf8")
      .replace(OFFICE_JS, '<script src="__office-double.js"></script>');
    response.writeHead(200, { "content-type": TYPES[".html"] }).end(html);
    return;
  }
  response.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
  });
  fs.createReadStream(file).pipe(response);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`Diversify preview (Office double, no Excel): http://127.0.0.1:${port}/`);
  console.log("Press Ctrl+C to stop.");
});
