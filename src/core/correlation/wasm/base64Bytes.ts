import { CoreError } from "../../errors";

/** Standard base64 alphabet (RFC 4648 §4). */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes standard base64 (RFC 4648 §4, `=` padding) to bytes, for the embedded WebAssembly binaries.
 *
 * Written out rather than using `atob` or `Buffer` so the core stays free of DOM and Node APIs (atob
 * is a browser/worker global; Buffer is Node only). Matches Node's `Buffer.from(text, "base64")` on
 * valid input.
 * Complexity: O(length) time, one output allocation.
 *
 * @param text base64 text, length a multiple of 4
 * @returns the decoded bytes
 * @throws CoreError INVALID_ARGUMENT (a length not a multiple of 4; a character outside the alphabet,
 *   or `=` anywhere but the end). The input is a generated constant, so either is a build defect.
 * @example base64Bytes("AGFzbQ=="); // => Uint8Array [0, 97, 115, 109]
 */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `base64: length ${text.length} is not a multiple of 4; rerun npm run build:wasm`,
      { argument: "base64" }
    );
  }
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let group = 0;
    for (let k = 0; k < 4; k++) {
      const c = text[i + k];
      const v = c === "=" && i + 4 === text.length && k >= 4 - padding ? 0 : ALPHABET.indexOf(c);
      if (v < 0) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `base64: character ${JSON.stringify(c)} at ${i + k} is invalid; rerun npm run build:wasm`,
          { argument: "base64" }
        );
      }
      group = (group << 6) | v;
    }
    if (o < bytes.length) bytes[o++] = (group >>> 16) & 255;
    if (o < bytes.length) bytes[o++] = (group >>> 8) & 255;
    if (o < bytes.length) bytes[o++] = group & 255;
  }
  return bytes;
}
