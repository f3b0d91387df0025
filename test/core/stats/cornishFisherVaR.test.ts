import fc from "fast-check";
import { cornishFisherVaR } from "../../../src/core/stats/cornishFisherVaR";
import { gaussianVaR } from "../../../src/core/stats/gaussianVaR";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("cornishFisherVaR", () => {
  it("reduces to the Gaussian VaR when skewness and excess kurtosis vanish", () => {
    // [−a, −b, b, a] is symmetric (S = 0). With b/a chosen so that G2 = 0 the expansion is z itself.
    // For n = 4: g2 = 2(a⁴ + b⁴) / (a² + b²)² − 3 and G2 = ((5 g2 + 6) × 3) / 2 = 0 ⇔ g2 = −1.2,
    // i.e. 2(1 + x²) = 1.8 (1 + x)² with a = 1, x = b²: x² − 18x + 1 = 0 → x = 9 − 4√5 → b = √5 − 2.
    const b = Math.sqrt(5) - 2;
    const r = [-0.01, -0.01 * b, 0.01 * b, 0.01];
    expectClose(cornishFisherVaR(r, 0.95), gaussianVaR(r, 0.95), 1e-14);
  });

  it("matches the numpy/scipy expansion (bias=False and bias=True) on the random fixtures", () => {
    for (const c of randomCases()) {
      for (const row of c.expected.var) {
        expectClose(cornishFisherVaR(c.returns, row.confidence), row.cornishFisherVaR, 1e-11);
        expectClose(
          cornishFisherVaR(c.returns, row.confidence, true),
          row.cornishFisherVaRBiased,
          1e-11
        );
      }
    }
  });

  it("is invariant to the order of the returns and scales with them", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(4, 40),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (r, c) => {
          const v = cornishFisherVaR(r, 0.95);
          expectClose(cornishFisherVaR([...r].reverse(), 0.95), v, 1e-9);
          expectClose(
            cornishFisherVaR(
              r.map((x) => c * x),
              0.95
            ),
            c * v,
            1e-8
          );
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE on a constant series", () => {
    expectCoreError(
      () => cornishFisherVaR([0.02, 0.02, 0.02, 0.02]),
      "ZERO_VARIANCE",
      /gaussianVaR/
    );
  });

  it("throws TOO_FEW_POINTS below four returns, INVALID_ARGUMENT and NON_FINITE", () => {
    expectCoreError(() => cornishFisherVaR([0.1, -0.1, 0.2]), "TOO_FEW_POINTS", /at least 4/);
    expectCoreError(() => cornishFisherVaR([0.1, -0.1, 0.2, 0], 1.5), "INVALID_ARGUMENT");
    expectCoreError(() => cornishFisherVaR([0.1, -0.1, 0.2, NaN]), "NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.03, -0.02, 0.01, -0.05]);
    cornishFisherVaR(input);
    expect(input).toEqual([0.03, -0.02, 0.01, -0.05]);
  });
});
