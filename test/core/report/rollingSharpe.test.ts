import fc from "fast-check";
import { rollingSharpe } from "../../../src/core/report/rollingSharpe";
import { sharpeRatio } from "../../../src/core/stats/sharpeRatio";
import fixture from "../../fixtures/report/report.json";

describe("rollingSharpe", () => {
  it("is the Sharpe ratio of each trailing window (hand-worked, window 2)", () => {
    // Returns: +10 %, −10 %, +10 %. Window [0.1, −0.1]: mean 0 → 0. Window [−0.1, 0.1]: 0 too.
    const out = rollingSharpe([1, 1.1, 0.99, 1.089], 2, 365);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
    expect(out[2]).toBeCloseTo(0, 12);
    expect(out[3]).toBeCloseTo(0, 12);
  });

  it("matches numpy's sliding-window Sharpe (scripts/fixtures/report.py)", () => {
    const out = rollingSharpe(fixture.a, fixture.window, 365);
    fixture.rollingSharpeA.forEach((expected, t) => {
      if (expected === null) expect(Number.isNaN(out[t])).toBe(true);
      else expect(out[t]).toBeCloseTo(expected, 10);
    });
  });

  it("equals sharpeRatio of the window's returns at every row (random curves)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 2, max: 4 }),
        (returns, window) => {
          const equity = [1];
          for (const r of returns) equity.push(equity[equity.length - 1] * (1 + r));
          const out = rollingSharpe(equity, window, 365);
          const t = equity.length - 1;
          const tail = equity.slice(t - window - 1 + 1);
          const rs = tail.slice(1).map((v, k) => v / tail[k] - 1);
          let expected = NaN;
          try {
            expected = sharpeRatio(rs);
          } catch {
            // zero variance: NaN expected
          }
          if (Number.isNaN(expected)) expect(Number.isNaN(out[t])).toBe(true);
          else expect(out[t]).toBe(expected);
        }
      )
    );
  });

  it("is NaN for a window of constant returns (all cash), not a number", () => {
    const out = rollingSharpe([1, 1, 1, 1, 1.1], 2, 365);
    expect(Number.isNaN(out[2]) && Number.isNaN(out[3])).toBe(true);
    // The window [0, +10 %] has a spread again.
    expect(out[4]).toBe(sharpeRatio([0, 0.10000000000000009]));
  });

  it("refuses a window outside 2 … n − 1 and a bad curve", () => {
    expect(() => rollingSharpe([1, 2, 3], 3)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "window" })
    );
    expect(() => rollingSharpe([1, 2, 3], 1.5)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => rollingSharpe([1, -2, 3], 2)).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE" })
    );
    expect(() => rollingSharpe([1, 2, 3], 2, 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("does not modify its input", () => {
    const equity = Object.freeze([1, 1.1, 1.05, 1.2]);
    rollingSharpe(equity, 2);
    expect(equity).toEqual([1, 1.1, 1.05, 1.2]);
  });
});
