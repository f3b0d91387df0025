import fc from "fast-check";
import { seriesSpan } from "../../../src/core/stats/seriesSpan";
import { PROPERTY_RUNS, frozen } from "./helpers";

describe("seriesSpan", () => {
  it("finds the first and last values and the first inner gap", () => {
    // rows 1..4 hold data; row 3 is a gap inside it.
    expect(seriesSpan([NaN, 1, 2, NaN, 4, NaN])).toEqual({ first: 1, last: 4, gapRow: 3 });
    expect(seriesSpan([NaN, 1, 2, NaN])).toEqual({ first: 1, last: 2, gapRow: -1 });
    expect(seriesSpan([NaN, NaN])).toEqual({ first: -1, last: -1, gapRow: -1 });
    expect(seriesSpan([])).toEqual({ first: -1, last: -1, gapRow: -1 });
  });

  it("brackets exactly the non-NaN rows of a padded series", () => {
    fc.assert(
      fc.property(
        fc.nat(5),
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.nat(5),
        (lead, body, trail) => {
          const values = [...Array(lead).fill(NaN), ...body, ...Array(trail).fill(NaN)];
          expect(seriesSpan(values)).toEqual({
            first: lead,
            last: lead + body.length - 1,
            gapRow: -1,
          });
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("leaves its input unchanged", () => {
    const input = frozen([NaN, 1, NaN, 2]);
    seriesSpan(input);
    expect(input).toEqual([NaN, 1, NaN, 2]);
  });
});
