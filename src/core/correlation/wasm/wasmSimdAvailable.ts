import { base64Bytes } from "./base64Bytes";
import { simdProbeWasm } from "./simdProbeWasm";

let cached: boolean | undefined;

/**
 * Whether this JavaScript engine runs WebAssembly with 128-bit SIMD, so correlationByOverlap can
 * use the SIMD Gram kernel; otherwise it keeps the scalar JS kernel (packedCrossProduct).
 *
 * Method: `WebAssembly.validate` on a 88-byte probe module (simdProbe.wat) using the final SIMD
 * opcodes the kernel uses (v128.const, f64x2.mul/add/extract_lane), as the wasm-feature-detect
 * library does. Excel's runtimes: WebView2 (Chromium ≥ 91) and Safari/WKWebView ≥ 16.4 pass;
 * older WKWebView, engines without WebAssembly, or a host that throws (e.g. a policy disabling
 * WebAssembly) give false. The answer is cached for the life of the page.
 * Complexity: O(1) after the first call.
 *
 * @returns true when WebAssembly SIMD is available
 * @throws nothing: any failure of the probe means "not available"
 * @example wasmSimdAvailable(); // => true on Node ≥ 16.4, Chrome ≥ 91, Safari ≥ 16.4
 */
export function wasmSimdAvailable(): boolean {
  if (cached === undefined) cached = probe();
  return cached;
}

function probe(): boolean {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.validate !== "function") return false;
  try {
    return WebAssembly.validate(base64Bytes(simdProbeWasm));
  } catch {
    // A host may expose WebAssembly yet refuse it; that is a missing feature, not an error.
    return false;
  }
}
