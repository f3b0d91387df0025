import { base64Bytes } from "./base64Bytes";
import { wasmSimdAvailable } from "./wasmSimdAvailable";

/**
 * The lazy, cached instance of an embedded WebAssembly SIMD kernel, as the SIMD workspaces (Gram,
 * Kendall, tridiagonal) share one instance per page: returns a getter that, on its first call,
 * compiles the module from its base64 bytes and instantiates it, then answers from its cache.
 *
 * Method: only where wasmSimdAvailable() is true is `wasmBase64` called (after the SIMD probe, so
 * it may ask for further features, e.g. relaxed SIMD) and its module compiled and instantiated
 * synchronously (`new WebAssembly.Module`, `new WebAssembly.Instance`, no imports): the kernels
 * are under Chromium's 4 KB limit for synchronous compilation on the main thread, and the callers
 * are synchronous. Any failure caches null, so a refused host is asked once, not on every call.
 * Complexity: the first call decodes and compiles the module (O(module bytes)); later calls O(1).
 *
 * @param wasmBase64 returns the module's base64 bytes (one of the generated *Wasm.ts constants)
 * @returns the getter: the instance's exports typed as K, or null when WebAssembly SIMD is
 *   unavailable or the host refuses to compile or instantiate the module (e.g. a CSP without
 *   'wasm-unsafe-eval'), the caller then using its JS kernel
 * @throws nothing, neither this nor the getter: every failure means "use the JS kernel"
 * @example const kernel = lazySimdKernel<{ memory: WebAssembly.Memory }>(() => kendallKernelWasm);
 *   kernel()?.memory.buffer.byteLength; // => 65536 where SIMD runs (undefined where it does not)
 */
export function lazySimdKernel<K>(wasmBase64: () => string): () => K | null {
  let shared: K | null | undefined;
  return () => {
    if (shared !== undefined) return shared;
    shared = null;
    if (!wasmSimdAvailable()) return shared;
    try {
      const module = new WebAssembly.Module(base64Bytes(wasmBase64()));
      shared = new WebAssembly.Instance(module, {}).exports as unknown as K;
    } catch {
      // A host can validate SIMD yet refuse to compile or instantiate it: the JS kernel computes
      // the same result, only slower.
      shared = null;
    }
    return shared;
  };
}
