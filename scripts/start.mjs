#!/usr/bin/env node
/**
 * `npm start`: serve the add-in over https://localhost:3000 and sideload it where that is possible.
 *
 * - Windows / macOS with Excel: Microsoft's office-addin-debugging sideloads manifest.xml into Excel
 *   desktop and starts the dev server (as the templates do). Pass --web to skip the sideload.
 * - Anywhere else (Linux, CI, no Excel): start the dev server ourselves with a generated development
 *   certificate, check that it really serves the add-in, and print how to sideload it into Excel on
 *   the web.
 * The Office tools exit 0 even when they fail, so success is judged by fetching the pages ourselves.
 * Ctrl-C or `npm run stop` stops the server.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const origin = `https://localhost:${port}`;
const pidFile = path.join(os.tmpdir(), `diversify-dev-server-${port}.pid`);
const READY_TIMEOUT_MS = 180_000;

function fail(message) {
  console.error(`\nnpm start failed: ${message}\n`);
  process.exit(1);
}

function fetchStatus(url, ca) {
  return new Promise((resolve) => {
    const request = https.get(url, { ca, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    request.on("timeout", () => {
      request.destroy();
      resolve(0);
    });
  });
}

function portInUse() {
  return new Promise((resolve) => {
    const socket = require("node:net").connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

async function waitUntilServed(server, ca) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = null;
  server.on("exit", (code) => (exited = code ?? 1));
  while (Date.now() < deadline) {
    if (exited !== null)
      fail(`the development server stopped (exit code ${exited}); see its output above.`);
    const pages = await Promise.all(
      ["taskpane.html", "functions.json", "functions.js", "manifest.xml"].map((page) =>
        fetchStatus(`${origin}/${page}`, ca)
      )
    );
    if (pages.every((status) => status === 200)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  fail(
    `the development server did not serve ${origin}/taskpane.html within ${READY_TIMEOUT_MS / 1000} s.`
  );
}

function printWebInstructions(caPath) {
  const manifest = path.join(root, "manifest.xml");
  console.log(`
Diversify is being served at ${origin} (development build, demo data, no key needed).

No Excel desktop here, so sideload it into Excel on the web:
  1. Trust the development certificate once, in the browser you will use for Excel on the web:
     import ${caPath} as a trusted certificate authority
     (Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import;
      Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import).
     Check it: open ${origin}/taskpane.html; it must load without a certificate warning.
  2. Open a workbook in Excel on the web (https://www.office.com), then Home > Add-ins > More Settings
     (or Insert > Add-ins > My Add-ins) > Upload My Add-in, and choose:
       ${manifest}
  3. Type =DIVERSIFY.RETURNS( in a cell, or open the pane with the Diversify button on the Home tab.

The browser running Excel must be on this machine (the add-in is served from localhost).
Stop with Ctrl-C, or run "npm run stop" from another terminal.
`);
}

async function startDesktopSideload() {
  // Microsoft's tool builds, starts the dev server (npm run dev-server) and sideloads into Excel desktop.
  const bin = path.join(
    root,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging"
  );
  const child = spawn(bin, ["start", "manifest.xml", "desktop"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  await new Promise((resolve) => child.on("exit", resolve));
  const { httpsServerOptions } = require("./devCerts.js");
  const { ca } = await httpsServerOptions();
  const status = await fetchStatus(`${origin}/taskpane.html`, ca);
  if (status !== 200) {
    fail(
      `Excel desktop sideloading did not start the add-in server at ${origin} (the Office tool reports success even when it fails). Try "npm run dev-server" to see the server's errors.`
    );
  }
  console.log(
    `\nDiversify is sideloaded into Excel desktop and served at ${origin}. Stop with "npm run stop".`
  );
}

async function startServerOnly() {
  if (await portInUse()) {
    fail(
      `port ${port} is already in use. Stop the other server ("npm run stop", or close the program using the port) and try again.`
    );
  }
  const { httpsServerOptions, certificateFiles } = require("./devCerts.js");
  let ca;
  try {
    ({ ca } = await httpsServerOptions());
  } catch (error) {
    fail(
      `could not create the development certificate: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  console.log(`Starting the development server on ${origin} …`);
  const webpackCli = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Webpack's own progress is noise here; errors are not.
  server.stdout.on("data", (chunk) => {
    const text = chunk.toString();
    if (/ERROR|error TS|Module not found/.test(text)) process.stdout.write(text);
  });
  server.stderr.on("data", (chunk) => {
    const text = chunk.toString();
    if (!/DeprecationWarning|\[webpack-dev-server\]|<i> /.test(text)) process.stderr.write(text);
  });
  // `npm run stop` signals this process (not webpack), so both stop and the exit code is 0.
  fs.writeFileSync(pidFile, String(process.pid));
  let stopping = false;
  const stop = () => {
    stopping = true;
    server.kill("SIGTERM");
    fs.rmSync(pidFile, { force: true });
    console.log("\nStopped the Diversify development server.");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await waitUntilServed(server, ca);
  printWebInstructions(certificateFiles.ca);
  server.on("exit", (code) => {
    fs.rmSync(pidFile, { force: true });
    if (!stopping) fail(`the development server stopped unexpectedly (exit code ${code}).`);
  });
}

const wantsWebOnly = process.argv.includes("--web") || process.env.CI === "true";
if ((process.platform === "win32" || process.platform === "darwin") && !wantsWebOnly) {
  startDesktopSideload().catch((error) =>
    fail(error instanceof Error ? error.message : String(error))
  );
} else {
  startServerOnly().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
