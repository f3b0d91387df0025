import fc from "fast-check";
import { growMemoryTo, WASM_PAGE_BYTES } from "../../../../src/core/correlation/wasm/growMemory";

describe("growMemoryTo", () => {
  it("leaves a large enough memory untouched: same buffer, still attached", () => {
    const memory = new WebAssembly.Memory({ initial: 2, maximum: 4 });
    const before = memory.buffer;
    new Uint8Array(before)[100] = 7;
    expect(growMemoryTo(memory, 2 * WASM_PAGE_BYTES)).toBe(true);
    expect(growMemoryTo(memory, 0)).toBe(true);
    expect(memory.buffer).toBe(before);
    expect(before.byteLength).toBe(131072);
    expect(new Uint8Array(before)[100]).toBe(7);
  });

  it("grows by whole pages to ⌈bytes / 65,536⌉, keeping the contents", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 8 });
    new Float64Array(memory.buffer)[3] = 0.1;
    // 65,537 bytes: one byte past the first page, so exactly one more page (131,072 bytes).
    expect(growMemoryTo(memory, 65537)).toBe(true);
    expect(memory.buffer.byteLength).toBe(131072);
    // 3 pages and 1 byte from 2 pages: 2 more pages, 4 in all (262,144 bytes).
    expect(growMemoryTo(memory, 196609)).toBe(true);
    expect(memory.buffer.byteLength).toBe(262144);
    expect(new Float64Array(memory.buffer)[3]).toBe(0.1);
  });

  it("grows a memory of zero pages", () => {
    const memory = new WebAssembly.Memory({ initial: 0, maximum: 2 });
    expect(growMemoryTo(memory, 1)).toBe(true);
    expect(memory.buffer.byteLength).toBe(65536);
  });

  it("returns false when the engine refuses (past the maximum), the buffer as it was", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
    const before = memory.buffer;
    new Int32Array(before)[5] = -42;
    // 3 pages + 1 byte needs a fourth page, past maximum 3: memory.grow throws RangeError.
    expect(growMemoryTo(memory, 3 * 65536 + 1)).toBe(false);
    expect(memory.buffer).toBe(before);
    expect(before.byteLength).toBe(65536);
    expect(new Int32Array(before)[5]).toBe(-42);
    // Exactly the maximum is still allowed.
    expect(growMemoryTo(memory, 3 * 65536)).toBe(true);
    expect(memory.buffer.byteLength).toBe(196608);
  });

  it("ends at max(have, ⌈bytes / page⌉ pages) within the maximum, else false and unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 8 * 65536 }),
        (initial, extra, bytes) => {
          const maximum = initial + extra;
          const memory = new WebAssembly.Memory({ initial, maximum });
          const pagesNeeded = Math.ceil(bytes / 65536);
          const grown = growMemoryTo(memory, bytes);
          expect(grown).toBe(pagesNeeded <= maximum);
          const pages = grown ? Math.max(initial, pagesNeeded) : initial;
          expect(memory.buffer.byteLength).toBe(pages * 65536);
        }
      ),
      { numRuns: 200 }
    );
  });
});
