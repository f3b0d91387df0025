/**
 * The background pool on both paths. In Node (as in Jest) there is no Web Worker, so jobs run
 * inline; with a stand-in page (document.currentScript, a Worker global) and workerpool replaced by
 * a fake pool that runs the real worker entry (backgroundWorker.ts) on structured clones, as
 * postMessage would, the worker path is exercised end to end: transfer, replies, errors, cancel.
 */
import {
  loadInPage as loadModulesInPage,
  newFakePoolState,
  randomWalkPrices as prices,
} from "./fakeWorkerPage";
import { rejectionOf } from "../../helpers/excelErrorOf";
import type { CoreError } from "../../../src/core/errors";
import {
  corrMatrix as corrMatrixInline,
  covMatrix as covMatrixInline,
} from "../../../src/functions/dependence";
import {
  backgroundWorkerAvailable as availableInNode,
  inBackground as inBackgroundInNode,
} from "../../../src/functions/worker/backgroundPool";
import { backtest as backtestInline } from "../../../src/functions/rebalancing";
import { runJob } from "../../../src/functions/worker/jobs";

const mockWorkerpool = newFakePoolState();
jest.mock("workerpool", () =>
  jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
);

/** Loads the pool and the catalogue files using it as a browser page would see them. */
function loadInPage(): {
  pool: typeof import("../../../src/functions/worker/backgroundPool");
  dependence: typeof import("../../../src/functions/dependence");
  rebalancing: typeof import("../../../src/functions/rebalancing");
} {
  return loadModulesInPage(() => ({
    /* eslint-disable @typescript-eslint/no-require-imports */
    pool: require("../../../src/functions/worker/backgroundPool"),
    dependence: require("../../../src/functions/dependence"),
    rebalancing: require("../../../src/functions/rebalancing"),
    /* eslint-enable @typescript-eslint/no-require-imports */
  }));
}

function panel(rows: number, cols: number) {
  const data = new Float64Array(rows * cols).map((_, i) => Math.sin(i * 1.3) * 0.02);
  const labels = Array.from({ length: cols }, (_, j) => `A${j + 1}`);
  return { kind: "returns" as const, rows, cols, data, labels };
}

beforeEach(() => {
  mockWorkerpool.jobs = [];
  mockWorkerpool.mode = "run";
});

describe("inBackground in Node (no Web Worker)", () => {
  it("has no worker, and runs even a large job inline, synchronously", () => {
    expect(availableInNode()).toBe(false);
    const input = { returns: panel(50, 4), method: "pearson" as const, halfLife: 60 };
    const result = inBackgroundInNode("correlation", input, {
      functionName: "CORRMATRIX",
      estimatedMs: 10_000,
    });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual(runJob("correlation", input));
    expect(mockWorkerpool.jobs).toHaveLength(0);
  });
});

describe("inBackground in a page with a Web Worker", () => {
  afterEach(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    delete scope.Worker;
    delete scope.navigator;
  });

  it("resolves the worker's URL next to functions.js, on the page's origin", () => {
    const { pool } = loadInPage();
    expect(pool.backgroundWorkerAvailable()).toBe(true);
  });

  it("keeps a small job on the pane's thread, synchronously", () => {
    const { pool } = loadInPage();
    const input = { returns: panel(50, 4), method: "pearson" as const, halfLife: 60 };
    const result = pool.inBackground("correlation", input, {
      functionName: "CORRMATRIX",
      estimatedMs: 2,
    });
    expect(result).not.toBeInstanceOf(Promise);
    expect(mockWorkerpool.jobs).toHaveLength(0);
  });

  it("posts a large job to the worker, moving the returns, and gives the inline result", async () => {
    const { pool } = loadInPage();
    const returns = panel(300, 6);
    const expected = runJob("correlation", {
      returns: panel(300, 6),
      method: "kendall",
      halfLife: 60,
    });
    const pending = pool.inBackground(
      "correlation",
      { returns, method: "kendall", halfLife: 60 },
      { functionName: "CORRMATRIX", estimatedMs: 500, transfer: [returns.data] }
    );
    expect(pending).toBeInstanceOf(Promise);
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(mockWorkerpool.jobs[0].method).toBe("runJob");
    expect(mockWorkerpool.jobs[0].transfer).toHaveLength(1);
    expect(returns.data.byteLength).toBe(0); // moved, not copied
    expect(await pending).toEqual(expected);
  });

  it("copies instead of moving a view on part of a larger buffer", async () => {
    const { pool } = loadInPage();
    const whole = panel(200, 4);
    const view = { ...whole, rows: 100, data: whole.data.subarray(0, 400) };
    await pool.inBackground(
      "correlation",
      { returns: view, method: "pearson", halfLife: 60 },
      { functionName: "CORRMATRIX", estimatedMs: 500, transfer: [view.data] }
    );
    expect(mockWorkerpool.jobs[0].transfer).toHaveLength(0);
    expect(whole.data.byteLength).toBe(800 * 8);
  });

  it("CORRMATRIX kendall above the threshold returns what the inline call returns", async () => {
    const { dependence } = loadInPage();
    // 80 assets × 800 days: above the off-thread threshold at Kendall's SIMD rate, below the split.
    const range = prices(80, 800);
    const inWorker = await dependence.corrMatrix(range, "kendall");
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(inWorker).toEqual(await corrMatrixInline(range, "kendall"));
  });

  it("BACKTEST re-estimated above the threshold: prices copied out of the scratch array, same result", async () => {
    const { rebalancing } = loadInPage();
    const range = prices(100, 800);
    const none = null as unknown as number;
    const args = [range, "invvol", "monthly", none, 10, 90, "stats"] as const;
    const inWorker = await rebalancing.backtest(...args);
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(mockWorkerpool.jobs[0].params[0]).toBe("backtest");
    expect(inWorker).toEqual(await backtestInline(...args));
    // Fixed weights need no re-estimation: they stay on the pane's thread.
    await rebalancing.backtest(range, [Array.from({ length: 100 }, () => 0.01)]);
    expect(mockWorkerpool.jobs).toHaveLength(1);
  });

  it("a CoreError thrown in the worker shows the same #VALUE! message as inline", async () => {
    const { dependence } = loadInPage();
    const range = prices(200, 1000, 2);
    const inWorker = await rejectionOf(dependence.covMatrix(range));
    expect(mockWorkerpool.jobs).toHaveLength(1);
    const inline = await rejectionOf(covMatrixInline(range));
    expect({ code: inWorker.code, message: inWorker.message }).toEqual({
      code: inline.code,
      message: inline.message,
    });
    expect(inline.code).toBe("#VALUE!");
    expect(inline.message).toMatch(/column 3 \(A3\) has zero variance over the 999 complete rows/);
  });

  it("a cancel from Excel rejects with #N/A at once and cancels the worker's job", async () => {
    const { pool } = loadInPage();
    mockWorkerpool.mode = "hang";
    const invocation = {} as CustomFunctions.CancelableInvocation;
    const returns = panel(300, 6);
    const pending = pool.inBackground(
      "correlation",
      { returns, method: "kendall", halfLife: 60 },
      { functionName: "CORRMATRIX", estimatedMs: 500, invocation }
    );
    expect(typeof invocation.onCanceled).toBe("function");
    invocation.onCanceled?.();
    const error = await rejectionOf(pending as Promise<unknown>);
    expect(error).toMatchObject({
      code: "#N/A",
      message: "CORRMATRIX was canceled: its inputs changed before it finished",
    });
  });

  it("runs the job inline when the worker cannot start, and stops trying the worker", async () => {
    const { pool } = loadInPage();
    mockWorkerpool.mode = "fail";
    const input = { returns: panel(300, 6), method: "pearson" as const, halfLife: 60 };
    const expected = runJob("correlation", { ...input, returns: panel(300, 6) });
    const call = { functionName: "CORRMATRIX", estimatedMs: 500 };
    expect(await pool.inBackground("correlation", input, call)).toEqual(expected);
    expect(pool.backgroundWorkerAvailable()).toBe(false);
    expect(pool.inBackground("correlation", input, call)).toEqual(expected);
    expect(mockWorkerpool.jobs).toHaveLength(1);
  });

  it("passes a worker-side CoreError's code and location through", async () => {
    const { pool } = loadInPage();
    const empty = {
      kind: "returns" as const,
      rows: 10,
      cols: 2,
      data: new Float64Array(3),
      labels: ["A", "B"],
    };
    const error = (await rejectionOf(
      Promise.resolve(
        pool.inBackground(
          "correlation",
          { returns: empty, method: "pearson", halfLife: 60 },
          { functionName: "CORRMATRIX", estimatedMs: 500 }
        )
      )
    )) as unknown as CoreError;
    expect(error.name).toBe("CoreError");
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.argument).toBe("prices");
  });
});
