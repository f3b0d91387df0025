import { CoreError } from "../errors";
import { growMemoryTo, WASM_PAGE_BYTES } from "../correlation/wasm/growMemory";
import { lazySimdKernel } from "../correlation/wasm/lazySimdKernel";
import { tridiagonalKernelWasm } from "../correlation/wasm/tridiagonalKernelWasm";

/**
 * Largest workspace in bytes: the kernels form byte addresses as 32-bit integers and compare
 * some of them signed, so every address stays below 2³¹ (n ≤ about 16,000).
 */
const MAX_WORKSPACE_BYTES = 2 ** 31 - WASM_PAGE_BYTES;

/**
 * The arrays of a blocked Householder tridiagonalisation living in the kernels' linear memory,
 * plus the kernel calls on them. Vectors are indexed like the matrix (entry j belongs to row or
 * column j); V and W hold `panel` columns of n entries, column q at [q·n, (q + 1)·n).
 */
export interface TridiagonalWorkspace {
  /** The n × n matrix, row-major; the kernels read and write its upper triangle only. */
  readonly matrix: Float64Array;
  /** The reflector v (n entries). */
  readonly v: Float64Array;
  /** The product p (n entries). */
  readonly p: Float64Array;
  /** The panel's reflectors V (panel · n entries). */
  readonly vs: Float64Array;
  /** The panel's W (panel · n entries). */
  readonly ws: Float64Array;
  /**
   * The packs of the trailing update, row i of each at [i·ld, (i + 1)·ld), ld = 2 · panel, for up
   * to n rows (plus zero rows to a multiple of 4, which the caller need not touch).
   */
  readonly packA: Float64Array;
  readonly packB: Float64Array;
  /** p[i] = Σ_{j ≥ from} B_ij v[j] for i ≥ from, B = matrix[from …, from …] from its upper triangle. */
  readonly product: (from: number) => void;
  /** matrix[k, j] −= Σ_{q<c} (V_q[k] W_q[j] + W_q[k] V_q[j]) for j ≥ k: row k up to date with c reflectors. */
  readonly rowUpdate: (k: number, c: number) => void;
  /** p[j] −= Σ_{q<c} (V_q[j] (W_qᵀv) + W_q[j] (V_qᵀv)) for j ≥ from, the dot products over j ≥ from. */
  readonly panelCorrection: (c: number, from: number) => void;
  /**
   * matrix[from + i, from + j] −= Σ_{t<ld} packA[i·ld + t] · packB[j·ld + t] for 0 ≤ i ≤ j < m,
   * m = n − from: the trailing block's upper triangle minus the rank-ld product.
   */
  readonly trailingUpdate: (from: number) => void;
}

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly symv: (a: number, n: number, from: number, v: number, s: number) => void;
  readonly rowUpdate: (
    row: number,
    vs: number,
    ws: number,
    n: number,
    c: number,
    k: number
  ) => void;
  readonly panelCorrection: (
    vs: number,
    ws: number,
    n: number,
    c: number,
    from: number,
    v: number,
    p: number,
    dots: number
  ) => void;
  readonly syr2k: (
    a: number,
    n: number,
    from: number,
    m: number,
    packA: number,
    packB: number,
    ld: number
  ) => void;
}

/** The instantiated kernels, shared by every call (null: unavailable, use the JS sweep). */
const instance = lazySimdKernel<Kernel>(() => tridiagonalKernelWasm);

/**
 * A workspace for the WebAssembly SIMD kernels of symmetricSpectrum's blocked Householder
 * tridiagonalisation (tridiagonalKernel.wat; LAPACK dsytrd/dlatrd): the matrix, the reflector v,
 * the product p, the panel's V and W and the packs of the trailing update as views on the
 * kernels' memory, so the sweep runs with no copies between calls.
 *
 * Formulas (B the trailing block from row/column `from`, read and written in its upper triangle):
 *   product: p = B v (BLAS dsymv, upper), four rows at a time, each pair of columns loaded once as
 *     f64x2 for both the four row sums and the column update (≈ 4.5× the JS four-row loop at
 *     n = 500, Node 20);
 *   rowUpdate: row k minus the panel's c earlier rank-2 terms (dlatrd's row refresh);
 *   panelCorrection: p minus V(Wᵀv) + W(Vᵀv) (dlatrd's correction of B v for the panel);
 *   trailingUpdate: B ← B − [V W][W V]ᵀ on the upper triangle (BLAS dsyr2k, upper), 2 × 4 register
 *     tiles of f64x2 over the packs (as gramKernel.wat), half the work of the full product.
 * Numerics: sums run over two lanes and in blocks, so results differ from sequential sums by
 * rounding only (|Δ| ≤ about terms · 2⁻⁵³ · Σ|term|).
 * The module (≈ 3 KB, under Chromium's 4 KB limit for synchronous compilation on the main
 * thread) is compiled on first use and reused; memory grows to fit and never shrinks, so views from
 * an earlier call are detached by a later, larger one: use a workspace before asking for the next.
 * Complexity: product O((n − from)²) multiply-adds (half the block, by symmetry); rowUpdate
 * O(c (n − k)); panelCorrection O(c (n − from)); trailingUpdate O(ld (n − from)² / 2); the
 * workspace O(1) apart from growing the memory.
 *
 * @param n the matrix size (an integer ≥ 1)
 * @param panel reflectors per panel (an integer ≥ 1)
 * @returns the workspace, or undefined when WebAssembly SIMD is unavailable, instantiation is
 *   refused, n or panel is not a positive integer, or the memory cannot grow (the caller then
 *   uses the JS sweep)
 * @throws CoreError INVALID_ARGUMENT from a kernel call whose row, start or reflector count is
 *   outside the matrix or the panel; the workspace itself throws nothing
 * @example const w = tridiagonalWorkspace(2, 1)!; w.matrix.set([2, 1, 1, 3]); w.v.set([1, 1]);
 *   w.product(0); Array.from(w.p); // => [3, 4]
 */
export function tridiagonalWorkspace(n: number, panel: number): TridiagonalWorkspace | undefined {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(panel) || panel < 1) return undefined;
  const kernel = instance();
  if (kernel === null) return undefined;
  const ld = 2 * panel;
  const packRows = roundUp(n, 4);
  const matrixBytes = roundUp(8 * n * n, 16);
  const vectorBytes = roundUp(8 * n, 16);
  const panelBytes = 8 * panel * n;
  const packBytes = 8 * packRows * ld;
  const at = {
    v: matrixBytes,
    p: matrixBytes + vectorBytes,
    vs: matrixBytes + 2 * vectorBytes,
    ws: matrixBytes + 2 * vectorBytes + panelBytes,
    dots: matrixBytes + 2 * vectorBytes + 2 * panelBytes,
    packA: roundUp(matrixBytes + 2 * vectorBytes + 2 * panelBytes + 16 * panel, 16),
  };
  const packBAt = at.packA + packBytes;
  const bytes = packBAt + packBytes;
  if (bytes > MAX_WORKSPACE_BYTES) return undefined;
  const memory = kernel.memory;
  // A refusal (the engine's memory limit) leaves the JS sweep, which needs no contiguous buffer.
  if (!growMemoryTo(memory, bytes)) return undefined;
  const buffer = memory.buffer;
  const p = new Float64Array(buffer, at.p, n);
  const packA = new Float64Array(buffer, at.packA, packRows * ld);
  const packB = new Float64Array(buffer, packBAt, packRows * ld);
  // Rows past n of the packs stay zero: the 2 × 4 tiles read them (their results are not written).
  packA.fill(0, n * ld);
  packB.fill(0, n * ld);
  const { symv, rowUpdate, panelCorrection, syr2k } = kernel;
  return {
    matrix: new Float64Array(buffer, 0, n * n),
    v: new Float64Array(buffer, at.v, n),
    p,
    vs: new Float64Array(buffer, at.vs, panel * n),
    ws: new Float64Array(buffer, at.ws, panel * n),
    packA,
    packB,
    product: (from) => {
      checkIndex("from", from, n);
      p.fill(0, from, n);
      symv(0, n, from, at.v, at.p);
    },
    rowUpdate: (k, c) => {
      checkIndex("k", k, n);
      checkIndex("c", c, panel + 1);
      rowUpdate(8 * k * n, at.vs, at.ws, n, c, k);
    },
    panelCorrection: (c, from) => {
      checkIndex("c", c, panel + 1);
      checkIndex("from", from, n);
      panelCorrection(at.vs, at.ws, n, c, from, at.v, at.p, at.dots);
    },
    trailingUpdate: (from) => {
      checkIndex("from", from, n);
      syr2k(0, n, from, n - from, at.packA, packBAt, ld);
    },
  };
}

function checkIndex(name: string, value: number, end: number): void {
  if (!(Number.isInteger(value) && value >= 0 && value < end)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${name} must be an integer from 0 to ${end - 1}; got ${value}`,
      { argument: name }
    );
  }
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
