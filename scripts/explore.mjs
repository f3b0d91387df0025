#!/usr/bin/env node
/**
 * `npm run test:explore [-- rounds] [jest args…]`: runs the Jest suites with fresh random seeds for
 * the property tests (FC_SEED=random), `rounds` times (default 3), to look for counterexamples the
 * fixed seed of `npm test` does not reach. fast-check prints the seed and path of any failure;
 * replay it with FC_SEED=<seed> npx jest <file>.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args[0] ?? "") ? Number(args.shift()) : 3;
const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
let failed = 0;
for (let round = 1; round <= rounds; round++) {
  console.log(`explore: round ${round} of ${rounds} (FC_SEED=random)`);
  const run = spawnSync(process.execPath, [jest, "--silent", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FC_SEED: "random" },
  });
  if (run.status !== 0) failed++;
}
console.log(`explore: ${rounds - failed} of ${rounds} rounds passed`);
process.exit(failed === 0 ? 0 : 1);
