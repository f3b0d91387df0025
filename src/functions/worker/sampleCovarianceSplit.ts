import { wasmSimdAvailable } from "../../core/correlation/wasm/wasmSimdAvailable";
import { centredCompleteCases } from "../../core/covariance/centredCompleteCases";
import { crossProductRows } from "../../core/covariance/crossProductRows";
import { checkedPeriodsPerYear } from "../../core/stats/checkedPeriodsPerYear";
import type { ReturnsPanel } from "../../core/types";
import { type RiskModel, parseEstimator } from "../riskModel";
import { FollowUpJob } from "./followUpJob";
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
import {
  type FrontierJob,
  type JobOutput,
  type RiskSource,
  type RiskWeightsJob,
  frontierJob,
  riskWeightsJob,
} from "./jobs";
import type { CentredCrossProductOutput, SplitPlan } from "./partJobs";

/*
 * RISKWEIGHTS and EFFFRONTIER on prices with the default sample covariance: the covariance's Gram
 * product (most of such a call: ~40 of ~57 ms for 500 assets × 1,825 returns in Chromium) split
 * across the two workers as COVMATRIX ledoitwolf's is, then the method run on the joined model in
 * one worker (a FollowUpJob). The doubles are sampleCovariance's: same centring, same kernel for
 * every entry (crossProductRows), same scaling, so the weights and frontier are the unsplit job's.
 */

/** The jobs whose sample covariance splits, each with its input. */
export type SampleRiskJob =
  | { readonly name: "riskWeights"; readonly input: RiskWeightsJob }
  | { readonly name: "frontier"; readonly input: FrontierJob };

/** The first part's answer: its Gram rows and what the join needs, or the whole job's output. */
export type SampleGramRowsOutput =
  | {
      readonly kind: "rows";
      /** Rows and columns [0, rowCount) of XᵀX (X the centred complete rows) in a p × p array. */
      readonly gram: Float64Array;
      /** Complete rows kept (all of them: there is no missing value on this path). */
      readonly n: number;
      /** The checked periods per year, sampleCovariance's factor. */
      readonly factor: number;
      /** The job's returns, handed back (transferred) to travel on to the follow-up job. */
      readonly returns: ReturnsPanel;
    }
  | {
      readonly kind: "whole";
      readonly output: JobOutput<"riskWeights"> | JobOutput<"frontier">;
    };

/**
 * Part "sampleGramRows": validates the returns exactly as the unsplit job's sampleCovariance does
 * (periods per year, then centredCompleteCases with its "sample" label, so every refusal is the
 * unsplit job's message and code), then rows [0, rowCount) of the centred cross-product, mirrored
 * into a p × p array here in the worker; the returns go back with it. With any missing value it
 * runs the whole job instead (the complete rows depend on every column, which the other part does
 * not see) and the other part's answer is dropped.
 * Complexity: O(n · rowCount · p), or the whole job's.
 */
export function sampleGramRowsPart(
  job: SampleRiskJob & { readonly rowCount: number }
): SampleGramRowsOutput {
  const source = job.input.source as Extract<RiskSource, { kind: "returns" }>;
  const { returns } = source;
  if (hasMissing(returns)) {
    const output = job.name === "riskWeights" ? riskWeightsJob(job.input) : frontierJob(job.input);
    return { kind: "whole", output };
  }
  const factor = checkedPeriodsPerYear(source.periodsPerYear);
  const { rows: n, cols: p, data: x } = centredCompleteCases(returns, 2, "sample", scratchCentred);
  const gram = mirroredRows(crossProductRows(x, n, p, job.rowCount), job.rowCount, p);
  return { kind: "rows", gram, n, factor, returns };
}

/**
 * Whether an estimator text is the plain sample covariance, as the job reads it (parseEstimator:
 * blank or "sample" in any case, no number after it). Complexity: O(length of the text).
 */
function isPlainSample(estimator: unknown): boolean {
  const parsed = parseEstimator(estimator);
  return (
    parsed.ok &&
    parsed.data.estimator === "sample" &&
    parsed.data.threshold === undefined &&
    parsed.data.benchmark === undefined
  );
}

/**
 * RISKWEIGHTS ("riskWeights") or EFFFRONTIER ("frontier") on prices with the sample covariance, as
 * two parts and a follow-up: the first k rows of the centred cross-product with the validation
 * (the returns move there and back), and the cross-product of a copy of columns [k, p) (part
 * centredCrossProduct, COVMATRIX ledoitwolf's); the join puts the Gram together, scales it as
 * sampleCovariance does (factor / (n − 1), entry by entry), builds the RiskModel
 * riskModelFromReturns would, and hands the same job on that model (source "matrix", the returns
 * and covariance moved) to one worker. Undefined (run whole) for a matrix source,
 * another estimator, a panel too small to gain (worthSplitting) or an engine without WebAssembly
 * SIMD (the kernel the rows part is built for).
 * Complexity: O(1) to decide; the plan copies (p − k) / p of the returns; the join O(p²) here.
 *
 * @param job the job's name and input
 * @returns the plan, or undefined
 * @example splitSampleRiskJob({ name: "riskWeights", input: { source, method: "hrp", riskFree: 0, constraints: {} } })?.parts.length; // => 2 (500 assets)
 */
export function splitSampleRiskJob<J extends SampleRiskJob>(
  job: J
): SplitPlan<JobOutput<J["name"]>> | undefined {
  const { source } = job.input;
  if (source.kind !== "returns" || !isPlainSample(source.estimator)) return undefined;
  const { returns } = source;
  if (!worthSplitting(returns) || !wasmSimdAvailable()) return undefined;
  const p = returns.cols;
  const k = firstPartRows(p);
  const tail = trailingColumns(returns, k);
  const covLabels = [...returns.labels];
  return {
    parts: [
      { name: "sampleGramRows", input: { ...job, rowCount: k }, transfer: [returns.data] },
      { name: "centredCrossProduct", input: { returns: tail }, transfer: [tail.data] },
    ],
    join: ([first, second]) => {
      const head = first as SampleGramRowsOutput;
      const rest = second as CentredCrossProductOutput;
      recycle(rest.spent);
      if (head.kind === "whole") return head.output as JobOutput<J["name"]>;
      const { n, factor } = head;
      if (rest.gram === undefined || rest.n !== n) {
        throw new Error(`the split sample covariance parts kept ${n} and ${rest.n} rows`);
      }
      const data = fillTrailingBlock(head.gram, k, rest.gram, p);
      // sampleCovariance's scaling, the same multiplications, so the same doubles.
      const scale = factor / (n - 1);
      for (let i = 0; i < data.length; i++) data[i] *= scale;
      const model: RiskModel = {
        cov: { size: p, data, labels: covLabels },
        returns: head.returns,
        labels: source.labels,
        hasLabels: source.hasHeader,
        periodsPerYear: source.periodsPerYear,
      };
      const input = { ...job.input, source: { kind: "matrix" as const, model } };
      return new FollowUpJob(job.name, input, [head.returns.data, data]);
    },
  };
}
