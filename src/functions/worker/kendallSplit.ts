import { kendallCorrelationRows } from "../../core/correlation/kendallCorrelationRows";
import type { SquareMatrix } from "../../core/types";
import { fillTrailingBlock, recycle, trailingColumns } from "./gramSplit";
import type { CorrelationJob } from "./jobs";

/*
 * CORRMATRIX kendall split across two workers (one per core of a 2-core machine): rows [0, k) of
 * the matrix against every column in one, the matrix of columns [k, p) in the other, joined on the
 * pane's thread into the same doubles as the unsplit job (each pair is computed by the same kernel
 * on the same overlap, whichever part holds it).
 */

/** The options correlationJob passes for every method (undefined pairs become NaN cells). */
const CORRELATION_OPTIONS = { onUndefinedPair: "nan" as const, argument: "prices" };

/**
 * Fewest columns and pair-rows (cols² / 2 · rows) worth splitting. Kendall costs ≈ 1.5e5 pair-rows
 * per ms with the SIMD kernel (200 × 1,825 in ≈ 0.2 s in Node), so 5e6 pair-rows are ≈ 30 ms: below
 * that, copying the input to a second worker and its round trip would eat what the split saves.
 */
const MIN_SPLIT_COLUMNS = 16;
const MIN_SPLIT_PAIR_ROWS = 5e6;

/** One part of a split job, in the shape of the background pool's parts (partJobs.ts). */
export interface KendallPart {
  readonly name: "kendallRows" | "correlationOfColumns";
  readonly input: unknown;
  readonly transfer?: readonly ArrayBufferView[];
}

/** The parts and the join of their outputs (in the parts' order) into the unsplit job's matrix. */
export interface KendallSplitPlan {
  readonly parts: readonly KendallPart[];
  readonly join: (outputs: readonly unknown[]) => SquareMatrix;
}

/**
 * Part "kendallRows": rows [0, rowCount) of CORRMATRIX kendall's matrix against every column
 * (kendallCorrelationRows, with correlationJob's options), row-major rowCount × cols.
 * Complexity: O(rows) per pair touching those rows (rowCount · cols − rowCount² / 2 pairs).
 *
 * @example kendallRowsPart({ returns, method: "kendall", halfLife: 60, rowCount: 58 }).length; // => 58 · cols
 */
export function kendallRowsPart(input: CorrelationJob & { readonly rowCount: number }) {
  return kendallCorrelationRows(input.returns, input.rowCount, CORRELATION_OPTIONS);
}

/**
 * The row count k of the first part, whose k · p − k² / 2 pairs equal the other part's
 * (p − k)² / 2 when k = (1 − 1/√2) · p ≈ 0.293 p (each pair costs the same O(rows)).
 */
function firstPartRows(p: number): number {
  return Math.max(1, Math.round((1 - Math.SQRT1_2) * p));
}

/**
 * How CORRMATRIX kendall runs as two parts at once, or undefined when it should run whole (another
 * method, or too small to gain: MIN_SPLIT_COLUMNS, MIN_SPLIT_PAIR_ROWS). The returns move to the
 * first part's worker and a copy of columns [k, p) to the second's (in memory an earlier tail part
 * handed back, trailingColumns), so ask only when the job goes off the pane's thread. The join mirrors the first part's rows and places the second's matrix:
 * O(p²) on the pane's thread.
 * Complexity: O(1) to decide; the plan copies (1 − 0.293) of the input once.
 *
 * @param input CORRMATRIX's job (returns, method, halfLife)
 * @returns the plan, or undefined
 * @example splitKendallCorrelation({ returns, method: "kendall", halfLife: 60 })?.parts.length; // => 2 (200 × 1,825)
 */
export function splitKendallCorrelation(input: CorrelationJob): KendallSplitPlan | undefined {
  const { returns } = input;
  const { rows, cols } = returns;
  if (input.method !== "kendall" || cols < MIN_SPLIT_COLUMNS) return undefined;
  if (((cols * cols) / 2) * rows < MIN_SPLIT_PAIR_ROWS) return undefined;
  const k = firstPartRows(cols);
  const tail = trailingColumns(returns, k);
  const labels = [...returns.labels];
  return {
    parts: [
      { name: "kendallRows", input: { ...input, rowCount: k }, transfer: [returns.data] },
      // The pool's tail part (partJobs.ts): correlationJob on the columns, as { matrix, spent }.
      { name: "correlationOfColumns", input: { ...input, returns: tail }, transfer: [tail.data] },
    ],
    join: ([head, rest]) => {
      const tailPart = rest as { matrix: Float64Array; spent: Float64Array };
      recycle(tailPart.spent);
      return {
        size: cols,
        data: fillTrailingBlock(
          mirroredHead(head as Float64Array, k, cols),
          k,
          tailPart.matrix,
          cols
        ),
        labels,
      };
    },
  };
}

/**
 * A p × p array holding the first k rows (k × p, row-major, every entry) and their mirror in the
 * first k columns; the bottom-right block is left 0 for fillTrailingBlock.
 */
function mirroredHead(head: Float64Array, k: number, p: number): Float64Array {
  const out = new Float64Array(p * p);
  out.set(head.subarray(0, k * p));
  for (let i = 0; i < k; i++) for (let j = k; j < p; j++) out[j * p + i] = head[i * p + j];
  return out;
}
