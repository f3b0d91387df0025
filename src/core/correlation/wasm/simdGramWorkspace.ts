import { CoreError } from "../../errors";
import { gramKernelFmaWasm } from "./gramKernelFmaWasm";
import { gramKernelWasm } from "./gramKernelWasm";
import { growMemoryTo } from "./growMemory";
import { lazySimdKernel } from "./lazySimdKernel";
import { wasmRelaxedSimdAvailable } from "./wasmRelaxedSimdAvailable";

/** Column multiples of the kernel's 2 × 4 register tile (gramKernel.wat): A pads to 2, B to 4. */
const TILE_ROWS = 2;
const TILE_COLUMNS = 4;

/**
 * Width in columns of A of the first kernel call; each next call covers twice as many (8, 16, 32,
 * …: 6 calls for 500 columns). Why: V8 runs a new WebAssembly function in its baseline compiler
 * (Liftoff) and compiles it with TurboFan once it is hot, for the calls that follow: a call already
 * running stays in baseline code, which is ≈ 3× slower for this kernel (500 × 3,650 Gram, Node 20:
 * 200–270 ms CPU in one baseline call, 60–85 ms optimised). One call per product made a page's
 * first CORRMATRIX 2.2× a warm one; a narrow first strip gives the tier-up a few ms to finish.
 * A multiple of 4, so strips keep the tile alignment upperOnly relies on.
 */
const FIRST_STRIP = 8;

/**
 * Largest workspace in bytes: the kernel compares byte addresses as unsigned 32-bit integers, and
 * 2 GiB keeps every address it forms (base + offset) below 2³² with room to spare. Larger inputs
 * (beyond ≈ 13,000 assets × 3,650 rows with two packs, where the 8·cols² output dominates) take the
 * JS kernel.
 */
const MAX_WORKSPACE_BYTES = 2 ** 31;

/** Packs and output living in the kernel's linear memory, plus the kernel entry point. */
export interface SimdGramWorkspace {
  /** Pack A: column k at packA[k · ld, k · ld + ld), ld even (an odd row count padded with a zero). */
  readonly packA: Float64Array;
  /** Pack B, same layout; the same array as packA when the workspace was created with separateB false. */
  readonly packB: Float64Array;
  /** The product, row-major with the leading dimension crossProduct returns. */
  readonly out: Float64Array;
  /** Largest column count of a pack. */
  readonly maxColumns: number;
  /** Largest row stride ld (maxRows rounded up to even). */
  readonly maxLd: number;
  /**
   * Sets out[i·ldOut + j] = Σ_{t<ld} A_i[t] · B_j[t] for i < colsA, j < colsB and returns ldOut;
   * with upperOnly, B is pack A itself (the Gram AᵀA, colsB = colsA) and only j ≥ 4·⌊i/4⌋ is
   * computed (the upper triangle and a little more). Padding: crossProduct zeroes the pack columns
   * past colsA/colsB up to the tile multiple; the caller zeroes rows n ≤ t < ld of its columns.
   * Without a separate B (separateB false) B is always pack A, so colsB must equal colsA.
   */
  readonly crossProduct: (colsA: number, colsB: number, ld: number, upperOnly: boolean) => number;
}

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly gram: (
    a: number,
    b: number,
    colsA: number,
    colsB: number,
    ld: number,
    out: number,
    ldOut: number,
    upper: number
  ) => void;
}

/**
 * The instantiated kernel, shared by every call (null: instantiation failed, use the JS kernel):
 * fused multiply-adds where the engine has relaxed SIMD (gramKernelFma.wat), else mul + add.
 */
const instantiate = lazySimdKernel<Kernel>(() =>
  wasmRelaxedSimdAvailable() ? gramKernelFmaWasm : gramKernelWasm
);

/**
 * A workspace for the WebAssembly SIMD Gram kernel (gramKernel.wat): views on the kernel's linear
 * memory sized for up to `maxColumns` columns of up to `maxRows` rows, and the kernel call.
 *
 * Formula: crossProduct computes the cross product AᵀB of column-contiguous packs (the Gram AᵀA,
 * upper triangle, when upperOnly), as packedCrossProduct does for its 3-interleaved packs.
 * Numerics: each f64x2 lane sums every other row and the two lanes are added once per 256-row
 * block, so results differ from the sequential JS kernel in summation order, and, where the engine
 * has relaxed SIMD (gramKernelFma.wat: Chromium ≥ 114), in each product-and-add being rounded once
 * (a fused multiply-add) instead of twice: |Δ| ≤ about rows · 2⁻⁵³ · ‖a‖‖b‖ either way (≤ 6e-16 seen
 * on 500 × 3,650 unit-norm columns).
 * Reference: GotoBLAS/BLIS register tiling (Goto & van de Geijn 2008) with a 2 × 4 tile of f64x2.
 * Method: the module (785 bytes, under Chromium's 4 KB limit for synchronous compilation on the
 * main thread) is compiled and instantiated synchronously from the embedded bytes on first use and
 * reused; memory grows to fit and never shrinks. A product is a few kernel calls over strips of A
 * of doubling width, so a page's first product runs mostly in optimised code (FIRST_STRIP). Views from an earlier call are detached when a
 * later call grows the memory, so use a workspace before asking for the next one.
 * Complexity: crossProduct O(rows · colsA · colsB) multiply-adds (about half when upperOnly); the
 * workspace O(1) apart from growing the memory, which copies it once. No I/O.
 *
 * @param maxColumns largest column count of a pack, at least 1
 * @param maxRows largest row count (the row stride is this rounded up to even)
 * @param separateB whether pack B needs its own memory (a cross product of two groups)
 * @returns the workspace, or undefined when WebAssembly SIMD is unavailable, instantiation is
 *   refused or the memory cannot grow (the caller then uses the JS kernel)
 * @throws CoreError INVALID_ARGUMENT (maxColumns < 1 or maxRows < 0, or not integers; crossProduct
 *   with column counts or ld outside the workspace, an odd ld, or colsB ≠ colsA when B is pack A)
 * @example const w = simdGramWorkspace(2, 3, false)!; // column stride ld = 4
 *   w.packA.set([0.6, 0.8, 0, 0, 0, 1, 0, 0]);
 *   const ld = w.crossProduct(2, 2, 4, true); [w.out[0], w.out[1], ld]; // => [1, 0.8, 4]
 */
export function simdGramWorkspace(
  maxColumns: number,
  maxRows: number,
  separateB: boolean
): SimdGramWorkspace | undefined {
  if (!Number.isInteger(maxColumns) || maxColumns < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxColumns must be an integer of at least 1; got ${maxColumns}`,
      { argument: "maxColumns" }
    );
  }
  if (!Number.isInteger(maxRows) || maxRows < 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxRows must be a non-negative integer; got ${maxRows}`,
      { argument: "maxRows" }
    );
  }
  const kernel = instantiate();
  if (kernel === null) return undefined;
  const capacity = roundUp(maxColumns, TILE_COLUMNS);
  const maxLd = roundUp(maxRows, 2);
  const packLength = capacity * maxLd;
  const packBytes = packLength * 8;
  const bytes = packBytes * (separateB ? 2 : 1) + capacity * capacity * 8;
  if (bytes > MAX_WORKSPACE_BYTES || !growMemoryTo(kernel.memory, bytes)) return undefined;

  const buffer = kernel.memory.buffer;
  const packA = new Float64Array(buffer, 0, packLength);
  const offsetB = separateB ? packBytes : 0;
  const packB = separateB ? new Float64Array(buffer, offsetB, packLength) : packA;
  const offsetOut = packBytes * (separateB ? 2 : 1);
  const out = new Float64Array(buffer, offsetOut, capacity * capacity);
  const gram = kernel.gram;
  const crossProduct = (colsA: number, colsB: number, ld: number, upperOnly: boolean): number => {
    if (!isCount(colsA, maxColumns) || !isCount(colsB, maxColumns)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `column counts must be integers from 0 to ${maxColumns}; got ${colsA} and ${colsB}`,
        { argument: "columns" }
      );
    }
    if (!isCount(ld, maxLd) || ld % 2 !== 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `ld must be an even integer from 0 to ${maxLd}; got ${ld}`,
        { argument: "ld" }
      );
    }
    // B is pack A itself for the Gram (upperOnly) and in a workspace without a separate B.
    const sameAsA = upperOnly || !separateB;
    if (sameAsA && colsA !== colsB) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `B is pack A here (upperOnly, or no separate B), so colsB must equal colsA; got ${colsA} and ${colsB}`,
        { argument: "columns" }
      );
    }
    // Read as B too, A then pads to B's multiple of 4.
    const paddedA = roundUp(colsA, sameAsA ? TILE_COLUMNS : TILE_ROWS);
    const paddedB = roundUp(colsB, TILE_COLUMNS);
    packA.fill(0, colsA * ld, paddedA * ld);
    if (!sameAsA) packB.fill(0, colsB * ld, paddedB * ld);
    out.fill(0, 0, paddedA * paddedB);
    const b = sameAsA ? 0 : offsetB;
    const colBytes = ld * 8;
    // Strips of A columns, as separate kernel calls of doubling width (see FIRST_STRIP). Each output
    // entry is still summed by one call over the same row blocks in the same order, so the product
    // is bit-identical to one call's; with upperOnly a strip from column i0 (a multiple of 4) needs
    // B only from column i0, where its first 4-column block starts.
    for (let i0 = 0, width = FIRST_STRIP; i0 < paddedA; i0 += width, width *= 2) {
      const colsStrip = Math.min(width, paddedA - i0);
      const j0 = upperOnly ? i0 : 0;
      gram(
        i0 * colBytes,
        b + j0 * colBytes,
        colsStrip,
        paddedB - j0,
        ld,
        offsetOut + (i0 * paddedB + j0) * 8,
        paddedB,
        upperOnly ? 1 : 0
      );
    }
    return paddedB;
  };
  return { packA, packB, out, maxColumns, maxLd, crossProduct };
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

function isCount(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}
