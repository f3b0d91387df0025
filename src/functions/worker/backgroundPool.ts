import { type Pool, Promise as PoolPromise, pool as createPool } from "workerpool";
import { makeExcelError } from "../excelError";
import { FollowUpJob } from "./followUpJob";
import { type JobInput, type JobName, type JobOutput, runJob } from "./jobs";
import { type JobPart, RUN_PART_METHOD, type SplitPlan, runPartJob, splitPlan } from "./partJobs";
import { type JobReply, reviveError, spansWholeBuffer } from "./protocol";
import { RUN_JOB_METHOD } from "./runJobMethod";
import { shouldRunOffThread } from "./workEstimate";

/** The worker bundle's file name: webpack's "functionsWorker" entry, emitted next to functions.js. */
const WORKER_FILE = "functionsWorker.js";

/**
 * How long a worker whose job was cancelled may take to answer workerpool's cleanup request before
 * it is terminated. A busy worker cannot answer until its job ends, so waiting longer only keeps a
 * core spinning on a result Excel no longer wants (workerpool's default is 1 s).
 */
const TERMINATE_AFTER_CANCEL_MS = 20;

/**
 * The worker script's URL, resolved while functions.js itself is being evaluated (the only moment
 * document.currentScript names it): the worker must come from the page's own origin, which is where
 * the add-in serves functions.js, so no CSP or cross-origin rule stands in the way.
 */
const workerUrl: string | undefined = (() => {
  if (typeof document === "undefined" || typeof URL !== "function") return undefined;
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script?.src || (typeof location !== "undefined" ? location.href : undefined);
  return base ? new URL(WORKER_FILE, base).href : undefined;
})();

let pool: Pool | undefined;
/** Set once the worker failed to start (blocked, missing): every later job runs inline. */
let workerUnusable = false;

/** Whether this runtime can run jobs in a Web Worker (a browser page; not Node, not Jest). */
export function backgroundWorkerAvailable(): boolean {
  return !workerUnusable && workerUrl !== undefined && typeof Worker === "function";
}

/**
 * Whether {@link inBackground} would post a job of this estimated duration to the worker (for a
 * caller that must copy its input out of a shared scratch array first, and only then).
 */
export function runsInBackground(estimatedMs: number): boolean {
  return shouldRunOffThread(estimatedMs) && backgroundWorkerAvailable();
}

/** What a custom function tells {@link inBackground} about one call. */
export interface BackgroundCall {
  /** The custom function's name, for the cancellation message. */
  readonly functionName: string;
  /** Estimated milliseconds of the job on the pane's thread (see workEstimate.ts). */
  readonly estimatedMs: number;
  /** Excel's invocation of a @cancelable function: a cancel abandons the worker's job. */
  readonly invocation?: CustomFunctions.CancelableInvocation;
  /**
   * Typed arrays of the input that the caller owns outright and never reads again: they move to
   * the worker instead of being copied (a fresh returns panel, say; never a shared scratch array).
   */
  readonly transfer?: readonly ArrayBufferView[];
}

/**
 * Runs a job where it costs the pane least: on this thread when it is small (a worker round trip
 * would cost more than the work) or when no Web Worker exists (Node, Jest), else in the pool's
 * worker, so Excel and the task pane stay responsive while it runs.
 *
 * Method: small jobs return their value synchronously (the async custom function then finishes in
 * the same task, as before); large ones post { name, input } to a workerpool Web Worker pool (one
 * worker per spare core, started on first use) with the caller's transferables, and a cancel from
 * Excel (invocation.onCanceled) cancels the workerpool promise, which terminates the busy worker;
 * the pool starts a fresh one for the next job. A worker-side failure comes back as a serialised
 * error and is rethrown as the same CoreError, so the cell shows the message it would have shown.
 * If the worker cannot start at all (blocked or missing script), the job runs inline instead.
 * Complexity: that of the job, plus O(size of input and output) to post them when not transferred.
 *
 * @returns the job's output, or a promise of it when the job went to the worker
 * @throws whatever the job throws; a cancelled job rejects with #N/A "… was canceled …"
 */
export function inBackground<N extends JobName>(
  name: N,
  input: JobInput<N>,
  call: BackgroundCall
): JobOutput<N> | Promise<JobOutput<N>> {
  if (!runsInBackground(call.estimatedMs)) {
    return runJob(name, input);
  }
  // A job with a split plan (partJobs.ts) runs as parts in two workers at once.
  const plan = splitPlan(name, input);
  if (plan !== undefined) {
    return joinedParts(plan, call);
  }
  return inWorker(name, input, call);
}

/**
 * Runs the parts of one job at once, each in its own worker of the pool (one per core; more parts
 * than workers queue), and resolves to their outputs in the parts' order: the facility that splits
 * one large product across both cores of a 2-core machine while the pane's thread only waits.
 *
 * Method: every part is posted at once with its own transferables (a part's input must own its
 * typed arrays: a buffer can move to one worker only, so give each part its own copy of what it
 * shares); a cancel from Excel cancels every part; a part that fails rejects the whole with its
 * error revived (the first failing part in the parts' order), as inBackground does for one job.
 * Where no worker exists (Node, Jest) or the worker cannot start, the parts run here one after the
 * other, so the outputs are the same either way. Parts are named functions of PART_JOBS
 * (partJobs.ts), which the worker bundle registers; add a part there to use this for another job.
 * Complexity: that of the parts (at once, up to the number of workers), plus posting the inputs and
 * outputs that are not transferred.
 *
 * @param parts the parts (name, input, transfer), see partJobs.ts
 * @param call the custom function's name, estimate (ignored: the caller has decided), invocation
 * @returns the parts' outputs, in order
 * @throws a failing part's error; #N/A "… was canceled …" when Excel cancels
 * @example const [head, tail] = await inBackgroundParts([{ name: "pearsonRows", input, transfer: [returns.data] }, { name: "correlationOfColumns", input: rest, transfer: [rest.returns.data] }], { functionName: "CORRMATRIX", estimatedMs: 100 });
 */
export async function inBackgroundParts(
  parts: readonly JobPart[],
  call: BackgroundCall
): Promise<unknown[]> {
  if (!backgroundWorkerAvailable()) return parts.map((part) => runPart(part));
  const jobs = parts.map((part) => {
    const transfer = [...new Set((part.transfer ?? []).filter(spansWholeBuffer).map(bufferOf))];
    return workerPool().exec(RUN_PART_METHOD, [part.name, part.input], { transfer });
  });
  let canceled = false;
  if (typeof call.invocation === "object" && call.invocation !== null) {
    call.invocation.onCanceled = () => {
      canceled = true;
      for (const job of jobs) job.cancel();
    };
  }
  const settled = await Promise.allSettled(jobs);
  const outputs: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status === "rejected") {
      const error: unknown = outcome.reason;
      if (canceled || error instanceof PoolPromise.CancellationError) {
        throw makeExcelError(
          "na",
          `${call.functionName} was canceled: its inputs changed before it finished`
        );
      }
      // The worker never ran the part (it could not load): run them all here if inputs are intact.
      if (!parts.some((part) => part.transfer?.some((view) => view.byteLength === 0))) {
        workerUnusable = true;
        return parts.map((part) => runPart(part));
      }
      throw error;
    }
    const reply = outcome.value as JobReply<unknown>;
    // Every part has settled: the first failure in the parts' order is the error the unsplit job
    // would have thrown (a plan's first part validates the whole input).
    if (!reply.ok) throw reviveError(reply.error);
    outputs.push(reply.value);
  }
  return outputs;
}

/**
 * A split job's answer: its parts run at once (inBackgroundParts), then joined on this thread; a
 * join that yields a FollowUpJob (the method after a split covariance) has that job run in one
 * worker (inWorker: its input's arrays moved, a cancel from Excel abandons it with the same #N/A),
 * or here when no worker exists, and its output is the answer.
 */
async function joinedParts<T>(plan: SplitPlan<T>, call: BackgroundCall): Promise<T> {
  const joined = plan.join(await inBackgroundParts(plan.parts, call));
  if (!(joined instanceof FollowUpJob)) return joined;
  const { name, input, transfer } = joined;
  const output = backgroundWorkerAvailable()
    ? await inWorker(name, input, { ...call, transfer })
    : await runJob(name, input);
  return output as T;
}

function runPart(part: JobPart): unknown {
  return runPartJob(part.name, part.input as never);
}

/**
 * Workers the pool may run at once: one per core but one (the pane's), and at least two so that
 * one job can be split across both cores of a 2-core machine (the pane's thread only waits).
 */
function workerCount(): number {
  const cores = (typeof navigator !== "undefined" && navigator.hardwareConcurrency) || 2;
  return Math.max(2, cores - 1);
}

async function inWorker<N extends JobName>(
  name: N,
  input: JobInput<N>,
  call: BackgroundCall
): Promise<JobOutput<N>> {
  const transfer = [...new Set((call.transfer ?? []).filter(spansWholeBuffer).map(bufferOf))];
  const job = workerPool().exec(RUN_JOB_METHOD, [name, input], { transfer });
  let canceled = false;
  // Excel passes the invocation last; a caller that passes fewer arguments passes none.
  if (typeof call.invocation === "object" && call.invocation !== null) {
    call.invocation.onCanceled = () => {
      canceled = true;
      job.cancel();
    };
  }
  let reply: JobReply<JobOutput<N>>;
  try {
    reply = (await job) as JobReply<JobOutput<N>>;
  } catch (error) {
    if (canceled || error instanceof PoolPromise.CancellationError) {
      throw makeExcelError(
        "na",
        `${call.functionName} was canceled: its inputs changed before it finished`
      );
    }
    // The worker never ran the job (it could not load): run it here if its input is intact.
    if (!call.transfer?.some((view) => view.byteLength === 0)) {
      workerUnusable = true;
      return runJob(name, input);
    }
    throw error;
  }
  if (!reply.ok) throw reviveError(reply.error);
  return reply.value;
}

/**
 * Starts the pool and its first worker ahead of the first large job, so that formula does not
 * wait for a worker to boot (50–150 ms measured in headless Chromium, on the first call of the
 * browser bench). Nothing happens where no Web Worker exists (Node, Jest) or once the pool runs.
 *
 * @example warmUpBackgroundPool(); // at start-up, when the page is idle
 */
export function warmUpBackgroundPool(): void {
  if (backgroundWorkerAvailable()) workerPool();
}

function workerPool(): Pool {
  if (pool === undefined) {
    pool = createPool(workerUrl, {
      workerType: "web",
      // Two workers always ready (a split job needs both at once): started with the pool, and
      // again at once after a cancel terminated a busy one.
      minWorkers: 2,
      maxWorkers: workerCount(),
      workerTerminateTimeout: TERMINATE_AFTER_CANCEL_MS,
    });
  }
  return pool;
}

function bufferOf(view: ArrayBufferView): ArrayBuffer {
  return view.buffer as ArrayBuffer;
}
