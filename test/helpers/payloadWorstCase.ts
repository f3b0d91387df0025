/**
 * The payload check's worst case for a grid, read from its cells as the plain for-of sum would:
 * 2 bytes per row plus 2, 25 per number (its longest JSON), and every other cell exactly as
 * payloadSize.ts's cellBytes counts it (a string 3 bytes a character plus 3, an error 48 plus 3 a
 * character of its message, anything else 6). Tests compare a builder's declared bound
 * (declarePayloadBound) with it. O(cells).
 */
export function worstCaseOf(grid: unknown[][]): number {
  let bytes = 2 * grid.length + 2;
  for (const row of grid) {
    for (const cell of row) {
      if (typeof cell === "number") bytes += 25;
      else if (typeof cell === "string") bytes += cell.length * 3 + 3;
      else if (cell !== null && typeof cell === "object") {
        const message = (cell as { message?: unknown }).message;
        bytes += 48 + (typeof message === "string" ? message.length * 3 : 0);
      } else bytes += 6;
    }
  }
  return bytes;
}
