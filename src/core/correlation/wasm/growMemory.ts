/** WebAssembly page size in bytes (fixed by the specification). */
export const WASM_PAGE_BYTES = 65536;

/**
 * Grows a kernel's WebAssembly.Memory so it holds at least `bytes` bytes, for the SIMD workspaces
 * (Gram, Kendall, tridiagonal), whose arrays are views on that memory.
 *
 * Method: when the buffer is smaller, one `memory.grow` by ⌈(bytes − have) / 65,536⌉ pages, so the
 * memory ends at ⌈bytes / 65,536⌉ pages (have is whole pages); a large enough memory is left
 * untouched, so views on it stay attached. Never shrinks (WebAssembly cannot). A grow detaches
 * every earlier view on the old buffer, which is why a workspace must be used before the next is
 * asked for. The caller keeps its own size limit (its MAX_WORKSPACE_BYTES), checked before this.
 * Complexity: O(1) when no growth is needed; otherwise the engine copies or remaps the memory once.
 *
 * @param memory the kernel's exported memory
 * @param bytes the bytes needed (≥ 0)
 * @returns true when the memory now holds at least `bytes` bytes; false when the engine refuses
 *   to grow it (its maximum or the host's memory limit), the memory then as it was
 * @throws nothing: a refusal means "use the JS kernel", which needs no contiguous buffer this large
 * @example growMemoryTo(new WebAssembly.Memory({ initial: 1 }), 65537); // => true (now 2 pages)
 */
export function growMemoryTo(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / WASM_PAGE_BYTES));
    return true;
  } catch {
    // RangeError: the memory's maximum or the engine's limit; a failed grow changes nothing.
    return false;
  }
}
