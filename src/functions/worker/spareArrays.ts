/**
 * Largest array kept (4 Mi doubles, 32 MB: 500 assets × 8,000 days), as the parse scratch keeps.
 * Bigger ones are left to the garbage collector.
 */
const MAX_SPARE_LENGTH = 4 * 1024 * 1024;

/** Arrays kept at once: a call's returns and its split's tail copy, which differ in size. */
const MAX_SPARES = 2;

/** Buffers handed back by the workers, oldest first, at most one per byte length. */
const spares: ArrayBuffer[] = [];

/**
 * A Float64Array of `length` for data that is about to be written in full (every element; the old
 * contents of a reused array remain until then): a buffer a worker handed back (keepSpareArray) of
 * exactly that size, which leaves the pool, or else a fresh array.
 *
 * Why: a fresh multi-megabyte typed array costs more in first-touch page faults than filling it
 * (headless Chromium: 1.8 ms vs 0.09 ms for 365,000 doubles, see scratchLease.ts), and a
 * recalculation of the same formula asks for the same sizes again. The array spans its whole
 * buffer, so it can be transferred to a worker again.
 * Complexity: O(MAX_SPARES).
 *
 * @example takeSpareArray(4).length; // => 4 (fresh unless a 4-double buffer was kept)
 */
export function takeSpareArray(length: number): Float64Array {
  const at = spares.findIndex((buffer) => buffer.byteLength === length * 8);
  if (at < 0) return new Float64Array(length);
  const [buffer] = spares.splice(at, 1);
  return new Float64Array(buffer);
}

/**
 * Keeps an array a worker handed back (an input it no longer needs, moved back to this thread) for
 * takeSpareArray; only an array that spans a plain buffer of its own and that nothing on this
 * thread still reads may be kept (the caller's promise). The newest of each size is kept, at most
 * MAX_SPARES sizes. Complexity: O(MAX_SPARES).
 *
 * @example keepSpareArray(reply.spent); // after the part's output has been read
 */
export function keepSpareArray(spent: Float64Array): void {
  const buffer = spent.buffer;
  const whole =
    Object.prototype.toString.call(buffer) === "[object ArrayBuffer]" &&
    spent.byteOffset === 0 &&
    spent.byteLength === buffer.byteLength;
  if (!whole || spent.length === 0 || spent.length > MAX_SPARE_LENGTH) return;
  const plain = buffer as ArrayBuffer;
  if (spares.includes(plain)) return;
  const same = spares.findIndex((kept) => kept.byteLength === plain.byteLength);
  if (same >= 0) spares.splice(same, 1);
  spares.push(plain);
  if (spares.length > MAX_SPARES) spares.shift();
}
