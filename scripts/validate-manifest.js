#!/usr/bin/env node
/**
 * `npm run validate`: offline manifest checks (see scripts/manifestCheck.js) on manifest.xml and,
 * when a build exists, on dist/manifest.xml (whose origin is ADDIN_PUBLIC_URL in production builds).
 * `npm run validate:online` runs Microsoft's validator, which needs the internet.
 */
const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifestCheck");

const root = path.resolve(__dirname, "..");
const targets = [{ file: path.join(root, "manifest.xml"), origin: "https://localhost:3000" }];
const built = path.join(root, "dist", "manifest.xml");
if (fs.existsSync(built))
  targets.push({ file: built, assetsDir: path.join(root, "dist", "assets") });

let failed = false;
for (const target of targets) {
  const problems = checkManifest(fs.readFileSync(target.file, "utf8"), {
    origin: target.origin,
    assetsDir: target.assetsDir ?? path.join(root, "assets"),
  });
  const name = path.relative(root, target.file);
  if (problems.length === 0) {
    console.log(`${name}: valid (offline checks: ids, resources, shared runtime, URLs, icons)`);
  } else {
    failed = true;
    console.error(`${name}: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
}
process.exit(failed ? 1 : 0);
