import fc from "fast-check";
import * as catalogue from "../../src/functions/functions";

/**
 * Every synchronous custom function, called with what Excel could pass (random ranges of numbers,
 * blanks, zeros, text, booleans and error values, and random option values), either spills a
 * rectangular grid of finite numbers, text, booleans and error cells, or throws a #VALUE!/#N/A with
 * a message — never an internal error, a null (Excel shows 0), NaN or Infinity.
 */

/** The data functions fetch asynchronously; they have their own tests against fake providers. */
const ASYNC = new Set(["history", "top", "indexConstituents"]);

const syncFunctions = Object.entries(catalogue).filter(
  ([name, value]) => typeof value === "function" && !ASYNC.has(name)
) as Array<[string, (...args: unknown[]) => unknown]>;

/** An Excel error value as the runtime passes one inside a range. */
const errorValue = { type: "Error", errorType: "Div0", message: "#DIV/0!" };

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0.01, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("", null, 0, 1e308, 5e-324, -1) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("BTC", "ETH", "Date", " 12 ", "erc", "x") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, errorValue) }
);

/** A header of names (often) over random rows: the shape most arguments take. */
const range = fc
  .record({
    rows: fc.integer({ min: 1, max: 7 }),
    cols: fc.integer({ min: 1, max: 5 }),
    header: fc.boolean(),
    date: fc.boolean(),
  })
  .chain(({ rows, cols, header, date }) =>
    fc
      .array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((body) => {
        const grid = date ? body.map((row, t) => [45000 + t, ...row]) : body;
        if (!header) return grid;
        const names = Array.from(
          { length: cols },
          (_, j) => ["BTC", "ETH", "SOL", "ADA", "XRP"][j]
        );
        return [date ? ["Date", ...names] : names, ...grid];
      })
  );

/** Clean positive prices under a header, so calls also reach the deeper code paths. */
const prices = fc
  .record({ rows: fc.integer({ min: 2, max: 30 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.double({ min: 0.5, max: 2, noNaN: true }), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map((moves) => {
        const level = new Array<number>(cols).fill(100);
        const body = Array.from({ length: rows }, (_, t) =>
          level.map((p, j) => (level[j] = p * moves[t * cols + j]))
        );
        return [["BTC", "ETH", "SOL", "ADA", "XRP"].slice(0, cols), ...body];
      })
  );

const option = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(null, undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>("", 0, 1, 2, 0.05, 0.5, -1, 3, 365, 1e9, 2.5, 1000),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      "erc",
      "hrp",
      "minvar",
      "maxsharpe",
      "pearson",
      "kendall",
      "spearman",
      "ewma",
      "log",
      "stats",
      "weights",
      "series",
      "episodes",
      "band",
      "previous",
      "common",
      "keep",
      "ledoitwolf",
      "monthly",
      "none",
      "historical",
      "cornishfisher",
      "nonsense"
    ),
  },
  { weight: 1, arbitrary: range }
);

/**
 * A coherent call: prices for n assets, weights for the same n assets (labelled or bare), and
 * each argument drawn from those, an option value or a stray range — so some calls are valid and
 * reach the core and the spill, and the rest probe the argument checks.
 */
const scenarioArgs = (arity: number) =>
  fc.integer({ min: 1, max: 5 }).chain((n) => {
    const names = ["BTC", "ETH", "SOL", "ADA", "XRP"].slice(0, n);
    const pricesOfN = fc
      .array(fc.double({ min: 0.6, max: 1.6, noNaN: true }), {
        minLength: 40 * n,
        maxLength: 40 * n,
      })
      .map((moves) => {
        const level = new Array<number>(n).fill(100);
        const body = Array.from({ length: 40 }, (_, t) =>
          level.map((p, j) => (level[j] = p * moves[t * n + j]))
        );
        return [names, ...body] as unknown[][];
      });
    const weightsOfN = fc
      .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n })
      .chain((raw) => {
        const total = raw.reduce((a, b) => a + b, 0);
        const w = raw.map((x) => x / total);
        return fc.constantFrom<unknown>(
          w.map((x) => [x]),
          [w],
          w.map((x, j) => [names[j], x])
        );
      });
    const argument = fc.oneof(
      { weight: 3, arbitrary: pricesOfN },
      { weight: 2, arbitrary: weightsOfN },
      { weight: 4, arbitrary: option }
    );
    // Users give the first few arguments and omit the rest, which Excel passes as null.
    return fc
      .tuple(
        fc.integer({ min: 1, max: Math.min(arity, 4) }),
        fc.oneof(pricesOfN, weightsOfN),
        ...Array.from({ length: arity - 1 }, () => argument)
      )
      .map(([given, ...args]) => args.map((arg, k) => (k < given ? arg : null)));
  });

/** The functions that may run in the background worker return a promise: await it. */
async function checkOutcome(run: () => unknown): Promise<void> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    expect(e.name).toBe("CustomFunctions.Error");
    expect(["#VALUE!", "#N/A"]).toContain(e.code);
    expect(e.message).toBeTruthy();
    expect(e.message).not.toMatch(/internal error/);
    return;
  }
  expect(Array.isArray(value)).toBe(true);
  const grid = value as unknown[][];
  expect(grid.length).toBeGreaterThan(0);
  const width = grid[0].length;
  for (const row of grid) {
    expect(Array.isArray(row) && row.length === width).toBe(true);
    for (const x of row) {
      if (typeof x === "number") expect(Number.isFinite(x)).toBe(true);
      else if (x instanceof Error)
        expect(["#VALUE!", "#N/A"]).toContain((x as { code?: string }).code);
      else expect(["string", "boolean"]).toContain(typeof x);
    }
  }
}

describe("every synchronous custom function with what Excel could pass", () => {
  it("covers the whole synchronous catalogue", () => {
    expect(syncFunctions.length).toBeGreaterThanOrEqual(22);
  });

  for (const [name, fn] of syncFunctions) {
    it(`${name}: random ranges and options give a clean spill or a clear error`, async () => {
      const arity = Math.max(fn.length, 1);
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(fc.oneof(range, prices), ...Array.from({ length: arity - 1 }, () => option)),
          (args) => checkOutcome(() => fn(...args))
        ),
        { numRuns: 150 }
      );
    });

    it(`${name}: coherent prices, weights and options give a clean spill or a clear error`, async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArgs(Math.max(fn.length, 1)), (args) =>
          checkOutcome(() => fn(...args))
        ),
        { numRuns: 300 }
      );
    });
  }
});
