import type { JobInput, JobName } from "./jobs";

/**
 * What a split plan's join may return instead of the job's answer: a job that finishes it, run in
 * one worker (joinedParts in backgroundPool.ts), whose output is then the call's answer. RISKWEIGHTS
 * and EFFFRONTIER split only their covariance estimate across the workers: the join builds the
 * risk model and hands the method (HRP, the frontier …) to one worker as the same job on that
 * model. A class, so the pool tells it from any job's value by instanceof.
 *
 * @example new FollowUpJob("riskWeights", { ...input, source: { kind: "matrix", model } }, [model.cov.data]);
 */
export class FollowUpJob<N extends JobName = JobName> {
  /**
   * @param name the job to run (JOBS in jobs.ts)
   * @param input its input
   * @param transfer the input's typed arrays to move to the worker, not copy (owned by the plan)
   */
  constructor(
    readonly name: N,
    readonly input: JobInput<N>,
    readonly transfer: readonly ArrayBufferView[] = []
  ) {}
}
