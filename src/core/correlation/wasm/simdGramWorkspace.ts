import { CoreError } from "../../errors";
import { base64Bytes } from "./base64Bytes";
import { gramKernelWasm } from "./gramKernelWasm";
import { wasmSimdAvailable } from "./wasmSimdAvailable";

/** Columns per register-tile block in gramKernel.wat (a 3 × 3 tile of f64x2 accumulators). */
export const SIMD_BLOCK_WIDTH = 3;

/** WebAssembly page size in bytes (fixed by the specification). */
const PAGE_BYTES = 65536;

/**
 * Largest workspace in bytes: the kernel compares byte addresses as unsigned 32-bit integers, and
 * 2 GiB keeps every address it forms (base + offset) below 2³² with room to spare. Larger inputs
 * (≈ 35,000 assets × 3,650 rows) take the JS kernel.
 */
const MAX_WORKSPACE_BYTES = 2 ** 31;

/** Packs and output living in the kernel's linear memory, plus the kernel entry point. */
export interface SimdGramWorkspace {
  /** Pack A: column k at packA[k · ld, k · ld + ld), ld even; columns padded with zeros to blocks of 3. */
  readonly packA: Float64Array;
  /** Pack B, same layout; the same array as packA when the workspace was created with separateB false. */
  readonly packB: Float64Array;
  /** Row-major (3·blocksA) × (3·blocksB) accumulator the caller zeroes before crossProduct. */
  readonly out: Float64Array;
  /** Largest number of 3-column blocks a pack holds. */
  readonly maxBlocks: number;
  /** Largest row stride (maxRows rounded up to even). */
  readonly maxLd: number;
  /**
   * out[(3a + p)·3·blocksB + 3b + q] += Σ_{t<ld} A_{3a+p}[t] · B_{3b+q}[t] for a < blocksA, b < blocksB;
   * with upperOnly, B is pack A itself (the Gram AᵀA) and only blocks b ≥ a are computed. ld is
   * even: the rows past the real row count must hold zeros.
   */
  readonly crossProduct: (blocksA: number, blocksB: number, ld: number, upperOnly: boolean) => void;
}

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly gram: (
    a: number,
    b: number,
    blocksA: number,
    blocksB: number,
    ld: number,
    out: number,
    ldOut: number,
    upper: number
  ) => void;
}

/** The instantiated kernel, shared by every call (null: instantiation failed, use the JS kernel). */
let shared: Kernel | null | undefined;

/**
 * A workspace for the WebAssembly SIMD Gram kernel (gramKernel.wat): views on the kernel's linear
 * memory sized for up to `maxColumns` columns of up to `maxRows` rows, and the kernel call.
 *
 * Formula: crossProduct accumulates the Gram/cross-product blocks Aᵀ B of column-contiguous packs
 * (the upper block-triangle when upperOnly), as packedCrossProduct does for its 3-interleaved packs.
 * Numerics: each f64x2 lane sums every other row (products rounded once, no FMA) and the two lanes
 * are added once per 256-row block, so results differ from the sequential JS kernel only in
 * summation order: |Δ| ≤ about rows · 2⁻⁵³ · ‖a‖‖b‖ (measured ≈ 1e-16 for unit-norm columns).
 * Reference: GotoBLAS/BLIS register tiling (Goto & van de Geijn 2008) with a 3 × 3 tile of f64x2.
 * Method: the module (855 bytes, under Chromium's 4 KB limit for synchronous compilation on the
 * main thread) is compiled and instantiated synchronously from the embedded bytes on first use and
 * reused; memory grows to fit and never shrinks. Views from an earlier call are detached when a
 * later call grows the memory, so use a workspace before asking for the next one.
 * Complexity: O(1) views; growing the memory copies it once. No I/O.
 *
 * @param maxColumns largest column count of a pack, at least 1
 * @param maxRows largest row count (the row stride is this rounded up to even)
 * @param separateB whether pack B needs its own memory (a cross product of two groups)
 * @returns the workspace, or undefined when WebAssembly SIMD is unavailable, instantiation is
 *   refused or the memory cannot grow (the caller then uses the JS kernel)
 * @throws CoreError INVALID_ARGUMENT (maxColumns < 1 or maxRows < 0, or not integers; crossProduct
 *   with blocks or ld outside the workspace, an odd ld, or upperOnly with blocksB ≠ blocksA)
 * @example const w = simdGramWorkspace(2, 3, false)!; // ld = 4, one block of 3 columns
 *   w.packA.fill(0).set([0.6, 0.8, 0, 0, 0, 1, 0, 0]); w.out.fill(0);
 *   w.crossProduct(1, 1, 4, true); [w.out[0], w.out[1]]; // => [1, 0.8] (0.36 + 0.64; 0.8 · 1)
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
  const maxBlocks = Math.ceil(maxColumns / SIMD_BLOCK_WIDTH);
  const maxLd = maxRows + (maxRows % 2);
  const packLength = maxBlocks * SIMD_BLOCK_WIDTH * maxLd;
  const outWidth = maxBlocks * SIMD_BLOCK_WIDTH;
  const packBytes = packLength * 8;
  const bytes = packBytes * (separateB ? 2 : 1) + outWidth * outWidth * 8;
  if (bytes > MAX_WORKSPACE_BYTES || !ensureBytes(kernel.memory, bytes)) return undefined;

  const buffer = kernel.memory.buffer;
  const packA = new Float64Array(buffer, 0, packLength);
  const offsetB = separateB ? packBytes : 0;
  const packB = separateB ? new Float64Array(buffer, offsetB, packLength) : packA;
  const offsetOut = packBytes * (separateB ? 2 : 1);
  const out = new Float64Array(buffer, offsetOut, outWidth * outWidth);
  const gram = kernel.gram;
  const crossProduct = (blocksA: number, blocksB: number, ld: number, upperOnly: boolean): void => {
    if (!isCount(blocksA, maxBlocks) || !isCount(blocksB, maxBlocks)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `blocks must be integers from 0 to ${maxBlocks}; got ${blocksA} and ${blocksB}`,
        { argument: "blocks" }
      );
    }
    if (!isCount(ld, maxLd) || ld % 2 !== 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `ld must be an even integer from 0 to ${maxLd}; got ${ld}`,
        { argument: "ld" }
      );
    }
    if (upperOnly && blocksA !== blocksB) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `upperOnly is the Gram of pack A, so blocksB must equal blocksA; got ${blocksA} and ${blocksB}`,
        { argument: "upperOnly" }
      );
    }
    const b = upperOnly ? 0 : offsetB;
    gram(0, b, blocksA, blocksB, ld, offsetOut, blocksB * SIMD_BLOCK_WIDTH, upperOnly ? 1 : 0);
  };
  return { packA, packB, out, maxBlocks, maxLd, crossProduct };
}

function isCount(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

function instantiate(): Kernel | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (!wasmSimdAvailable()) return shared;
  try {
    const module = new WebAssembly.Module(base64Bytes(gramKernelWasm));
    const exports = new WebAssembly.Instance(module, {}).exports;
    shared = { memory: exports.memory, gram: exports.gram } as Kernel;
  } catch {
    // A host can validate WebAssembly yet refuse to compile it (a CSP without 'wasm-unsafe-eval'):
    // the JS kernel computes the same matrix, only slower.
  }
  return shared;
}

function ensureBytes(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    return true;
  } catch {
    // RangeError: the engine's memory limit; the JS kernel needs no contiguous buffer this large.
    return false;
  }
}
