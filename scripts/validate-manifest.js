#!/usr/bin/env node
/**
 * `npm run validate`: offline manifest checks (see scripts/manifestCheck.js) on manifest.xml and,
 * when a build exists, on dist/manifest.xml (whose origin is ADDIN_PUBLIC_URL in production builds),
 * plus the metadata version check (scripts/metadataVersionCheck.js: a changed functions.json needs
 * a new manifest <Version>) on the built functions.json when it is newer than the function
 * sources (an older one is a stale build; `npm test` runs this again after its build).
 * The build folder is $DIVERSIFY_DIST or dist/.
 * `npm run validate:online` runs Microsoft's validator, which needs the internet.
 */
const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifestCheck");
const { functionSourceFiles } = require("./functionSources");
const { main: checkMetadataVersion } = require("./metadataVersionCheck");

const root = path.resolve(__dirname, "..");
const distDir = path.resolve(process.env.DIVERSIFY_DIST || path.join(root, "dist"));
const targets = [{ file: path.join(root, "manifest.xml"), origin: "https://localhost:3000" }];
const built = path.join(distDir, "manifest.xml");
if (fs.existsSync(built)) targets.push({ file: built, assetsDir: path.join(distDir, "assets") });

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

const builtMetadata = path.join(distDir, "functions.json");
if (fs.existsSync(builtMetadata)) {
  const builtAt = fs.statSync(builtMetadata).mtimeMs;
  const stale = functionSourceFiles.some(
    (file) => fs.statSync(path.join(root, file)).mtimeMs > builtAt
  );
  if (stale) {
    console.log(
      `${path.relative(root, builtMetadata)}: older than the function sources, not checked`
    );
  } else if (checkMetadataVersion([]) !== 0) {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
