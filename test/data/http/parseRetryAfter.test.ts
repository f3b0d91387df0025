import { parseRetryAfter } from "../../../src/data/http/parseRetryAfter";
import oracle from "../../fixtures/data/dates-oracle.json";

describe("parseRetryAfter", () => {
  it('reads seconds (hand-worked: "2" → 2 × 1000 ms)', () => {
    expect(parseRetryAfter("2", 0)).toBe(2000);
    expect(parseRetryAfter(" 0 ", 0)).toBe(0);
  });

  it("reads HTTP dates as Python's email.utils does, relative to now", () => {
    for (const [text, ms] of oracle.httpDates as [string, number][]) {
      expect(parseRetryAfter(text, ms - 5000)).toBe(5000);
    }
  });

  it("gives 0 for a date in the past, undefined when absent or unreadable", () => {
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:05 GMT", 60_000)).toBe(0);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter("", 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter("-5", 0)).toBeUndefined();
  });
});
