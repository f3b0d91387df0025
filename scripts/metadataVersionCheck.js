#!/usr/bin/env node
/**
 * Ties the custom functions' metadata to the manifest's <Version>. Excel caches functions.json for
 * up to a day and ignores cache headers (OfficeDev/office-js #2777, #4722): until it refetches, a
 * parameter added to a function is not declared, and Excel passes the Invocation object in its
 * slot. A new manifest <Version> is what makes Office take the add-in as updated, so every change
 * of functions.json must come with a version bump.
 *
 * The record is manifest.functions-hash.json beside manifest.xml: the manifest version and the
 * SHA-256 of the built functions.json in canonical form (see canonicalJson: sorted keys, no
 * whitespace, help URLs without their origin, so development and ADDIN_PUBLIC_URL builds hash the
 * same). It is a separate small file, not an XML comment in the manifest, so recording never
 * rewrites manifest.xml (which other edits touch) and the check needs no XML parsing.
 *
 *   node scripts/metadataVersionCheck.js           check the build against the record
 *   node scripts/metadataVersionCheck.js --record  record the build's hash with the current version
 *
 * Check: passes when the hash is the recorded one; when it differs and <Version> is the recorded
 * one, fails with "functions.json changed: bump <Version> in manifest.xml and run npm run
 * metadata:hash"; when it differs and <Version> was bumped, fails asking to record the new pair
 * (so the record never falls behind and the next change is caught too). --record refuses in the
 * first case for the same reason. The build folder is $DIVERSIFY_DIST or dist/.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const RECORD_FILE = "manifest.functions-hash.json";
const BUMP_MESSAGE =
  "functions.json changed: bump <Version> in manifest.xml and run npm run metadata:hash";

/**
 * JSON text of a value with object keys sorted at every level and no whitespace, so the same
 * metadata always gives the same text whatever the generator's key order or indentation. A
 * "helpUrl" keeps only its path: the production build swaps the origin (webpack.config.js).
 * O(size of the value).
 * @param {unknown} value parsed JSON
 * @returns {string}
 */
function canonicalJson(value, key) {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k], k)}`).join(",")}}`;
  }
  if (key === "helpUrl" && typeof value === "string")
    return JSON.stringify(value.replace(/^https?:\/\/[^/]+/, ""));
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical form of functions.json text. */
function metadataHash(functionsJsonText) {
  return crypto
    .createHash("sha256")
    .update(canonicalJson(JSON.parse(functionsJsonText)))
    .digest("hex");
}

/** The <Version> of manifest XML text (the first one: OfficeApp's, before any VersionOverrides). */
function manifestVersion(xml) {
  const match = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml);
  if (!match) throw new Error("manifest.xml has no <Version>");
  return match[1];
}

/**
 * The verdict for a built hash and manifest version against the record.
 * @param {{ hash: string, version: string, record?: { manifestVersion: string, functionsJsonSha256: string } }} state
 * @returns {{ ok: boolean, message: string }}
 */
function checkMetadataVersion({ hash, version, record }) {
  if (record === undefined)
    return { ok: false, message: `no ${RECORD_FILE}: run npm run metadata:hash to record one` };
  if (hash === record.functionsJsonSha256) {
    return record.manifestVersion === version
      ? { ok: true, message: `functions.json matches the record for <Version> ${version}` }
      : {
          ok: false,
          message: `<Version> is ${version} but ${RECORD_FILE} says ${record.manifestVersion}: run npm run metadata:hash`,
        };
  }
  if (version === record.manifestVersion) return { ok: false, message: BUMP_MESSAGE };
  return {
    ok: false,
    message: `functions.json changed and <Version> is now ${version}: run npm run metadata:hash to record it`,
  };
}

function readState(distDir) {
  const built = path.join(distDir, "functions.json");
  if (!fs.existsSync(built))
    throw new Error(`${built} does not exist: run the production build first`);
  const recordPath = path.join(root, RECORD_FILE);
  return {
    hash: metadataHash(fs.readFileSync(built, "utf8")),
    version: manifestVersion(fs.readFileSync(path.join(root, "manifest.xml"), "utf8")),
    record: fs.existsSync(recordPath) ? JSON.parse(fs.readFileSync(recordPath, "utf8")) : undefined,
  };
}

function main(argv) {
  const distDir = path.resolve(process.env.DIVERSIFY_DIST || path.join(root, "dist"));
  const state = readState(distDir);
  if (argv.includes("--record")) {
    const unchangedVersion =
      state.record !== undefined &&
      state.record.functionsJsonSha256 !== state.hash &&
      state.record.manifestVersion === state.version;
    if (unchangedVersion) {
      console.error(BUMP_MESSAGE.replace(" and run npm run metadata:hash", " first"));
      return 1;
    }
    const record = {
      about:
        "scripts/metadataVersionCheck.js: SHA-256 of the canonical built functions.json for this manifest <Version>",
      manifestVersion: state.version,
      functionsJsonSha256: state.hash,
    };
    fs.writeFileSync(path.join(root, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`${RECORD_FILE}: recorded <Version> ${state.version}, ${state.hash.slice(0, 12)}…`);
    return 0;
  }
  const verdict = checkMetadataVersion(state);
  (verdict.ok ? console.log : console.error)(verdict.message);
  return verdict.ok ? 0 : 1;
}

module.exports = {
  canonicalJson,
  metadataHash,
  manifestVersion,
  checkMetadataVersion,
  main,
  BUMP_MESSAGE,
};

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
