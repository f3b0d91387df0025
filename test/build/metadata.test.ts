import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// The list the webpack metadata plugin reads (scripts/functionSources.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourceFiles } = require("../../scripts/functionSources") as {
  functionSourceFiles: string[];
};

const root = path.resolve(__dirname, "..", "..");

/** Loads a catalogue file as Node would, to see what it exports (the files are chosen at run time). */
function loadModule(source: string): Record<string, (...args: unknown[]) => unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(source) as Record<string, (...args: unknown[]) => unknown>;
}
const sources = functionSourceFiles.map((file) => path.resolve(root, file));

/** The functions whose large calls run in the background worker (src/functions/worker). */
const BACKGROUND_FUNCTIONS = [
  "BACKTEST",
  "BLACKLITTERMAN",
  "CORRMATRIX",
  "COVMATRIX",
  "EFFFRONTIER",
  "RISKWEIGHTS",
];

interface Metadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: Array<{ name: string; optional?: boolean; dimensionality?: string; type?: string }>;
    result: { dimensionality?: string };
    options?: { cancelable?: boolean };
  }>;
}

describe("custom functions metadata (generated from JSDoc, as the build does)", () => {
  let metadata: Metadata;
  let associations: Array<{ id: string; functionName: string; sourceFileName: string }>;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(sources, true);
    expect(result.errors).toEqual([]);
    metadata = JSON.parse(result.metadataJson) as Metadata;
    associations = result.associate;
  }, 60_000);

  it("lists every exported function of every catalogue file, and nothing else", () => {
    for (const source of sources) {
      const exported = Object.entries(loadModule(source))
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name)
        .sort();
      const registered = associations
        .filter((a) => path.resolve(a.sourceFileName) === source)
        .map((a) => a.functionName)
        .sort();
      expect({ source: path.relative(root, source), functions: registered }).toEqual({
        source: path.relative(root, source),
        functions: exported,
      });
    }
  });

  it("declares exactly the parameters each implementation takes", () => {
    for (const source of sources) {
      const module = loadModule(source);
      for (const association of associations.filter(
        (a) => path.resolve(a.sourceFileName) === source
      )) {
        const entry = metadata.functions.find((f) => f.id === association.id);
        expect(entry).toBeDefined();
        // A @cancelable function also takes Excel's invocation, last: not a parameter users see.
        const invocation = entry?.options?.cancelable ? 1 : 0;
        expect({
          id: association.id,
          parameterCount: (entry?.parameters.length ?? 0) + invocation,
        }).toEqual({
          id: association.id,
          parameterCount: module[association.functionName].length,
        });
      }
    }
  });

  it("marks the functions that can run in the background worker @cancelable", () => {
    const cancelable = metadata.functions
      .filter((f) => f.options?.cancelable === true)
      .map((f) => f.id)
      .sort();
    expect(cancelable).toEqual(BACKGROUND_FUNCTIONS);
  });

  it("gives every function a valid unique id, a description, parameter help and a help URL", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of metadata.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,127}$/);
      expect(fn.name).toBe(fn.id);
      expect(fn.description?.length).toBeGreaterThan(10);
      expect(fn.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\.html#[a-z]+$/);
      for (const parameter of fn.parameters) {
        expect({
          fn: fn.id,
          parameter: parameter.name,
          hasHelp: (parameter as { description?: string }).description !== undefined,
        }).toEqual({
          fn: fn.id,
          parameter: parameter.name,
          hasHelp: true,
        });
      }
    }
  });

  it("is documented in README.md and on the help page, one section per function", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const help = fs.readFileSync(path.join(root, "src", "help", "help.html"), "utf8");
    for (const fn of metadata.functions) {
      expect({ fn: fn.id, inReadme: readme.includes(`DIVERSIFY.${fn.name}(`) }).toEqual({
        fn: fn.id,
        inReadme: true,
      });
      const anchor = fn.helpUrl?.split("#")[1];
      expect({ fn: fn.id, inHelp: help.includes(`id="${anchor}"`) }).toEqual({
        fn: fn.id,
        inHelp: true,
      });
    }
  });
});
