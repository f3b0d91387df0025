#!/usr/bin/env node
/**
 * Click through the task pane in any browser, without Excel: serves the built add-in (dist/) on
 * http://127.0.0.1:PORT with the Office.js test double (test/e2e/officeDouble.js) in place of
 * Microsoft's office.js, so the pane runs against an in-memory workbook. Open the printed URL: the
 * pane is on the left, the workbook's tables (Constituents, Prices, Holdings, Rebalance) on the
 * right, each cell shown through its number format as Excel would show it (dates as yyyy-mm-dd,
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
    const names = book.tableNames();
    if (pick.options.length !== names.length) {
      const keep = pick.value;
      pick.innerHTML = names.map((n) => "<option>" + n + "</option>").join("");
      if (names.includes(keep)) pick.value = keep;
    }
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
