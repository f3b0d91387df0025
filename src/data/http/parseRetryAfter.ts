/**
 * The wait a `Retry-After` header asks for, in milliseconds (RFC 9110 §10.2.3): either a number of
 * seconds ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"), taken relative to `nowMs`.
 * A date in the past gives 0.
 *
 * Complexity: O(length of the header).
 *
 * @param header the header value, or null when absent
 * @param nowMs the current time in ms since the epoch (injected, for tests)
 * @returns milliseconds to wait, or undefined when the header is absent or unreadable
 * @example parseRetryAfter("2", 0); // => 2000
 * @example parseRetryAfter("Thu, 01 Jan 1970 00:00:05 GMT", 1000); // => 4000
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // The three HTTP-date forms all start with a day name; anything else ("-5", "soon") is unreadable,
  // even where Date.parse would guess a date.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
