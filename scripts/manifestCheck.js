/**
 * Offline checks of manifest.xml. Microsoft's `office-addin-manifest validate` posts the manifest to
 * an online service (it fails without internet) and no package ships the XML schemas, so these are
 * the rules that break a shared-runtime custom-functions add-in in practice (see
 * shared research notes and OfficeDev/office-js #1259): ids, versions, resource ids, one runtime
 * resid everywhere, https URLs on one origin, and files that the build really produces.
 */
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+(\.\d+){0,3}$/;
/** Limits from the Office add-in manifest reference (ShortString ≤ 125, LongString ≤ 250, namespace ≤ 32). */
const LIMITS = { shortString: 125, longString: 250, namespace: 32 };
/** What webpack emits into dist/ (webpack.config.js). */
const BUILT_FILES = new Set(["taskpane.html", "functions.js", "functions.json", "help.html"]);

function asArray(value) {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Every value of an attribute anywhere in the parsed tree, with the element that holds it. */
function collectAttribute(node, attribute, found = []) {
  if (Array.isArray(node)) {
    node.forEach((child) => collectAttribute(child, attribute, found));
  } else if (node && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (key === `@_${attribute}`) found.push(child);
      else collectAttribute(child, attribute, found);
    }
  }
  return found;
}

/**
 * Checks manifest XML text. Returns a list of problems (empty when the manifest passes).
 * @param {string} xml the manifest text
 * @param {{ origin?: string, assetsDir?: string, builtFiles?: Set<string> }} options
 *   origin: every URL must start with it (default: the origin of the SourceLocation);
 *   assetsDir: folder in which every /assets/ URL must exist as a file.
 */
function checkManifest(xml, options = {}) {
  const problems = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    return [
      `manifest.xml is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`,
    ];
  }
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
  const app = parser.parse(xml).OfficeApp;
  if (!app) return ["the root element must be <OfficeApp>"];

  if (!GUID.test(String(app.Id ?? ""))) problems.push(`<Id> must be a GUID; got "${app.Id}"`);
  if (!VERSION.test(String(app.Version ?? "")))
    problems.push(`<Version> must look like 1.0.0.0; got "${app.Version}"`);
  for (const element of [
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "Permissions",
  ]) {
    if (app[element] === undefined) problems.push(`<${element}> is missing`);
  }
  const hosts = asArray(app.Hosts?.Host).map((h) => h["@_Name"]);
  if (!hosts.includes("Workbook")) problems.push('<Hosts> must include <Host Name="Workbook"/>');
  const sets = asArray(app.Requirements?.Sets?.Set).map((s) => s["@_Name"]);
  if (!sets.includes("SharedRuntime"))
    problems.push("<Requirements> must include the SharedRuntime set");

  const overrides = app.VersionOverrides;
  if (!overrides) return [...problems, "<VersionOverrides> is missing"];
  const resources = overrides.Resources ?? {};
  const urls = new Map(asArray(resources.Urls?.Url).map((u) => [u["@_id"], u["@_DefaultValue"]]));
  const images = new Map(
    asArray(resources.Images?.Image).map((u) => [u["@_id"], u["@_DefaultValue"]])
  );
  const shortStrings = new Map(
    asArray(resources.ShortStrings?.String).map((u) => [u["@_id"], u["@_DefaultValue"]])
  );
  const longStrings = new Map(
    asArray(resources.LongStrings?.String).map((u) => [u["@_id"], u["@_DefaultValue"]])
  );
  const allIds = [urls, images, shortStrings, longStrings].flatMap((m) => [...m.keys()]);
  const duplicates = allIds.filter((id, i) => allIds.indexOf(id) !== i);
  if (duplicates.length)
    problems.push(`resource ids are repeated: ${[...new Set(duplicates)].join(", ")}`);

  for (const resid of collectAttribute(overrides.Hosts, "resid")) {
    if (![urls, images, shortStrings, longStrings].some((m) => m.has(resid))) {
      problems.push(`resid "${resid}" is used but not defined in <Resources>`);
    }
  }
  for (const [id, text] of shortStrings) {
    if (String(text).length > LIMITS.shortString)
      problems.push(`ShortString "${id}" is longer than ${LIMITS.shortString} characters`);
  }
  for (const [id, text] of longStrings) {
    if (String(text).length > LIMITS.longString)
      problems.push(`LongString "${id}" is longer than ${LIMITS.longString} characters`);
  }

  const host = asArray(overrides.Hosts?.Host).find((h) => h["@_type"] === "Workbook");
  if (!host) return [...problems, '<VersionOverrides> has no <Host xsi:type="Workbook">'];
  const runtime = asArray(host.Runtimes?.Runtime)[0];
  if (!runtime) problems.push("a shared runtime needs <Runtimes><Runtime …/></Runtimes>");
  else if (runtime["@_lifetime"] !== "long")
    problems.push('<Runtime> must have lifetime="long" (shared runtime)');
  const runtimeResid = runtime?.["@_resid"];
  const cf = asArray(host.AllFormFactors?.ExtensionPoint).find(
    (e) => e["@_type"] === "CustomFunctions"
  );
  if (!cf) {
    problems.push('<AllFormFactors> must have <ExtensionPoint xsi:type="CustomFunctions">');
  } else {
    const page = cf.Page?.SourceLocation?.["@_resid"];
    if (page !== runtimeResid)
      problems.push(
        `the custom functions <Page> (${page}) must use the runtime's resid (${runtimeResid})`
      );
    const namespace = shortStrings.get(cf.Namespace?.["@_resid"]);
    if (
      !namespace ||
      String(namespace).length > LIMITS.namespace ||
      !/^[A-Za-z][A-Za-z0-9._]*$/.test(namespace)
    ) {
      problems.push(
        `the functions namespace must be 1–${LIMITS.namespace} letters/digits; got "${namespace}"`
      );
    }
    const metadata = urls.get(cf.Metadata?.SourceLocation?.["@_resid"]);
    const script = urls.get(cf.Script?.SourceLocation?.["@_resid"]);
    if (!String(metadata).endsWith("/functions.json"))
      problems.push(`the functions metadata URL must end in /functions.json; got "${metadata}"`);
    if (!String(script).endsWith("/functions.js"))
      problems.push(`the functions script URL must end in /functions.js; got "${script}"`);
  }
  const desktop = host.DesktopFormFactor;
  const functionFile = desktop?.FunctionFile?.["@_resid"];
  if (functionFile !== runtimeResid)
    problems.push(
      `<FunctionFile> (${functionFile}) must use the runtime's resid (${runtimeResid})`
    );
  for (const action of collectActions(desktop)) {
    const resid = action.SourceLocation?.["@_resid"];
    if (action["@_type"] === "ShowTaskpane" && resid !== runtimeResid) {
      problems.push(
        `the ShowTaskpane action (${resid}) must use the runtime's resid (${runtimeResid}) or the pane gets a second runtime`
      );
    }
  }

  const sourceLocation = app.DefaultSettings?.SourceLocation?.["@_DefaultValue"];
  const origin = options.origin ?? (sourceLocation ? new URL(sourceLocation).origin : undefined);
  const everyUrl = [
    ...urls.values(),
    ...images.values(),
    sourceLocation,
    app.IconUrl?.["@_DefaultValue"],
    app.HighResolutionIconUrl?.["@_DefaultValue"],
    app.SupportUrl?.["@_DefaultValue"],
  ].filter(Boolean);
  for (const url of everyUrl) {
    if (!String(url).startsWith("https://")) problems.push(`URL "${url}" must use https`);
    else if (origin && new URL(url).origin !== new URL(origin).origin)
      problems.push(`URL "${url}" is not on the add-in's origin ${origin}`);
  }
  // The AppDomain reference: listing the SourceLocation's own domain "has no effect and can be
  // misleading"; AppDomains is only for other domains (and may not be empty).
  const appDomains = asArray(app.AppDomains?.AppDomain).map((d) => String(d).replace(/\/+$/, ""));
  if (origin && appDomains.includes(new URL(origin).origin))
    problems.push(
      `<AppDomains> lists the add-in's own origin ${new URL(origin).origin}; remove it (AppDomain is for other domains only)`
    );
  if (app.AppDomains !== undefined && appDomains.length === 0)
    problems.push("<AppDomains> must not be empty; remove it when there are no other domains");

  for (const url of everyUrl) {
    const pathname = new URL(url).pathname.replace(/^\//, "");
    if (pathname.startsWith("assets/")) {
      if (
        options.assetsDir &&
        !fs.existsSync(path.join(options.assetsDir, path.basename(pathname)))
      ) {
        problems.push(`icon ${pathname} does not exist in ${options.assetsDir}`);
      }
    } else if (!(options.builtFiles ?? BUILT_FILES).has(pathname)) {
      problems.push(`URL "${url}" names ${pathname}, which the build does not produce`);
    }
  }
  return problems;
}

function collectActions(node, found = []) {
  if (Array.isArray(node)) node.forEach((child) => collectActions(child, found));
  else if (node && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (key === "Action") asArray(child).forEach((a) => found.push(a));
      else collectActions(child, found);
    }
  }
  return found;
}

module.exports = { checkManifest, BUILT_FILES };
