/**
 * Split jobs: the parts of CORRMATRIX pearson and COVMATRIX ledoitwolf, run as the worker would (on
 * structured clones, each part with its own input) and joined, give exactly what the unsplit job
 * gives: the same doubles, the same whole-job answer for incomplete data, the same errors.
 */
import { isCoreError } from "../../../src/core/errors";
import {
  corrMatrix as corrMatrixInline,
  covMatrix as covMatrixInline,
} from "../../../src/functions/dependence";
import type { ReturnsPanel } from "../../../src/core/types";
import { FollowUpJob } from "../../../src/functions/worker/followUpJob";
import { runJob } from "../../../src/functions/worker/jobs";
import { runPartJob, splitPlan } from "../../../src/functions/worker/partJobs";
import { takeSpareArray } from "../../../src/functions/worker/spareArrays";
import { loadInPage, newFakePoolState, randomWalkPrices } from "./fakeWorkerPage";
import {
  noiseReturnsPanel as returnsPanel,
  runPartsAsWorker,
  sameDoubles,
  thrownBy,
} from "./splitTestKit";
import { rejectionOf } from "../../helpers/excelErrorOf";

// Products of 160–333 assets × 1,600 rows, twice per test (split and whole): slow on a loaded box.
jest.setTimeout(60_000);

const mockWorkerpool = newFakePoolState();
jest.mock("workerpool", () =>
  jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
);

function copy(panel: ReturnsPanel): ReturnsPanel {
  return { ...panel, data: panel.data.slice(), labels: [...panel.labels] };
}

/** Runs a plan's parts here on clones of their inputs (as postMessage would) and joins them. */
function runSplit<T>(
  plan: {
    parts: readonly { name: string; input: unknown }[];
    join: (o: readonly unknown[]) => T | FollowUpJob;
  },
  firstKind?: "rows" | "whole"
): T {
  const outputs = runPartsAsWorker(plan);
  // The first part computes only its rows on complete data; the whole job otherwise.
  if (firstKind !== undefined) expect((outputs[0] as { kind: string }).kind).toBe(firstKind);
  const joined = plan.join(outputs);
  // These plans answer in their join; only RISKWEIGHTS' and EFFFRONTIER's hand on a follow-up.
  if (joined instanceof FollowUpJob) throw new Error(`unexpected follow-up job ${joined.name}`);
  return joined;
}

/** 160 assets × 1,600 rows: just above the split's threshold (2e7 pair-rows). */
const ROWS = 1600;
const COLS = 160;

describe("splitPlan", () => {
  it("splits only large Pearson and plain Ledoit–Wolf jobs", () => {
    const big = returnsPanel(ROWS, COLS);
    expect(
      splitPlan("correlation", { returns: big, method: "pearson", halfLife: 60 })?.parts
    ).toHaveLength(2);
    expect(
      splitPlan("correlation", { returns: big, method: "spearman", halfLife: 60 })
    ).toBeUndefined();
    expect(
      splitPlan("correlation", { returns: returnsPanel(100, 60), method: "pearson", halfLife: 60 })
    ).toBeUndefined();
    expect(
      splitPlan("covariance", {
        returns: big,
        options: { estimator: "ledoitwolf", periodsPerYear: 365 },
      })?.parts
    ).toHaveLength(2);
    expect(
      splitPlan("covariance", { returns: big, options: { estimator: "oas" } })
    ).toBeUndefined();
    expect(
      splitPlan("covariance", { returns: big, options: { estimator: "ledoitwolf", halfLife: 30 } })
    ).toBeUndefined();
    expect(splitPlan("backtest", {} as never)).toBeUndefined();
  });

  it("CORRMATRIX pearson: the joined parts are the unsplit matrix, double for double", () => {
    for (const cols of [COLS, 201, 333]) {
      const panel = returnsPanel(ROWS, cols, cols);
      const expected = runJob("correlation", {
        returns: copy(panel),
        method: "pearson",
        halfLife: 60,
      });
      const got = runSplit(
        splitPlan("correlation", { returns: panel, method: "pearson", halfLife: 60 })!,
        "rows"
      );
      expect(got.size).toBe(cols);
      expect(got.labels).toEqual(expected.labels);
      expect(sameDoubles(got.data, expected.data)).toBe(true);
    }
  });

  it("CORRMATRIX pearson: a constant column and missing values give the unsplit answer", () => {
    const flat = returnsPanel(ROWS, COLS);
    flat.data.fill(0, 10 * ROWS, 11 * ROWS); // a constant column inside the first part's rows
    flat.data.fill(0.001, 150 * ROWS, 151 * ROWS); // and one in the second part's
    const listed = returnsPanel(ROWS, COLS);
    listed.data.fill(NaN, 100 * ROWS, 100 * ROWS + 400); // listed 400 days late
    for (const [panel, firstKind] of [
      [flat, "rows"],
      [listed, "whole"],
    ] as const) {
      const expected = runJob("correlation", {
        returns: copy(panel),
        method: "pearson",
        halfLife: 60,
      });
      const got = runSplit(
        splitPlan("correlation", { returns: panel, method: "pearson", halfLife: 60 })!,
        firstKind
      );
      expect(sameDoubles(got.data, expected.data)).toBe(true);
    }
  });

  it("COVMATRIX ledoitwolf: the joined parts are the unsplit estimate, with its shrinkage and rows", () => {
    for (const [panel, ppy] of [
      [returnsPanel(ROWS, COLS), 365],
      [returnsPanel(900, 251, 9), 252],
    ] as const) {
      const options = { estimator: "LedoitWolf ", periodsPerYear: ppy };
      const expected = runJob("covariance", { returns: copy(panel), options });
      const got = runSplit(splitPlan("covariance", { returns: panel, options })!, "rows");
      expect(got.shrinkage).toBe(expected.shrinkage);
      expect(got.rowsUsed).toBe(expected.rowsUsed);
      expect(got.matrix.labels).toEqual(expected.matrix.labels);
      expect(sameDoubles(got.matrix.data, expected.matrix.data)).toBe(true);
    }
  });

  it("COVMATRIX ledoitwolf with missing values: the first part answers for the whole job", () => {
    const panel = returnsPanel(ROWS, COLS);
    panel.data.fill(NaN, 5 * ROWS, 5 * ROWS + 30);
    const options = { estimator: "ledoitwolf", periodsPerYear: 365 };
    const expected = runJob("covariance", { returns: copy(panel), options });
    const got = runSplit(splitPlan("covariance", { returns: panel, options })!, "whole");
    expect(got.rowsUsed).toBe(ROWS - 30);
    expect(got.shrinkage).toBe(expected.shrinkage);
    expect(sameDoubles(got.matrix.data, expected.matrix.data)).toBe(true);
  });

  it("COVMATRIX ledoitwolf: a refusal of the second part's own rows never hides the whole job's answer", () => {
    const panel = returnsPanel(ROWS, COLS, 8);
    // Row 6 lacks the first asset, so the whole job drops it; the last asset's 1e60 there would
    // overflow its squares over the second part's complete rows, which keep row 6.
    panel.data[5] = NaN;
    panel.data[(COLS - 1) * ROWS + 5] = 1e60;
    const options = { estimator: "ledoitwolf", periodsPerYear: 365 };
    const expected = runJob("covariance", { returns: copy(panel), options });
    const plan = splitPlan("covariance", { returns: panel, options })!;
    const tail = runPartJob("centredCrossProduct", structuredClone(plan.parts[1].input) as never);
    expect(tail.gram).toBeUndefined();
    const got = runSplit(plan, "whole");
    expect(got.rowsUsed).toBe(ROWS - 1);
    expect(got.shrinkage).toBe(expected.shrinkage);
    expect(sameDoubles(got.matrix.data, expected.matrix.data)).toBe(true);
  });

  it("refuses what the unsplit job refuses, with the same message, from the first part", () => {
    const infinite = returnsPanel(ROWS, COLS);
    infinite.data[120 * ROWS + 7] = Infinity; // in the second part's columns too
    const constant = returnsPanel(ROWS, COLS);
    constant.data.fill(0.002, 140 * ROWS, 141 * ROWS);
    const cases = [
      ["correlation", { returns: infinite, method: "pearson", halfLife: 60 }],
      [
        "covariance",
        { returns: infinite, options: { estimator: "ledoitwolf", periodsPerYear: 365 } },
      ],
      [
        "covariance",
        { returns: constant, options: { estimator: "ledoitwolf", periodsPerYear: 365 } },
      ],
      [
        "covariance",
        {
          returns: returnsPanel(ROWS, COLS),
          options: { estimator: "ledoitwolf", periodsPerYear: -1 },
        },
      ],
    ] as const;
    for (const [name, input] of cases) {
      const expected = thrownBy(() => runJob(name, structuredClone(input) as never));
      const plan = splitPlan(name, input as never)!;
      const got = thrownBy(() =>
        runPartJob(plan.parts[0].name, structuredClone(plan.parts[0].input) as never)
      );
      expect(isCoreError(expected)).toBe(true);
      expect(isCoreError(got) && got.code).toBe(isCoreError(expected) && expected.code);
      expect((got as Error).message).toBe((expected as Error).message);
    }
  });

  it("keeps the first part's handed-back returns for the next call of that size, never the caller's own array", () => {
    for (const [name, input] of [
      ["correlation", (returns: ReturnsPanel) => ({ returns, method: "pearson", halfLife: 60 })],
      [
        "covariance",
        (returns: ReturnsPanel) => ({
          returns,
          options: { estimator: "ledoitwolf", periodsPerYear: 365 },
        }),
      ],
    ] as const) {
      // As the worker runs it: the part sees a clone and hands that clone back.
      const returns = returnsPanel(ROWS, COLS);
      const plan = splitPlan(name, input(returns) as never)!;
      const outputs = runPartsAsWorker(plan);
      const handedBack = (outputs[0] as { spent: Float64Array }).spent;
      expect(handedBack).not.toBe(returns.data);
      expect(sameDoubles(handedBack, returns.data)).toBe(true);
      plan.join(outputs);
      expect(takeSpareArray(ROWS * COLS).buffer).toBe(handedBack.buffer);

      // Inline (no worker): the part hands back the caller's array, which must not be lent out.
      const own = returnsPanel(ROWS, COLS);
      const inlinePlan = splitPlan(name, input(own) as never)!;
      const inlineOutputs = inlinePlan.parts.map((part) =>
        runPartJob(part.name as never, part.input as never)
      );
      expect((inlineOutputs[0] as { spent: Float64Array }).spent).toBe(own.data);
      inlinePlan.join(inlineOutputs);
      expect(takeSpareArray(ROWS * COLS).buffer).not.toBe(own.data.buffer);
    }
  });
});

describe("inBackground with a split plan (fake worker pool)", () => {
  beforeEach(() => {
    mockWorkerpool.jobs = [];
    mockWorkerpool.mode = "run";
  });

  /** Loads the pool and a catalogue file as a browser page would see them (Worker global, 2 cores). */
  function inPage(): {
    pool: typeof import("../../../src/functions/worker/backgroundPool");
    dependence: typeof import("../../../src/functions/dependence");
  } {
    return loadInPage(() => ({
      /* eslint-disable @typescript-eslint/no-require-imports */
      pool: require("../../../src/functions/worker/backgroundPool"),
      dependence: require("../../../src/functions/dependence"),
      /* eslint-enable @typescript-eslint/no-require-imports */
    }));
  }

  /** 220 assets × 1,600 days: above the worker threshold (15 ms estimated) and the split's. */
  const range = randomWalkPrices(220, ROWS + 1);

  it("CORRMATRIX pearson posts two parts at once, moving the returns, and spills the inline result", async () => {
    const spilled = await inPage().dependence.corrMatrix(range, "pearson");
    expect(mockWorkerpool.jobs.map((job) => [job.method, job.params[0]])).toEqual([
      ["runPart", "pearsonRows"],
      ["runPart", "correlationOfColumns"],
    ]);
    expect(mockWorkerpool.jobs.every((job) => job.transfer.length === 1)).toBe(true);
    expect(spilled).toEqual(await corrMatrixInline(range, "pearson"));
  });

  it("COVMATRIX ledoitwolf posts two parts and spills the inline result; a refusal keeps its message", async () => {
    const { dependence } = inPage();
    const spilled = await dependence.covMatrix(range, "ledoitwolf");
    expect(mockWorkerpool.jobs.map((job) => job.params[0])).toEqual([
      "ledoitWolfRows",
      "centredCrossProduct",
    ]);
    expect(spilled).toEqual(await covMatrixInline(range, "ledoitwolf"));
    const flat = randomWalkPrices(220, ROWS + 1, 150);
    const inWorkers = await rejectionOf(dependence.covMatrix(flat, "ledoitwolf"));
    const inline = await rejectionOf(covMatrixInline(flat, "ledoitwolf"));
    expect(mockWorkerpool.jobs).toHaveLength(4);
    expect(inline.message).toMatch(/column 151 \(A151\) has zero variance/);
    expect({ code: inWorkers.code, message: inWorkers.message }).toEqual({
      code: inline.code,
      message: inline.message,
    });
  });

  it("a cancel from Excel abandons every part with #N/A", async () => {
    const { pool } = inPage();
    mockWorkerpool.mode = "hang";
    const invocation = {} as CustomFunctions.CancelableInvocation;
    const returns = returnsPanel(ROWS, COLS);
    const pending = pool.inBackground(
      "correlation",
      { returns, method: "pearson", halfLife: 60 },
      { functionName: "CORRMATRIX", estimatedMs: 500, invocation, transfer: [returns.data] }
    );
    expect(mockWorkerpool.jobs).toHaveLength(2);
    invocation.onCanceled?.();
    expect(await rejectionOf(pending as Promise<unknown>)).toMatchObject({
      code: "#N/A",
      message: "CORRMATRIX was canceled: its inputs changed before it finished",
    });
  });

  it("gives the same matrix when the workers cannot start (the parts then run inline)", async () => {
    const { pool } = inPage();
    mockWorkerpool.mode = "fail";
    const returns = returnsPanel(ROWS, COLS);
    const expected = runJob("correlation", {
      returns: copy(returns),
      method: "pearson",
      halfLife: 60,
    });
    // Nothing is moved here (no transfer list), so the parts' inputs are intact for the fallback.
    const got = await pool.inBackground(
      "correlation",
      { returns, method: "pearson", halfLife: 60 },
      { functionName: "CORRMATRIX", estimatedMs: 500 }
    );
    expect(sameDoubles(got.data, expected.data)).toBe(true);
    expect(pool.backgroundWorkerAvailable()).toBe(false);
  });
});
