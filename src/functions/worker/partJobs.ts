import { pearsonCorrelationRows } from "../../core/correlation/pearsonCorrelationRows";
import { wasmSimdAvailable } from "../../core/correlation/wasm/wasmSimdAvailable";
import { centredCompleteCases } from "../../core/covariance/centredCompleteCases";
import type { CovarianceResult } from "../../core/covariance/covarianceMatrix";
import { crossProduct } from "../../core/covariance/crossProduct";
import { crossProductRows } from "../../core/covariance/crossProductRows";
import { ledoitWolfFromGram } from "../../core/covariance/ledoitWolfFromGram";
import { rowNormFourthPowerSum } from "../../core/covariance/rowNormFourthPowerSum";
import { checkedPeriodsPerYear } from "../../core/stats/checkedPeriodsPerYear";
import { isCoreError } from "../../core/errors";
import type { ReturnsPanel, SquareMatrix } from "../../core/types";
import type { FollowUpJob } from "./followUpJob";
import {
  fillTrailingBlock,
  firstPartRows,
  hasMissing,
  mirroredRows,
  recycle,
  scratchCentred,
  trailingColumns,
  worthSplitting,
} from "./gramSplit";
import { kendallRowsPart, splitKendallCorrelation } from "./kendallSplit";
import {
  type CorrelationJob,
  type CovarianceJob,
  type JobInput,
  type JobName,
  type JobOutput,
  correlationJob,
  covarianceJob,
} from "./jobs";
import { sampleGramRowsPart, splitSampleRiskJob } from "./sampleCovarianceSplit";

/*
 * Parts of one job that the background pool runs in several workers at once (one per core), and
 * the plans that cut a job into parts and join their answers. A part is a pure function of
 * structured-cloneable data, like the jobs in jobs.ts; the worker runs it by name
 * (backgroundWorker.ts registers runPartJob), and so does this thread when no worker exists.
 *
 * To split another job (say Kendall's pairs): add its part functions to PART_JOBS and a plan to
 * SPLITTERS under the job's name (or call inBackgroundParts in backgroundPool.ts with parts of
 * your own); inBackground then splits that job whenever it would have gone to the worker. A plan
 * whose parts do only the heavy first step (RISKWEIGHTS' and EFFFRONTIER's sample covariance,
 * sampleCovarianceSplit.ts) joins into a FollowUpJob that one worker then finishes.
 */

/** The name of the worker's method that runs one part of a split job (runPartJob). */
export const RUN_PART_METHOD = "runPart";

/**
 * The first rows of a Pearson matrix, already laid out as the whole matrix (rows and columns
 * [0, k) filled, the rest 0, for the join to complete), or the whole matrix when the data are not
 * complete; with the part's returns handed back (`spent`) for the pane's next call (recycle).
 */
export type PearsonRowsOutput = (
  | { readonly kind: "rows"; readonly matrix: Float64Array }
  | { readonly kind: "whole"; readonly matrix: SquareMatrix }
) & { readonly spent: Float64Array };

/**
 * Part "pearsonRows": rows [0, rowCount) of CORRMATRIX pearson's matrix against every column
 * (pearsonCorrelationRows, same options as correlationJob), mirrored into a full p × p array here
 * in the worker so the pane's thread only fills in the other part's block; or the whole job's
 * matrix when the panel has missing values (pairwise overlaps differ; the other part's answer is
 * then dropped). The returns go back with the answer (`spent`), so their memory serves again.
 * Complexity: O(rows · rowCount · cols), or the whole job's.
 */
export function pearsonRowsPart(input: CorrelationJob & { readonly rowCount: number }) {
  const { returns, rowCount } = input;
  const rows = pearsonCorrelationRows(returns, rowCount, CORRELATION_OPTIONS);
  const spent = returns.data;
  const output: PearsonRowsOutput =
    rows === undefined
      ? { kind: "whole", matrix: correlationJob(input), spent }
      : { kind: "rows", matrix: mirroredRows(rows, rowCount, returns.cols), spent };
  return output;
}

/**
 * Part "correlationOfColumns": correlationJob on a panel of the trailing columns, handing its input
 * array back (`spent`) so the pane's thread can reuse that memory for the next split.
 * Complexity: the job's.
 */
export function correlationOfColumnsPart(input: CorrelationJob) {
  return { matrix: correlationJob(input).data, spent: input.returns.data };
}

/** The options correlationJob passes for every method (undefined pairs become NaN cells). */
const CORRELATION_OPTIONS = { onUndefinedPair: "nan" as const, argument: "prices" };

/**
 * Ledoit–Wolf's first cross-product rows and scalars, or the whole estimate (incomplete data);
 * with the part's returns handed back (`spent`) for the pane's next call (recycle).
 */
export type LedoitWolfRowsOutput = (
  | {
      readonly kind: "rows";
      /** Rows and columns [0, rowCount) of XᵀX (X the centred complete rows) in a p × p array. */
      readonly gram: Float64Array;
      readonly n: number;
      /** Σ_k ‖x_k‖⁴ over the centred rows. */
      readonly fourth: number;
      readonly factor: number;
    }
  | { readonly kind: "whole"; readonly result: CovarianceResult }
) & { readonly spent: Float64Array };

/**
 * Part "ledoitWolfRows": validates the whole panel as ledoitWolf does (periods per year, then the
 * complete cases, so its errors are the unsplit job's), then rows [0, rowCount) of the centred
 * cross-product and Σ‖x_k‖⁴; with any missing value, the whole covariance job instead (the
 * complete rows then depend on every column, which the other part does not see).
 * Complexity: O(n · rowCount · p + n · p), or the whole job's.
 */
export function ledoitWolfRowsPart(input: CovarianceJob & { readonly rowCount: number }) {
  const { returns, rowCount } = input;
  const spent = returns.data;
  let output: LedoitWolfRowsOutput;
  if (hasMissing(returns)) {
    output = { kind: "whole", result: covarianceJob(input), spent };
  } else {
    const factor = checkedPeriodsPerYear(input.options.periodsPerYear);
    const {
      rows: n,
      cols: p,
      data: x,
    } = centredCompleteCases(returns, 2, "Ledoit–Wolf", scratchCentred);
    const gram = mirroredRows(crossProductRows(x, n, p, rowCount), rowCount, p);
    output = { kind: "rows", gram, n, fourth: rowNormFourthPowerSum(x, n, p), factor, spent };
  }
  return output;
}

/** The tail part's answer: XᵀX of its columns and the rows kept, or no Gram when it refused. */
export interface CentredCrossProductOutput {
  readonly gram: Float64Array | undefined;
  readonly n: number;
  /** The part's input array, handed back for the next split (recycle). */
  readonly spent: Float64Array;
}

/**
 * Part "centredCrossProduct": XᵀX of a panel's centred complete rows (the columns the rows part
 * does not cover), and how many rows it kept; no Gram when centredCompleteCases refuses them.
 * That refusal is never the call's answer: on complete data the rows part checks these columns
 * over the same rows first and refuses alike, and with missing values the rows part answers for
 * the whole job, which keeps fewer rows and may accept what these columns' own complete rows fail
 * (a return too large to square on a row another column lacks), so it must not stand in front.
 * Complexity: O(n · p²).
 */
export function centredCrossProductPart({
  returns,
}: {
  readonly returns: ReturnsPanel;
}): CentredCrossProductOutput {
  const spent = returns.data;
  let cases: ReturnType<typeof centredCompleteCases>;
  try {
    // The label never reaches a cell (see above); the rows part names the estimator.
    cases = centredCompleteCases(returns, 2, "split", scratchCentred);
  } catch (error) {
    if (!isCoreError(error)) throw error;
    return { gram: undefined, n: 0, spent };
  }
  return { gram: crossProduct(cases.data, cases.rows, cases.cols), n: cases.rows, spent };
}

/** Every part by name: the worker dispatches on these names. */
export const PART_JOBS = {
  pearsonRows: pearsonRowsPart,
  ledoitWolfRows: ledoitWolfRowsPart,
  centredCrossProduct: centredCrossProductPart,
  correlationOfColumns: correlationOfColumnsPart,
  kendallRows: kendallRowsPart,
  sampleGramRows: sampleGramRowsPart,
} as const;

export type PartJobName = keyof typeof PART_JOBS;
export type PartJobInput<N extends PartJobName> = Parameters<(typeof PART_JOBS)[N]>[0];
export type PartJobOutput<N extends PartJobName> = ReturnType<(typeof PART_JOBS)[N]>;

/** Runs a part by name on this thread (the worker's method, and the inline fallback). */
export function runPartJob<N extends PartJobName>(
  name: N,
  input: PartJobInput<N>
): PartJobOutput<N> {
  const part = PART_JOBS[name] as (input: PartJobInput<N>) => PartJobOutput<N>;
  if (typeof part !== "function") throw new Error(`unknown background part "${String(name)}"`);
  return part(input);
}

/** One part of a split job: its name, input, and the input's typed arrays to move, not copy. */
export interface JobPart {
  readonly name: PartJobName;
  readonly input: unknown;
  readonly transfer?: readonly ArrayBufferView[];
}

/**
 * How one job runs as parts at once: the parts (each in its own worker), and the join of their
 * outputs (in the parts' order) into exactly what the unsplit job returns, or into a FollowUpJob
 * (followUpJob.ts) that one worker runs next and whose output is then that answer. The join runs
 * on the pane's thread, so it should be O(size of the output).
 */
export interface SplitPlan<T> {
  readonly parts: readonly JobPart[];
  readonly join: (outputs: readonly unknown[]) => T | FollowUpJob;
}

/**
 * CORRMATRIX pearson in two parts: rows [0, k) against every column (the returns move to that
 * worker), and the matrix of columns [k, p) (a copy of those columns): the same doubles as the
 * unsplit job, joined and mirrored. Only with WebAssembly SIMD, the kernel the rows part uses.
 */
function splitCorrelation(input: CorrelationJob): SplitPlan<SquareMatrix> | undefined {
  if (input.method === "kendall") return splitKendallCorrelation(input);
  const { returns } = input;
  if (input.method !== "pearson" || !worthSplitting(returns) || !wasmSimdAvailable()) {
    return undefined;
  }
  const p = returns.cols;
  const k = firstPartRows(p);
  const tail = trailingColumns(returns, k);
  const labels = [...returns.labels];
  return {
    parts: [
      { name: "pearsonRows", input: { ...input, rowCount: k }, transfer: [returns.data] },
      { name: "correlationOfColumns", input: { ...input, returns: tail }, transfer: [tail.data] },
    ],
    join: ([first, second]) => {
      const head = first as PearsonRowsOutput;
      const rest = second as ReturnType<typeof correlationOfColumnsPart>;
      recycle(rest.spent);
      recycle(head.spent, returns.data);
      if (head.kind === "whole") return head.matrix;
      return { size: p, data: fillTrailingBlock(head.matrix, k, rest.matrix, p), labels };
    },
  };
}

/**
 * COVMATRIX ledoitwolf in two parts: the first k rows of the centred cross-product with the
 * validation and Σ‖x‖⁴ (the returns move there), and the cross-product of columns [k, p); the
 * join finishes the estimate (ledoitWolfFromGram), the same doubles as the unsplit job. Only for
 * the plain estimator word with no option another estimator would refuse, so every error is the
 * first part's, in the unsplit job's order.
 */
function splitCovariance(input: CovarianceJob): SplitPlan<CovarianceResult> | undefined {
  const { returns, options } = input;
  const plain =
    typeof options.estimator === "string" &&
    options.estimator.trim().toLowerCase() === "ledoitwolf" &&
    options.halfLife == null &&
    options.threshold == null &&
    options.benchmark == null;
  if (!plain || !worthSplitting(returns)) return undefined;
  const p = returns.cols;
  const k = firstPartRows(p);
  const tail = trailingColumns(returns, k);
  const labels = [...returns.labels];
  return {
    parts: [
      { name: "ledoitWolfRows", input: { ...input, rowCount: k }, transfer: [returns.data] },
      { name: "centredCrossProduct", input: { returns: tail }, transfer: [tail.data] },
    ],
    join: ([first, second]) => {
      const head = first as LedoitWolfRowsOutput;
      const { gram, n, spent } = second as CentredCrossProductOutput;
      recycle(spent);
      recycle(head.spent, returns.data);
      if (head.kind === "whole") return head.result;
      if (gram === undefined || n !== head.n) {
        throw new Error(`the split Ledoit–Wolf parts kept ${head.n} and ${n} rows`);
      }
      const full = fillTrailingBlock(head.gram, k, gram, p);
      const { matrix, shrinkage } = ledoitWolfFromGram(
        full,
        n,
        p,
        head.fourth,
        head.factor,
        labels
      );
      return { matrix, shrinkage, rowsUsed: n };
    },
  };
}

/** Plans by job name; a job without one always runs whole. */
const SPLITTERS: {
  readonly [N in JobName]?: (input: JobInput<N>) => SplitPlan<JobOutput<N>> | undefined;
} = {
  correlation: splitCorrelation,
  covariance: splitCovariance,
  riskWeights: (input) => splitSampleRiskJob({ name: "riskWeights", input }),
  frontier: (input) => splitSampleRiskJob({ name: "frontier", input }),
};

/**
 * How a job would run as parts in several workers at once, or undefined when it runs whole (no
 * plan for the job, or too small to gain: see worthSplitting in gramSplit.ts). A plan may copy part of the
 * input (each part needs its own memory), so ask only when the job is going off the pane's thread.
 * Complexity: O(1) to decide; a plan copies at most the input once.
 *
 * @example splitPlan("correlation", { returns, method: "pearson", halfLife: 60 })?.parts.length; // => 2 (500 assets)
 */
export function splitPlan<N extends JobName>(
  name: N,
  input: JobInput<N>
): SplitPlan<JobOutput<N>> | undefined {
  const splitter = SPLITTERS[name] as
    ((input: JobInput<N>) => SplitPlan<JobOutput<N>> | undefined) | undefined;
  return splitter?.(input);
}
