import fc from "fast-check";
import { base64Bytes } from "../../../../src/core/correlation/wasm/base64Bytes";
import { gramKernelWasm } from "../../../../src/core/correlation/wasm/gramKernelWasm";
import { simdProbeWasm } from "../../../../src/core/correlation/wasm/simdProbeWasm";

describe("base64Bytes", () => {
  it("decodes a hand-worked case", () => {
    // "AGFz" = 000000 000110 000101 110011 → 0x00 0x61 0x73; "bQ==" = 011011 010000 → 0x6d.
    expect(Array.from(base64Bytes("AGFzbQ=="))).toEqual([0, 97, 115, 109]);
    expect(Array.from(base64Bytes("TWE="))).toEqual([77, 97]);
    expect(base64Bytes("").length).toBe(0);
  });

  it("matches Node's Buffer decoder on random bytes (oracle, property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString("base64");
        expect(Array.from(base64Bytes(text))).toEqual(Array.from(Buffer.from(text, "base64")));
        expect(Array.from(base64Bytes(text))).toEqual(Array.from(bytes));
      }),
      { numRuns: 100 }
    );
  });

  it("decodes the generated modules to WebAssembly binaries (magic and version)", () => {
    for (const text of [gramKernelWasm, simdProbeWasm]) {
      expect(Array.from(base64Bytes(text).subarray(0, 8))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
      expect(Array.from(base64Bytes(text))).toEqual(Array.from(Buffer.from(text, "base64")));
    }
  });

  it("throws on a length that is not a multiple of 4", () => {
    expect(() => base64Bytes("AGF")).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringContaining("length 3 is not a multiple of 4"),
      })
    );
  });

  it("throws on a character outside the alphabet, or padding inside the text", () => {
    expect(() => base64Bytes("AG-z")).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringContaining('character "-" at 2 is invalid'),
      })
    );
    expect(() => base64Bytes("AG==AGFz")).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringContaining('character "=" at 2 is invalid'),
      })
    );
    expect(() => base64Bytes("A=B=")).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("leaves its input unchanged and returns a fresh array each time", () => {
    const text = "AGFzbQ==";
    const a = base64Bytes(text);
    a[0] = 255;
    expect(text).toBe("AGFzbQ==");
    expect(base64Bytes(text)[0]).toBe(0);
  });
});
