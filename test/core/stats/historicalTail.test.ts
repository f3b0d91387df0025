import fc from "fast-check";
import { quantileSorted } from "simple-statistics";
import { historicalTail } from "../../../src/core/stats/historicalTail";
import { PROPERTY_RUNS, expectClose, frozen, randomCases, returnsArbitrary } from "./helpers";

describe("historicalTail", () => {
  it("reads VaR and CVaR from a sorted sample", () => {
    // sorted [−0.1, 0, 0.1], c = 0.75: h = 0.5 → quantile −0.05 (VaR 0.05); k = 0 → CVaR 0.1.
    const tail = historicalTail(new Float64Array([-0.1, 0, 0.1]), 0.75);
    expect(tail.valueAtRisk).toBeCloseTo(0.05, 15);
    expect(tail.conditionalValueAtRisk).toBeCloseTo(0.1, 15);
  });

  it("matches the fixtures' VaR and CVaR together", () => {
    for (const c of randomCases()) {
      const sorted = Float64Array.from(c.returns).sort();
      for (const row of c.expected.var) {
        const tail = historicalTail(sorted, row.confidence);
        expectClose(tail.valueAtRisk, row.historicalVaR, 1e-12);
        expectClose(tail.conditionalValueAtRisk, row.historicalCVaR, 1e-12);
      }
    }
  });

  it("interpolates exactly as simple-statistics quantileSorted", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(2, 30),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (r, c) => {
          const sorted = [...r].sort((a, b) => a - b);
          expectClose(historicalTail(sorted, c).valueAtRisk, -quantileSorted(sorted, 1 - c), 1e-12);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("handles the one-value sample and leaves its input unchanged", () => {
    const input = frozen([-0.02]);
    expect(historicalTail(input, 0.95)).toEqual({
      valueAtRisk: 0.02,
      conditionalValueAtRisk: 0.02,
    });
    expect(input).toEqual([-0.02]);
  });
});
