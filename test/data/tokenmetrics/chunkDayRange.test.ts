import fc from "fast-check";
import { isCoreError } from "../../../src/core/errors";
import { chunkDayRange } from "../../../src/data/tokenmetrics/chunkDayRange";

describe("chunkDayRange", () => {
  it("splits as the TypeScript SDK does (hand-worked: 0..59 by 29 → 0..29, 30..59; 0..29 stays whole)", () => {
    expect(chunkDayRange(0, 59, 29)).toEqual([
      [0, 29],
      [30, 59],
    ]);
    expect(chunkDayRange(0, 29, 29)).toEqual([[0, 29]]);
    expect(chunkDayRange(0, 30, 29)).toEqual([
      [0, 29],
      [30, 30],
    ]);
    expect(chunkDayRange(5, 5, 29)).toEqual([[5, 5]]);
  });

  it("covers the range exactly: in order, no day twice, none left out, each span ≤ max", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 30000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 60 }),
        (first, length, span) => {
          const last = first + length;
          const chunks = chunkDayRange(first, last, span);
          expect(chunks[0][0]).toBe(first);
          expect(chunks[chunks.length - 1][1]).toBe(last);
          chunks.forEach(([start, end], i) => {
            expect(end - start).toBeLessThanOrEqual(span);
            expect(end).toBeGreaterThanOrEqual(start);
            if (i > 0) expect(start).toBe(chunks[i - 1][1] + 1);
          });
          // As few chunks as the span allows.
          expect(chunks).toHaveLength(Math.ceil((length + 1) / (span + 1)));
        }
      )
    );
  });

  it("rejects a reversed range, fractional days and a negative span with INVALID_ARGUMENT", () => {
    const cases: Array<[number, number, number]> = [
      [10, 9, 29],
      [0.5, 9, 29],
      [0, 9, -1],
      [0, 9, 1.5],
    ];
    for (const [first, last, span] of cases) {
      let error: unknown;
      try {
        chunkDayRange(first, last, span);
      } catch (e) {
        error = e;
      }
      expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    }
  });
});
