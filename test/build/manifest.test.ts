import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/manifestCheck") as {
  checkManifest: (xml: string, options?: { origin?: string; assetsDir?: string }) => string[];
};

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");

describe("manifest.xml (offline checks)", () => {
  it("passes every check with its development origin and its icons", () => {
    expect(checkManifest(manifest, { origin: "https://localhost:3000", assetsDir })).toEqual([]);
  });

  it("declares the DIVERSIFY namespace and one long-lived shared runtime", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="DIVERSIFY"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  });

  it("reports a page that would start a second runtime", () => {
    const broken = manifest.replace(
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Functions.Script.Url"/>'
    );
    expect(checkManifest(broken, { assetsDir })).toContain(
      "<FunctionFile> (Functions.Script.Url) must use the runtime's resid (Taskpane.Url)"
    );
  });

  it("reports an undefined resource id, a bad id, http URLs and a foreign origin", () => {
    const broken = manifest
      .replace('resid="Group.Label"', 'resid="Group.Missing"')
      .replace("<Id>8e03e4f0-0ebb-4c90-99da-ee41d7279558</Id>", "<Id>not-a-guid</Id>")
      .replace("https://localhost:3000/help.html", "http://localhost:3000/help.html")
      .replace(
        "https://localhost:3000/assets/icon-16.png",
        "https://elsewhere.example/assets/icon-16.png"
      );
    const problems = checkManifest(broken, { assetsDir });
    expect(problems).toEqual(
      expect.arrayContaining([
        'resid "Group.Missing" is used but not defined in <Resources>',
        '<Id> must be a GUID; got "not-a-guid"',
        'URL "http://localhost:3000/help.html" must use https',
        'URL "https://elsewhere.example/assets/icon-16.png" is not on the add-in\'s origin https://localhost:3000',
      ])
    );
  });

  it("reports malformed XML and a missing icon file", () => {
    expect(checkManifest("<OfficeApp><Id>", { assetsDir })[0]).toMatch(
      /^manifest.xml is not well-formed XML/
    );
    const missingIcon = manifest.replace("assets/icon-80.png", "assets/icon-81.png");
    expect(checkManifest(missingIcon, { assetsDir })).toContain(
      `icon assets/icon-81.png does not exist in ${assetsDir}`
    );
  });
});

describe("manifest.xml: shared-runtime tidying", () => {
  it("lists no AppDomain for its own origin, and the check refuses one", () => {
    expect(manifest).not.toMatch(/<AppDomains?>/);
    const withOwn = manifest.replace(
      "<Hosts>",
      "<AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains><Hosts>"
    );
    expect(checkManifest(withOwn, { origin: "https://localhost:3000", assetsDir })).toEqual([
      "<AppDomains> lists the add-in's own origin https://localhost:3000; remove it (AppDomain is for other domains only)",
    ]);
    const other = manifest.replace(
      "<Hosts>",
      "<AppDomains><AppDomain>https://api.example.com</AppDomain></AppDomains><Hosts>"
    );
    expect(checkManifest(other, { origin: "https://localhost:3000", assetsDir })).toEqual([]);
  });

  it("keeps one TaskpaneId, so the ribbon button opens the one shared-runtime pane", () => {
    expect(manifest.match(/<TaskpaneId>/g)).toHaveLength(1);
  });
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const metadataCheck = require("../../scripts/metadataVersionCheck") as {
  canonicalJson: (value: unknown) => string;
  metadataHash: (text: string) => string;
  manifestVersion: (xml: string) => string;
  checkMetadataVersion: (state: {
    hash: string;
    version: string;
    record?: { manifestVersion: string; functionsJsonSha256: string };
  }) => { ok: boolean; message: string };
  BUMP_MESSAGE: string;
};

describe("metadata version check (functions.json hash tied to manifest <Version>)", () => {
  const metadata = {
    functions: [
      {
        id: "VAR",
        helpUrl: "https://localhost:3000/help.html#var",
        parameters: [{ name: "returns" }],
      },
    ],
    allowErrorForDataTypeAny: true,
  };

  it("hashes the canonical form: key order, whitespace and the help URLs' origin do not count", () => {
    const text = JSON.stringify(metadata, null, 2);
    const reordered = JSON.stringify({
      allowErrorForDataTypeAny: true,
      functions: [
        {
          parameters: [{ name: "returns" }],
          helpUrl: "https://diversify.example.com/help.html#var",
          id: "VAR",
        },
      ],
    });
    expect(metadataCheck.metadataHash(reordered)).toBe(metadataCheck.metadataHash(text));
    expect(metadataCheck.canonicalJson({ b: [1, { d: 2, c: 3 }], a: "x" })).toBe(
      '{"a":"x","b":[1,{"c":3,"d":2}]}'
    );
  });

  it("a new optional parameter changes the hash", () => {
    const added = structuredClone(metadata);
    added.functions[0].parameters.push({ name: "confidence", optional: true } as never);
    expect(metadataCheck.metadataHash(JSON.stringify(added))).not.toBe(
      metadataCheck.metadataHash(JSON.stringify(metadata))
    );
  });

  it("fails with the bump message when the hash changed and <Version> did not", () => {
    const record = { manifestVersion: "0.1.0.0", functionsJsonSha256: "aaa" };
    expect(metadataCheck.checkMetadataVersion({ hash: "aaa", version: "0.1.0.0", record })).toEqual(
      { ok: true, message: "functions.json matches the record for <Version> 0.1.0.0" }
    );
    expect(metadataCheck.checkMetadataVersion({ hash: "bbb", version: "0.1.0.0", record })).toEqual(
      {
        ok: false,
        message:
          "functions.json changed: bump <Version> in manifest.xml and run npm run metadata:hash",
      }
    );
    expect(
      metadataCheck.checkMetadataVersion({ hash: "bbb", version: "0.2.0.0", record }).message
    ).toMatch(/<Version> is now 0\.2\.0\.0: run npm run metadata:hash to record it/);
    expect(metadataCheck.checkMetadataVersion({ hash: "bbb", version: "0.1.0.0" }).ok).toBe(false);
  });

  it("reads the manifest's own <Version>; the committed record is a version and a SHA-256", () => {
    // Whether they match the build is the job of the check after the build (validate-manifest.js).
    expect(metadataCheck.manifestVersion(manifest)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const record = JSON.parse(
      fs.readFileSync(path.join(root, "manifest.functions-hash.json"), "utf8")
    );
    expect(record.manifestVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(record.functionsJsonSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
