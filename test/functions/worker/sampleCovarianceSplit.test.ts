/**
 * RISKWEIGHTS and EFFFRONTIER with the sample covariance, split: the two Gram parts, run as the
 * worker would (on structured clones) and joined, give the risk model riskModelFromReturns gives
 * (every double by Object.is), and the follow-up job on it gives the unsplit job's weights and
 * frontier, double for double; missing values give the whole job's answer from the first part;
 * every refusal is the unsplit job's; and through the pool (fake workers) the follow-up is posted
 * to one worker, a cancel during it rejects with #N/A, and with no worker everything runs here.
 */
import fc from "fast-check";
import { isCoreError } from "../../../src/core/errors";
import type { PortfolioConstraints } from "../../../src/core/optimize/types";
import type { ReturnsPanel } from "../../../src/core/types";
import {
  effFrontier as effFrontierInline,
  riskWeights as riskWeightsInline,
} from "../../../src/functions/construction";
import { FollowUpJob } from "../../../src/functions/worker/followUpJob";
import {
  type FrontierJob,
  type RiskSource,
  type RiskWeightsJob,
  riskModelOf,
  runJob,
} from "../../../src/functions/worker/jobs";
import { runPartJob, splitPlan } from "../../../src/functions/worker/partJobs";
import type { WeightingMethod } from "../../../src/functions/worker/weightsByMethod";
import { loadInPage, newFakePoolState, randomWalkPrices } from "./fakeWorkerPage";
import {
  driftReturnsPanel as returnsPanel,
  runPartsAsWorker,
  sameDoubles,
  thrownBy,
} from "./splitTestKit";
import { rejectionOf } from "../../helpers/excelErrorOf";

// Gram products of 2e7+ pair-rows and frontiers of 160 assets, twice per case: slow on a loaded box.
jest.setTimeout(120_000);

const mockWorkerpool = newFakePoolState();
jest.mock("workerpool", () =>
  jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
);

function source(
  returns: ReturnsPanel,
  estimator = "sample",
  periodsPerYear = 365
): Extract<RiskSource, { kind: "returns" }> {
  return {
    kind: "returns",
    returns,
    labels: [...returns.labels],
    hasHeader: true,
    estimator,
    periodsPerYear,
  };
}

/** A deep copy of a job's input (the split moves and rewrites the original's arrays). */
function copied<T>(input: T): T {
  return structuredClone(input);
}

/** Every number of two job outputs (weights, or frontier rows) by Object.is, text by ===. */
function sameOutput(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b);
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    if (!(ArrayBuffer.isView(b) || Array.isArray(b)) || x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (!sameOutput(x[k], y[k])) return false;
    return true;
  }
  return a === b;
}

/** Runs a plan's parts here on clones of their inputs (as postMessage would) and joins them. */
function joinedParts(plan: NonNullable<ReturnType<typeof splitPlan>>): {
  outputs: unknown[];
  joined: unknown;
} {
  const outputs = runPartsAsWorker(plan);
  return { outputs, joined: plan.join(outputs) };
}

type SplitName = "riskWeights" | "frontier";
type SplitInput<N extends SplitName> = N extends "riskWeights" ? RiskWeightsJob : FrontierJob;

/**
 * The split path of a job on this thread: parts, join, then the follow-up job on a clone of its
 * input; checks on the way that the joined model is the unsplit riskModelOf's, field by field.
 */
function splitOutput<N extends SplitName>(name: N, input: SplitInput<N>): unknown {
  const unsplitModel = riskModelOf(copied(input.source));
  const plan = splitPlan(name, input as never);
  expect(plan?.parts.map((part) => part.name)).toEqual(["sampleGramRows", "centredCrossProduct"]);
  const { outputs, joined } = joinedParts(plan!);
  expect((outputs[0] as { kind: string }).kind).toBe("rows");
  expect(joined).toBeInstanceOf(FollowUpJob);
  const followUp = joined as FollowUpJob;
  expect(followUp.name).toBe(name);
  const next = followUp.input as SplitInput<N>;
  expect(next.source.kind).toBe("matrix");
  const model = (next.source as Extract<RiskSource, { kind: "matrix" }>).model;
  expect(Object.keys(model).sort()).toEqual(Object.keys(unsplitModel).sort());
  expect(model.cov.size).toBe(unsplitModel.cov.size);
  expect(model.cov.labels).toEqual(unsplitModel.cov.labels);
  expect(sameDoubles(model.cov.data, unsplitModel.cov.data)).toBe(true);
  expect(model.returns!.kind).toBe("returns");
  expect([model.returns!.rows, model.returns!.cols]).toEqual([
    unsplitModel.returns!.rows,
    unsplitModel.returns!.cols,
  ]);
  expect(model.returns!.labels).toEqual(unsplitModel.returns!.labels);
  expect(sameDoubles(model.returns!.data, unsplitModel.returns!.data)).toBe(true);
  expect(model.labels).toEqual(unsplitModel.labels);
  expect(model.hasLabels).toBe(unsplitModel.hasLabels);
  expect(model.periodsPerYear).toBe(unsplitModel.periodsPerYear);
  // The rest of the job's input travels unchanged.
  expect({ ...next, source: undefined }).toEqual({ ...input, source: undefined });
  // The follow-up moves the returns and the covariance to its worker.
  expect(followUp.transfer).toEqual([model.returns!.data, model.cov.data]);
  return runJob(name, copied(followUp.input) as never);
}

/** 160 assets × 1,600 returns: just above the split's threshold (2e7 pair-rows). */
const ROWS = 1600;
const COLS = 160;

const BOUNDS: PortfolioConstraints = { lower: 0.001, upper: 0.05 };

describe("the sample covariance split of RISKWEIGHTS and EFFFRONTIER", () => {
  it("is planned only for large returns with the plain sample estimator", () => {
    const big = returnsPanel(ROWS, COLS);
    const weights = (s: RiskSource): RiskWeightsJob => ({
      source: s,
      method: "erc",
      riskFree: 0,
      constraints: {},
    });
    const frontier = (s: RiskSource): FrontierJob => ({
      source: s,
      points: 10,
      riskFree: 0,
      constraints: {},
    });
    for (const estimator of ["sample", " Sample ", "SAMPLE", ""]) {
      expect(splitPlan("riskWeights", weights(source(big, estimator)))?.parts).toHaveLength(2);
      expect(splitPlan("frontier", frontier(source(big, estimator)))?.parts).toHaveLength(2);
    }
    for (const estimator of ["ledoitwolf", "oas", "gerber 0.7", "semi 0.0001", "ewma", "nope"]) {
      expect(splitPlan("riskWeights", weights(source(big, estimator)))).toBeUndefined();
      expect(splitPlan("frontier", frontier(source(big, estimator)))).toBeUndefined();
    }
    const model = riskModelOf(source(returnsPanel(200, COLS)));
    expect(splitPlan("riskWeights", weights({ kind: "matrix", model }))).toBeUndefined();
    expect(splitPlan("frontier", frontier({ kind: "matrix", model }))).toBeUndefined();
    // Below the threshold: 63 columns, or 160 columns × 1,562 rows (1.9994e7 pair-rows).
    expect(splitPlan("riskWeights", weights(source(returnsPanel(6000, 63))))).toBeUndefined();
    expect(splitPlan("riskWeights", weights(source(returnsPanel(1562, COLS))))).toBeUndefined();
    expect(splitPlan("riskWeights", weights(source(returnsPanel(1563, COLS))))).toBeDefined();
  });

  it.each<[WeightingMethod, PortfolioConstraints]>([
    ["erc", {}],
    ["hrp", {}],
    ["invvol", {}],
    ["minvar", {}],
    ["minvar", BOUNDS],
    ["maxsharpe", BOUNDS],
    ["herc", {}],
  ])("RISKWEIGHTS %s %j: the split gives the unsplit weights, double for double", (method, c) => {
    const returns = returnsPanel(ROWS, COLS, 11);
    const input: RiskWeightsJob = {
      source: source(returns),
      method,
      riskFree: 0.01,
      constraints: c,
    };
    const expected = runJob("riskWeights", copied(input));
    const got = splitOutput("riskWeights", input);
    expect(got).toBeInstanceOf(Float64Array);
    expect((got as Float64Array).length).toBe(COLS);
    expect(sameOutput(got, expected)).toBe(true);
  });

  it.each<[string, PortfolioConstraints]>([
    ["long-only", {}],
    ["bounded", BOUNDS],
  ])("EFFFRONTIER %s: the split gives the unsplit rows, double for double", (_, c) => {
    const returns = returnsPanel(ROWS + 37, COLS + 3, 21);
    const input: FrontierJob = {
      source: source(returns, "sample", 252),
      points: 12,
      riskFree: 0.02,
      constraints: c,
    };
    const expected = runJob("frontier", copied(input));
    const got = splitOutput("frontier", input) as Array<Array<string | number>>;
    expect(got.length).toBe(expected.length);
    expect(got.some((row) => row[0] === "max Sharpe")).toBe(true);
    expect(sameOutput(got, expected)).toBe(true);
  });

  it("property: any size above the threshold, any seed, gives the unsplit answer", () => {
    const methods: WeightingMethod[] = ["erc", "hrp", "invvol", "minvar"];
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 190 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.constantFrom(...methods, "frontier" as const),
        (cols, extraRows, seed, method) => {
          const rows = Math.ceil(2e7 / ((cols * cols) / 2)) + extraRows;
          const returns = returnsPanel(rows, cols, seed);
          if (method === "frontier") {
            const input: FrontierJob = {
              source: source(returns),
              points: 5,
              riskFree: 0,
              constraints: {},
            };
            const expected = runJob("frontier", copied(input));
            return sameOutput(splitOutput("frontier", input), expected);
          }
          const input: RiskWeightsJob = {
            source: source(returns),
            method,
            riskFree: 0,
            constraints: {},
          };
          const expected = runJob("riskWeights", copied(input));
          return sameOutput(splitOutput("riskWeights", input), expected);
        }
      ),
      { numRuns: 8 }
    );
  });

  it("with missing values the first part answers with the whole job's output", () => {
    const returns = returnsPanel(ROWS, COLS, 4);
    returns.data.fill(NaN, 100 * ROWS, 100 * ROWS + 250); // listed 250 days late
    for (const name of ["riskWeights", "frontier"] as const) {
      const input =
        name === "riskWeights"
          ? {
              source: source(copied(returns)),
              method: "hrp" as const,
              riskFree: 0,
              constraints: {},
            }
          : { source: source(copied(returns)), points: 6, riskFree: 0, constraints: {} };
      const expected = runJob(name, copied(input) as never);
      const { outputs, joined } = joinedParts(splitPlan(name, input as never)!);
      expect((outputs[0] as { kind: string }).kind).toBe("whole");
      expect(joined).not.toBeInstanceOf(FollowUpJob);
      expect(sameOutput(joined, expected)).toBe(true);
    }
  });

  it("a refusal of the second part's own columns never stands in front of the whole job's answer", () => {
    const returns = returnsPanel(ROWS, COLS, 8);
    // Row 6 lacks the first asset, so the whole job drops it; the last asset's 1e60 there would
    // overflow its squares on the second part's complete rows, which keep row 6.
    returns.data[5] = NaN;
    returns.data[(COLS - 1) * ROWS + 5] = 1e60;
    const input: RiskWeightsJob = {
      source: source(returns),
      method: "invvol",
      riskFree: 0,
      constraints: {},
    };
    const expected = runJob("riskWeights", copied(input));
    const { outputs, joined } = joinedParts(splitPlan("riskWeights", input)!);
    expect((outputs[0] as { kind: string }).kind).toBe("whole");
    expect((outputs[1] as { gram: unknown }).gram).toBeUndefined();
    expect(sameOutput(joined, expected)).toBe(true);
  });

  it("refuses what the unsplit job refuses, with the same code and message, from the first part", () => {
    const constant = returnsPanel(ROWS, COLS);
    constant.data.fill(0.003, 150 * ROWS, 151 * ROWS); // in the second part's columns
    const infinite = returnsPanel(ROWS, COLS);
    infinite.data[130 * ROWS + 9] = -Infinity;
    const sparse = returnsPanel(ROWS, COLS);
    for (let j = 0; j < COLS; j++) sparse.data.fill(NaN, j * ROWS, j * ROWS + ROWS - 1); // 1 complete row
    const cases: Array<[string, RiskSource]> = [
      ["constant column", source(constant)],
      ["infinite return", source(infinite)],
      ["one complete row", source(sparse)],
      ["periodsPerYear 0", source(returnsPanel(ROWS, COLS), "sample", 0)],
      ["periodsPerYear NaN", source(returnsPanel(ROWS, COLS), "sample", NaN)],
    ];
    for (const [label, riskSource] of cases) {
      const input: RiskWeightsJob = {
        source: riskSource,
        method: "erc",
        riskFree: 0,
        constraints: {},
      };
      const expected = thrownBy(() => runJob("riskWeights", copied(input)));
      const plan = splitPlan("riskWeights", input)!;
      const got = thrownBy(() =>
        runPartJob(plan.parts[0].name, structuredClone(plan.parts[0].input) as never)
      );
      expect([label, isCoreError(expected)]).toEqual([label, true]);
      expect([label, isCoreError(got) && got.code]).toEqual([
        label,
        isCoreError(expected) && expected.code,
      ]);
      expect([label, (got as Error).message]).toEqual([label, (expected as Error).message]);
    }
  });
});

describe("RISKWEIGHTS and EFFFRONTIER through the pool (fake workers)", () => {
  beforeEach(() => {
    mockWorkerpool.jobs = [];
    mockWorkerpool.mode = "run";
  });
  afterEach(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    delete scope.Worker;
    delete scope.navigator;
  });

  function inPage(): {
    pool: typeof import("../../../src/functions/worker/backgroundPool");
    construction: typeof import("../../../src/functions/construction");
  } {
    return loadInPage(() => ({
      /* eslint-disable @typescript-eslint/no-require-imports */
      pool: require("../../../src/functions/worker/backgroundPool"),
      construction: require("../../../src/functions/construction"),
      /* eslint-enable @typescript-eslint/no-require-imports */
    }));
  }

  /** 200 assets × 1,000 returns (2e7 pair-rows): above the worker threshold and the split's. */
  const range = randomWalkPrices(200, 1001);
  const none = null as never;

  it("RISKWEIGHTS hrp: two parts at once, then the follow-up in one worker; the inline spill", async () => {
    const { construction } = inPage();
    const spilled = await construction.riskWeights(range, "hrp");
    expect(mockWorkerpool.jobs.map((job) => [job.method, job.params[0]])).toEqual([
      ["runPart", "sampleGramRows"],
      ["runPart", "centredCrossProduct"],
      ["runJob", "riskWeights"],
    ]);
    // Each part moves its panel; the follow-up moves the returns and the covariance.
    expect(mockWorkerpool.jobs.map((job) => job.transfer.length)).toEqual([1, 1, 2]);
    const followUp = mockWorkerpool.jobs[2].params[1] as RiskWeightsJob;
    expect(followUp.source.kind).toBe("matrix");
    expect(spilled).toEqual(await riskWeightsInline(range, "hrp"));
  });

  it("EFFFRONTIER: split, followed up, and the inline spill", async () => {
    const { construction } = inPage();
    const args = [range, 8, none, 0.05] as const;
    const spilled = await construction.effFrontier(...args);
    expect(mockWorkerpool.jobs.map((job) => job.params[0])).toEqual([
      "sampleGramRows",
      "centredCrossProduct",
      "frontier",
    ]);
    expect(spilled).toEqual(await effFrontierInline(...args));
  });

  it("a refusal keeps the inline message and code, and posts no follow-up", async () => {
    const { construction } = inPage();
    const flat = randomWalkPrices(200, 1001, 170);
    const inWorkers = await rejectionOf(construction.riskWeights(flat, "erc"));
    expect(mockWorkerpool.jobs).toHaveLength(2);
    const inline = await rejectionOf(riskWeightsInline(flat, "erc"));
    expect(inline.message).toMatch(/column 171 \(A171\) has zero variance/);
    expect({ code: inWorkers.code, message: inWorkers.message }).toEqual({
      code: inline.code,
      message: inline.message,
    });
  });

  it("a refusal by the method comes back from the follow-up as the unsplit job's error", async () => {
    const { pool } = inPage();
    // Floors of 1 % on 160 assets sum to 1.6: the frontier refuses them after the covariance.
    const input = (): FrontierJob => ({
      source: source(returnsPanel(ROWS, COLS)),
      points: 5,
      riskFree: 0,
      constraints: { lower: 0.01 },
    });
    const expected = thrownBy(() => runJob("frontier", input()));
    const call = { functionName: "EFFFRONTIER", estimatedMs: 500 };
    const got = (await rejectionOf(
      Promise.resolve(pool.inBackground("frontier", input(), call))
    )) as unknown;
    expect(mockWorkerpool.jobs.map((job) => job.params[0])).toEqual([
      "sampleGramRows",
      "centredCrossProduct",
      "frontier",
    ]);
    expect(isCoreError(expected) && expected.message).toMatch(/minimum weights sum to 1\.6/);
    expect(isCoreError(got) && [got.code, got.message, got.argument]).toEqual(
      isCoreError(expected) && [expected.code, expected.message, expected.argument]
    );
  });

  it("a cancel from Excel during the follow-up rejects with #N/A", async () => {
    const { pool } = inPage();
    const invocation = {} as CustomFunctions.CancelableInvocation;
    const returns = returnsPanel(ROWS, COLS);
    const pending = pool.inBackground(
      "riskWeights",
      { source: source(returns), method: "erc", riskFree: 0, constraints: {} },
      { functionName: "RISKWEIGHTS", estimatedMs: 500, invocation, transfer: [returns.data] }
    ) as Promise<unknown>;
    expect(mockWorkerpool.jobs).toHaveLength(2);
    mockWorkerpool.mode = "hang"; // the parts answer; the follow-up never does
    while (mockWorkerpool.jobs.length < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(mockWorkerpool.jobs[2].method).toBe("runJob");
    invocation.onCanceled?.();
    expect(await rejectionOf(pending)).toMatchObject({
      code: "#N/A",
      message: "RISKWEIGHTS was canceled: its inputs changed before it finished",
    });
  });

  it("a cancel from Excel during the parts rejects with #N/A and posts no follow-up", async () => {
    const { pool } = inPage();
    mockWorkerpool.mode = "hang";
    const invocation = {} as CustomFunctions.CancelableInvocation;
    const returns = returnsPanel(ROWS, COLS);
    const pending = pool.inBackground(
      "frontier",
      { source: source(returns), points: 5, riskFree: 0, constraints: {} },
      { functionName: "EFFFRONTIER", estimatedMs: 500, invocation, transfer: [returns.data] }
    ) as Promise<unknown>;
    invocation.onCanceled?.();
    expect(await rejectionOf(pending)).toMatchObject({
      code: "#N/A",
      message: "EFFFRONTIER was canceled: its inputs changed before it finished",
    });
    expect(mockWorkerpool.jobs).toHaveLength(2);
  });

  it("gives the same weights when the workers cannot start (parts and follow-up inline)", async () => {
    const { pool } = inPage();
    mockWorkerpool.mode = "fail";
    const returns = returnsPanel(ROWS, COLS, 13);
    const input: RiskWeightsJob = {
      source: source(returns),
      method: "minvar",
      riskFree: 0,
      constraints: BOUNDS,
    };
    const expected = runJob("riskWeights", copied(input));
    // Nothing is moved here (no transfer list), so the parts' inputs are intact for the fallback.
    const got = await pool.inBackground("riskWeights", input, {
      functionName: "RISKWEIGHTS",
      estimatedMs: 500,
    });
    expect(mockWorkerpool.jobs).toHaveLength(2);
    expect(pool.backgroundWorkerAvailable()).toBe(false);
    expect(sameOutput(got, expected)).toBe(true);
  });
});
