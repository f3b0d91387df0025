import fc from "fast-check";
import { pairedMoments } from "../../../src/core/stats/pairedMoments";
import { PROPERTY_RUNS, expectClose, expectCoreError, frozen, returnsArbitrary } from "./helpers";

describe("pairedMoments", () => {
  it("uses only the rows where both series are present", () => {
    // complete rows 0 and 1: x = [1, 2], y = [2, 4]; means 1.5, 3; sxx = 0.5, syy = 2, sxy = 1;
    // d = x − y = [−1, −2], centred sum of squares 0.5.
    const m = pairedMoments([1, 2, NaN, 7], [2, 4, 5, NaN], 2, "a beta");
    expect(m).toEqual({
      n: 2,
      meanX: 1.5,
      meanY: 3,
      sxx: 0.5,
      syy: 2,
      sxy: 1,
      sdd: 0.5,
      zeroSpreadX: false,
      zeroSpreadY: false,
    });
  });

  it("has sdd = sxx + syy − 2 sxy and |sxy| ≤ √(sxx syy)", () => {
    fc.assert(
      fc.property(returnsArbitrary(3, 30), returnsArbitrary(3, 30), (a, b) => {
        const n = Math.min(a.length, b.length);
        const m = pairedMoments(a.slice(0, n), b.slice(0, n), 2, "x");
        expectClose(m.sdd, m.sxx + m.syy - 2 * m.sxy, 1e-10);
        expect(Math.abs(m.sxy)).toBeLessThanOrEqual(Math.sqrt(m.sxx * m.syy) * (1 + 1e-12) + 1e-30);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws LENGTH_MISMATCH, NON_FINITE and TOO_FEW_POINTS", () => {
    expectCoreError(() => pairedMoments([1, 2], [1], 2, "a beta"), "LENGTH_MISMATCH");
    expectCoreError(
      () => pairedMoments([1, Infinity], [1, 2], 2, "a beta"),
      "NON_FINITE",
      /^returns: row 2/
    );
    expectCoreError(
      () => pairedMoments([1, 2], [NaN, 2], 2, "a beta"),
      "TOO_FEW_POINTS",
      /a beta needs at least 2/
    );
  });

  it("leaves its inputs unchanged", () => {
    const x = frozen([1, 2, 3]);
    const y = frozen([3, 1, 2]);
    pairedMoments(x, y, 2, "x");
    expect(x).toEqual([1, 2, 3]);
    expect(y).toEqual([3, 1, 2]);
  });
});
