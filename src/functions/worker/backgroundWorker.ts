/**
 * Entry point of the background worker bundle (functionsWorker.js, a separate webpack entry served
 * next to functions.js): registers the one method the pane's pool calls. The job runs here, off
 * the pane's thread; the WebAssembly SIMD Gram kernel compiles inside the worker on first use from
 * the bytes embedded in the core, and wasmSimdAvailable probes this worker's engine, so an engine
 * without SIMD takes the JavaScript kernel here exactly as on the pane's thread.
 * The reply's typed arrays are transferred, not copied, back to the pane.
 */
import { Transfer, worker } from "workerpool";
import { type JobName, runJob } from "./jobs";
import { type PartJobName, RUN_PART_METHOD, runPartJob } from "./partJobs";
import { replyOf, replyOfAsync, transferablesOf } from "./protocol";
import { RUN_JOB_METHOD } from "./runJobMethod";

worker({
  [RUN_JOB_METHOD]: (name: JobName, input: unknown) => {
    const reply = replyOf(() => runJob(name, input as never));
    // An asynchronous job (downsideWeights awaits HiGHS, loaded once per worker) is answered when
    // its promise settles; workerpool accepts a promise of the Transfer.
    if (reply.ok && isPromiseLike(reply.value)) {
      const pending = reply.value;
      return replyOfAsync(() => pending).then(
        (settled) => new Transfer(settled, transferablesOf(settled))
      );
    }
    return new Transfer(reply, transferablesOf(reply));
  },
  // One part of a job split across the workers (partJobs.ts), answered the same way.
  [RUN_PART_METHOD]: (name: PartJobName, input: unknown) => {
    const reply = replyOf(() => runPartJob(name, input as never));
    return new Transfer(reply, transferablesOf(reply));
  },
});

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
