import { base64Bytes } from "./base64Bytes";
import { simdRelaxedProbeWasm } from "./simdRelaxedProbeWasm";
import { wasmSimdAvailable } from "./wasmSimdAvailable";

let cached: boolean | undefined;

/**
 * Whether this JavaScript engine runs WebAssembly relaxed SIMD, so the Gram kernel can use fused
 * multiply-adds (gramKernelFma.wat); otherwise the plain SIMD kernel (gramKernel.wat) runs.
 *
 * Method: `WebAssembly.validate` on an 85-byte probe module (simdRelaxedProbe.wat) using
 * f64x2.relaxed_madd, as the wasm-feature-detect library probes relaxed SIMD; only asked where
 * plain SIMD passes. Excel's runtimes: WebView2 (Chromium ≥ 114) passes; Safari/WKWebView and
 * Node 20 (without --experimental-wasm-relaxed-simd) do not. Cached for the life of the page.
 * Complexity: O(1) after the first call.
 *
 * @returns true when WebAssembly relaxed SIMD is available
 * @throws nothing: any failure of the probe means "not available"
 * @example wasmRelaxedSimdAvailable(); // => true in Chrome ≥ 114, false in Node 20
 */
export function wasmRelaxedSimdAvailable(): boolean {
  if (cached === undefined) cached = wasmSimdAvailable() && probe();
  return cached;
}

function probe(): boolean {
  try {
    return WebAssembly.validate(base64Bytes(simdRelaxedProbeWasm));
  } catch {
    return false;
  }
}
