import { CoreError } from "../errors";
import { base64Bytes } from "../correlation/wasm/base64Bytes";
import { symmetricProductKernelWasm } from "../correlation/wasm/symmetricProductKernelWasm";
import { wasmSimdAvailable } from "../correlation/wasm/wasmSimdAvailable";

/** WebAssembly page size in bytes (fixed by the specification). */
const PAGE_BYTES = 65536;

/**
 * Largest workspace in bytes: the kernel forms byte addresses as 32-bit integers and compares
 * them signed in places, so every address stays below 2³¹ (n ≤ about 16,000).
 */
const MAX_WORKSPACE_BYTES = 2 ** 31 - PAGE_BYTES;

/** A matrix and two vectors living in the kernel's linear memory, plus the kernel entry point. */
export interface SymmetricProductWorkspace {
  /** The n × n matrix, row-major; the product reads its upper triangle only. */
  readonly matrix: Float64Array;
  /** The vector v (n entries). */
  readonly v: Float64Array;
  /** The product s (n entries): product(from) sets s[from …] and leaves s[0 … from) as it was. */
  readonly s: Float64Array;
  /** s[i] = Σ_{j ≥ from} B_ij v[j] for i ≥ from, B = matrix[from …, from …] read from its upper triangle. */
  readonly product: (from: number) => void;
}

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly symv: (a: number, n: number, from: number, v: number, s: number) => void;
}

/** The instantiated kernel, shared by every call (null: unavailable, use the JS product). */
let shared: Kernel | null | undefined;

/**
 * A workspace for the WebAssembly SIMD symmetric matrix-vector product (symmetricProductKernel.wat,
 * the BLAS dsymv with the upper triangle): an n × n matrix and the vectors v and s as views on the
 * kernel's memory, so a caller that keeps its matrix there (symmetricSpectrum's blocked Householder
 * tridiagonalisation) multiplies without copying.
 *
 * Formula: s_i = Σ_{j ≥ from} B_ij v_j, B_ij = matrix[i·n + j] for j ≥ i and matrix[j·n + i] below.
 * Method: four rows at a time, each pair of columns to the right of the 4 × 4 diagonal block loaded
 * once as f64x2 and used both for the four row sums and for the column update s_j += Σ_r B_rj v_r
 * (the loop is bound by its loads; ≈ 4.5× the JS four-row loop at n = 500, Node 20). Numerics: each
 * row sum is split over two lanes (even and odd columns) added at the end, so results differ from
 * a sequential sum by rounding only (|Δ| ≤ about n · 2⁻⁵³ · Σ_j |B_ij v_j|).
 * The module (≈ 1.1 KB, under Chromium's 4 KB limit for synchronous compilation on the main
 * thread) is compiled on first use and reused; memory grows to fit and never shrinks, so views from
 * an earlier call are detached by a later, larger one: use a workspace before asking for the next.
 * Complexity: product O((n − from)²) multiply-adds (half the block, by symmetry); the workspace O(1)
 * apart from growing the memory.
 *
 * @param n the matrix size (an integer ≥ 1)
 * @returns the workspace, or undefined when WebAssembly SIMD is unavailable, instantiation is
 *   refused, n is not a positive integer, or the memory cannot grow (the caller then uses JS)
 * @throws CoreError INVALID_ARGUMENT from product when `from` is not an integer in [0, n); the
 *   workspace itself throws nothing (every failure means "use the JS product")
 * @example const w = symmetricProductWorkspace(2)!; w.matrix.set([2, 1, 1, 3]); w.v.set([1, 1]);
 *   w.product(0); Array.from(w.s); // => [3, 4]
 */
export function symmetricProductWorkspace(n: number): SymmetricProductWorkspace | undefined {
  if (!Number.isInteger(n) || n < 1) return undefined;
  const kernel = instance();
  if (kernel === null) return undefined;
  const matrixBytes = roundUp(8 * n * n, 16);
  const vectorBytes = roundUp(8 * n, 16);
  const bytes = matrixBytes + 2 * vectorBytes;
  if (bytes > MAX_WORKSPACE_BYTES) return undefined;
  const memory = kernel.memory;
  const have = memory.buffer.byteLength;
  if (bytes > have) {
    try {
      memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    } catch {
      // RangeError: the engine's memory limit; the JS product needs no contiguous buffer this large.
      return undefined;
    }
  }
  const buffer = memory.buffer;
  const vAt = matrixBytes;
  const sAt = matrixBytes + vectorBytes;
  const s = new Float64Array(buffer, sAt, n);
  const symv = kernel.symv;
  return {
    matrix: new Float64Array(buffer, 0, n * n),
    v: new Float64Array(buffer, vAt, n),
    s,
    product: (from: number) => {
      if (!(Number.isInteger(from) && from >= 0 && from < n)) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `from must be an integer from 0 to ${n - 1}; got ${from}`,
          { argument: "from" }
        );
      }
      s.fill(0, from, n);
      symv(0, n, from, vAt, sAt);
    },
  };
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

function instance(): Kernel | null {
  if (shared === undefined) {
    shared = null;
    if (wasmSimdAvailable()) {
      try {
        const module = new WebAssembly.Module(base64Bytes(symmetricProductKernelWasm));
        shared = new WebAssembly.Instance(module).exports as unknown as Kernel;
      } catch {
        // A host can validate WebAssembly yet refuse to compile it (a CSP without
        // 'wasm-unsafe-eval'): the JS product computes the same vector, only slower.
        shared = null;
      }
    }
  }
  return shared;
}
