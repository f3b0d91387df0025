import { averageRanksInto } from "../ranks/averageRanksInto";
import { CoreError } from "../errors";
import type { Panel, SquareMatrix } from "../types";
import type { CorrelationMatrixOptions, UndefinedPairPolicy } from "./correlationMatrixOptions";
import { groupColumnsByMask } from "./groupColumnsByMask";
import { intersectSortedRows } from "./intersectSortedRows";
import { PACK_WIDTH, packedCrossProduct } from "./packedCrossProduct";
import { type UndefinedPairContext, undefinedPairValue } from "./undefinedPairValue";
import { validateCorrelationInput } from "./validateCorrelationInput";
import { type ColumnStandardisation, standardiseColumn } from "./standardiseColumn";
import { simdGramWorkspace } from "./wasm/simdGramWorkspace";

/** How each column is turned into a unit vector before the cross product. */
export type CorrelationStandardisation =
  | { readonly kind: "pearson" }
  | { readonly kind: "spearman" }
  /** Row t of an overlap ending at row L weighs decay^(L − t), 0 < decay < 1. */
  | { readonly kind: "exponential"; readonly decay: number };

/**
 * Which Gram kernel runs the cross products: "auto" takes the WebAssembly SIMD kernel when the engine
 * has it (wasm/simdGramWorkspace) and the scalar JS kernel (packedCrossProduct) otherwise; "js"
 * forces the JS kernel, to test and measure the fallback. Both give the same matrix up to summation
 * order (≤ 1e-13 absolute on unit-norm columns).
 */
export type GramKernelChoice = "auto" | "js";

/** Default for `minOverlap`: two rows always correlate ±1, three is the least with information. */
const DEFAULT_MIN_OVERLAP = 3;

/**
 * Correlation matrix of a panel with missing values, on pairwise-complete observations, for any
 * standardisation (Pearson, Spearman = Pearson of ranks re-ranked on the overlap, or exponentially
 * weighted Pearson).
 *
 * Formula: ρ_ij = Σ_{t∈O_ij} z_i[t] z_j[t], where O_ij are the rows both columns have and z is the
 * column standardised over O_ij: z = √w (x − m) / √(Σ w (x − m)²), m = Σ w x / Σ w (w = 1 unless
 * exponential). This is pandas `DataFrame.corr` (pairwise, `min_periods`) and, on complete data,
 * numpy.corrcoef.
 * Method: columns are grouped by their availability mask (usually a few masks: leading blanks before
 * a listing, trailing ones after a delisting). For each pair of groups the overlap O is the same for
 * every pair of their columns, so each column is standardised once per group pair, packed 3-wide and
 * fed to the blocked kernel `packedCrossProduct`; with no missing data there is one group and one
 * symmetric kernel call. No allocation per asset pair. The kernel is WebAssembly SIMD (f64x2, a 2×4
 * tile over column-contiguous packs in the module's memory) where available, else the scalar JS
 * `packedCrossProduct` over 3-interleaved packs; only the summation order differs.
 * Complexity: O(rows · cols² / 2) multiply-adds for one group; with G masks, O(G² · rows) more for
 * intersections and O(G · cols · rows) for packing (times log rows for ranks).
 *
 * @param panel column-major panel, NaN = missing
 * @param options minOverlap, onUndefinedPair, argument (see CorrelationMatrixOptions)
 * @param standardisation how columns are standardised
 * @param kernel "auto" (default: WebAssembly SIMD when available) or "js" (force the scalar kernel)
 * @returns symmetric matrix with the panel's labels, unit diagonal, entries clamped to [−1, 1]
 * @throws CoreError INVALID_ARGUMENT (no columns, bad data length, bad option, kernel not "auto"/"js")
 * @throws CoreError NON_FINITE (±Infinity in the panel, with row and column)
 * @throws CoreError TOO_FEW_POINTS (a pair overlaps on fewer than minOverlap rows; "throw" policy)
 * @throws CoreError ZERO_VARIANCE (a column is constant over an overlap; "throw" policy)
 * @example correlationByOverlap({ rows: 4, cols: 2, data: Float64Array.of(9, 2, 3, 5, NaN, 1, 2, 4), labels: ["A", "B"] }, {}, { kind: "pearson" }).data;
 *   // => Float64Array [1, 1, 1, 1] (row 1 is skipped: B has no value there)
 */
export function correlationByOverlap(
  panel: Panel,
  options: CorrelationMatrixOptions,
  standardisation: CorrelationStandardisation,
  kernel: GramKernelChoice = "auto"
): SquareMatrix {
  const argument = options.argument ?? "returns";
  const { rows, cols, data, labels } = panel;
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  const policy: UndefinedPairPolicy = options.onUndefinedPair ?? "throw";
  validateCorrelationInput(panel, argument, minOverlap, policy);
  if (kernel !== "auto" && kernel !== "js") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `kernel must be "auto" or "js"; got ${JSON.stringify(kernel)}`,
      {
        argument: "kernel",
      }
    );
  }

  const groups = groupColumnsByMask(data, rows, cols);
  const maxGroup = Math.max(...groups.map((g) => g.columns.length));
  const simd = kernel === "auto" ? simdGramWorkspace(maxGroup, rows, groups.length > 1) : undefined;
  const { packA, packB, tile } = simd
    ? { packA: simd.packA, packB: simd.packB, tile: simd.out }
    : jsBuffers(maxGroup, rows, groups.length > 1);
  const scratch: Scratch = {
    overlap: new Int32Array(rows),
    values: new Float64Array(rows),
    sorted: new Float64Array(rows),
    ranks: new Float64Array(rows),
    weights: new Float64Array(rows),
    sqrtWeights: new Float64Array(rows),
    zeroA: new Uint8Array(maxGroup),
    zeroB: new Uint8Array(maxGroup),
  };
  const out = new Float64Array(cols * cols);
  const context: OutputContext = { argument, labels, minOverlap, policy, out, cols };

  for (let g = 0; g < groups.length; g++) {
    for (let h = g; h < groups.length; h++) {
      const A = groups[g];
      const B = groups[h];
      const n =
        g === h
          ? copyRows(A.rows, scratch.overlap)
          : intersectSortedRows(A.rows, B.rows, scratch.overlap);
      if (n < minOverlap) {
        undefinedBlock(context, A.columns, B.columns, g === h, "few", n);
        continue;
      }
      const overlap = scratch.overlap.subarray(0, n);
      const layout = simd ? simdLayout(n) : interleavedLayout(n);
      prepareWeights(standardisation, overlap, scratch.weights, scratch.sqrtWeights);
      const blocksA = packGroup(
        data,
        rows,
        A.columns,
        overlap,
        standardisation,
        scratch,
        packA,
        layout,
        scratch.zeroA
      );
      let blocksB = blocksA;
      if (g !== h) {
        blocksB = packGroup(
          data,
          rows,
          B.columns,
          overlap,
          standardisation,
          scratch,
          packB,
          layout,
          scratch.zeroB
        );
      }
      let ld: number;
      if (simd) {
        ld = simd.crossProduct(A.columns.length, B.columns.length, layout.ld, g === h);
      } else {
        ld = blocksB * PACK_WIDTH;
        tile.fill(0, 0, blocksA * PACK_WIDTH * ld);
        packedCrossProduct(packA, blocksA, g === h ? packA : packB, blocksB, n, tile, g === h);
      }
      scatter(context, A.columns, B.columns, g === h, tile, ld, scratch, n);
    }
  }
  return { size: cols, data: out, labels: [...labels] };
}

interface OutputContext extends UndefinedPairContext {
  readonly out: Float64Array;
  readonly cols: number;
}

interface Scratch {
  readonly overlap: Int32Array;
  readonly values: Float64Array;
  readonly sorted: Float64Array;
  readonly ranks: Float64Array;
  readonly weights: Float64Array;
  readonly sqrtWeights: Float64Array;
  readonly zeroA: Uint8Array;
  readonly zeroB: Uint8Array;
}

function jsBuffers(
  maxGroup: number,
  rows: number,
  separateB: boolean
): { packA: Float64Array; packB: Float64Array; tile: Float64Array } {
  const width = Math.ceil(maxGroup / PACK_WIDTH) * PACK_WIDTH;
  const packA = new Float64Array(width * rows);
  const packB = separateB ? new Float64Array(packA.length) : packA;
  return { packA, packB, tile: new Float64Array(width * width) };
}

/**
 * Where packGroup writes: column p, row k goes to
 * pack[⌊p/3⌋·3·ld + (p mod 3)·columnStep + k·rowStep], rows n ≤ k < ld are zero padding;
 * padBlock: zero the padding columns of the last 3-column block (the SIMD kernel pads its own).
 */
interface PackLayout {
  readonly ld: number;
  readonly columnStep: number;
  readonly rowStep: number;
  readonly padBlock: boolean;
}

/** packedCrossProduct's layout: three columns interleaved row by row. */
function interleavedLayout(n: number): PackLayout {
  return { ld: n, columnStep: 1, rowStep: PACK_WIDTH, padBlock: true };
}

/** The SIMD kernel's layout: each column contiguous, padded to an even length for whole f64x2 loads. */
function simdLayout(n: number): PackLayout {
  const ld = n + (n % 2);
  return { ld, columnStep: ld, rowStep: 1, padBlock: false };
}

function copyRows(a: Int32Array, out: Int32Array): number {
  out.set(a);
  return a.length;
}

function prepareWeights(
  standardisation: CorrelationStandardisation,
  overlap: Int32Array,
  weights: Float64Array,
  sqrtWeights: Float64Array
): void {
  if (standardisation.kind !== "exponential") return;
  // Relative to the overlap's last row: the common factor cancels in ρ, and anchoring at the end
  // keeps recent weights from underflowing when a pair's overlap ends early (a delisting).
  const last = overlap[overlap.length - 1];
  const logDecay = Math.log(standardisation.decay);
  for (let k = 0; k < overlap.length; k++) {
    weights[k] = Math.exp(logDecay * (last - overlap[k]));
    sqrtWeights[k] = Math.sqrt(weights[k]);
  }
}

/**
 * Standardises each column of a group over the overlap and packs it in blocks of 3 columns, in the
 * given layout; returns the block count.
 * Sets zero[p] = 1 for a column with no spread (its packed values are zeros).
 */
function packGroup(
  data: Float64Array,
  rows: number,
  columns: readonly number[],
  overlap: Int32Array,
  standardisation: CorrelationStandardisation,
  scratch: Scratch,
  pack: Float64Array,
  layout: PackLayout,
  zero: Uint8Array
): number {
  // A local copy: through a CommonJS/ESM interop getter the imported constant costs a call per use.
  const width = PACK_WIDTH;
  const n = overlap.length;
  const blocks = Math.ceil(columns.length / width);
  const { ld, columnStep, rowStep } = layout;
  const stride = width * ld;
  // Padding columns of the last block must read as zeros.
  if (layout.padBlock) pack.fill(0, (blocks - 1) * stride, blocks * stride);
  const weighted = standardisation.kind === "exponential";
  const moments: ColumnStandardisation = { mean: 0, scale: 0 };
  const w = scratch.weights;
  const sqrtW = scratch.sqrtWeights;
  // The usual overlap is a run of consecutive rows (listing to delisting): copy it in one move.
  const contiguous = n > 0 && overlap[n - 1] - overlap[0] === n - 1;
  for (let p = 0; p < columns.length; p++) {
    const base = columns[p] * rows;
    let x = scratch.values;
    if (contiguous) x.set(data.subarray(base + overlap[0], base + overlap[0] + n));
    else for (let k = 0; k < n; k++) x[k] = data[base + overlap[k]];
    if (standardisation.kind === "spearman") {
      x = averageRanksInto(x, n, scratch.sorted, scratch.ranks);
    }
    const { mean, scale } = standardiseColumn(x, n, weighted ? w : undefined, moments);
    const base3 = Math.floor(p / width) * stride + (p % width) * columnStep;
    // The pack is reused across group pairs: padding rows must be rewritten as zeros each time.
    for (let k = n; k < ld; k++) pack[base3 + rowStep * k] = 0;
    if (scale === 0) {
      zero[p] = 1;
      for (let k = 0; k < n; k++) pack[base3 + rowStep * k] = 0;
      continue;
    }
    zero[p] = 0;
    if (weighted) {
      for (let k = 0; k < n; k++) pack[base3 + rowStep * k] = sqrtW[k] * (x[k] - mean) * scale;
    } else {
      for (let k = 0; k < n; k++) pack[base3 + rowStep * k] = (x[k] - mean) * scale;
    }
  }
  return blocks;
}

function scatter(
  context: OutputContext,
  columnsA: readonly number[],
  columnsB: readonly number[],
  same: boolean,
  tile: Float64Array,
  ld: number,
  scratch: Scratch,
  n: number
): void {
  const { out, cols } = context;
  const zeroB = same ? scratch.zeroA : scratch.zeroB;
  for (let p = 0; p < columnsA.length; p++) {
    const i = columnsA[p];
    for (let q = same ? p : 0; q < columnsB.length; q++) {
      const j = columnsB[q];
      let value: number;
      if (scratch.zeroA[p] || zeroB[q]) {
        const constant = scratch.zeroA[p] ? i : j;
        const other = constant === i ? j : i;
        value = undefinedPairValue(context, constant, other, same, "zero", n);
      } else if (i === j) {
        value = 1;
      } else {
        // Rounding can push |ρ| a few ulps past 1 for (anti)collinear columns.
        value = Math.max(-1, Math.min(1, tile[p * ld + q]));
      }
      out[i * cols + j] = value;
      out[j * cols + i] = value;
    }
  }
}

function undefinedBlock(
  context: OutputContext,
  columnsA: readonly number[],
  columnsB: readonly number[],
  same: boolean,
  reason: "few",
  n: number
): void {
  const { out, cols } = context;
  for (let p = 0; p < columnsA.length; p++) {
    for (let q = same ? p : 0; q < columnsB.length; q++) {
      const i = columnsA[p];
      const j = columnsB[q];
      const value = undefinedPairValue(context, i, j, same, reason, n);
      out[i * cols + j] = value;
      out[j * cols + i] = value;
    }
  }
}
