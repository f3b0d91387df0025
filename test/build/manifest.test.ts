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
