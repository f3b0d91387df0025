#!/usr/bin/env node
/**
 * `npm run stop`: stop the development server started by `npm start` on this machine, and on
 * Windows/macOS also unregister the sideloaded add-in (Microsoft's office-addin-debugging stop).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const pidFile = path.join(os.tmpdir(), `diversify-dev-server-${port}.pid`);

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(root, "node_modules", ".bin", "office-addin-debugging");
  spawnSync(bin, ["stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
}

if (!fs.existsSync(pidFile)) {
  console.log(`No Diversify development server is running on port ${port}.`);
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  console.log(`Stopped the Diversify development server (process ${pid}).`);
} catch (error) {
  if (error && error.code === "ESRCH") {
    console.log(`The development server (process ${pid}) had already stopped.`);
  } else {
    console.error(
      `Could not stop process ${pid}: ${error instanceof Error ? error.message : String(error)}`
    );
    process.exit(1);
  }
} finally {
  fs.rmSync(pidFile, { force: true });
}
