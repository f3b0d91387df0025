import fc from "fast-check";
import { CoreError } from "../../../src/core/errors";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { randomProblem, snapshot, squareMatrix } from "./frontierTestKit";

function errorOf(run: () => unknown): CoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof CoreError) return error;
  }
  throw new Error("expected a CoreError");
}

describe("validateFrontierInputs", () => {
  it("broadcasts scalar bounds, defaults to 0 and 1, and labels unnamed assets", () => {
    const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: [] };
    const inputs = validateFrontierInputs([0.1, 0.2], cov, { upper: 0.8 });
    expect(Array.from(inputs.lower)).toEqual([0, 0]);
    expect(Array.from(inputs.upper)).toEqual([0.8, 0.8]);
    expect(inputs.labels).toEqual(["Asset 1", "Asset 2"]);
    expect(inputs.cov).not.toBe(cov.data);
    // Excel passes null for an omitted optional argument.
    const fromExcel = { lower: null, upper: null } as unknown as { lower?: number; upper?: number };
    expect(Array.from(validateFrontierInputs([0.1, 0.2], cov, fromExcel).upper)).toEqual([1, 1]);
  });

  it("accepts every generated valid problem and copies it exactly (property)", () => {
    fc.assert(
      fc.property(randomProblem(), (problem) => {
        const before = snapshot(problem);
        const inputs = validateFrontierInputs(problem.mu, problem.cov, problem);
        expect(Array.from(inputs.mu)).toEqual(problem.mu);
        expect(Array.from(inputs.lower)).toEqual(problem.lower);
        expect(snapshot(problem)).toBe(before);
      }),
      { numRuns: 50 }
    );
  });

  it("throws one specific CoreError per precondition, saying where and how to fix it", () => {
    const cov = squareMatrix(
      [
        [0.04, 0.01],
        [0.01, 0.09],
      ],
      ["BTC", "ETH"]
    );
    expect(errorOf(() => validateFrontierInputs([], squareMatrix([]))).code).toBe("TOO_FEW_POINTS");
    const untyped = validateFrontierInputs as (mu: unknown, cov: unknown) => unknown;
    expect(errorOf(() => untyped(undefined, cov)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => untyped([0.1, 0.2], null)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => validateFrontierInputs([0.1], cov)).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => validateFrontierInputs([0.1, 0.2], cov, { lower: [0] })).code).toBe(
      "LENGTH_MISMATCH"
    );
    const nan = errorOf(() => validateFrontierInputs([NaN, 0.2], cov));
    expect(nan.code).toBe("NON_FINITE");
    expect(nan.label).toBe("BTC");
    expect(errorOf(() => validateFrontierInputs([0.1, 0.2], cov, { lower: -Infinity })).code).toBe(
      "NON_FINITE"
    );
    expect(
      errorOf(() =>
        validateFrontierInputs(
          [0.1, 0.2],
          squareMatrix([
            [0.04, NaN],
            [NaN, 0.09],
          ])
        )
      ).code
    ).toBe("NON_FINITE");
    expect(
      errorOf(() =>
        validateFrontierInputs(
          [0.1, 0.2],
          squareMatrix([
            [0.04, 0],
            [0.03, 0.09],
          ])
        )
      ).code
    ).toBe("INVALID_ARGUMENT");
    expect(
      errorOf(() =>
        validateFrontierInputs(
          [0.1, 0.2],
          squareMatrix([
            [0.04, 0],
            [0, -0.09],
          ])
        )
      ).code
    ).toBe("INVALID_ARGUMENT");
    expect(
      errorOf(() =>
        validateFrontierInputs(
          [0.1, 0.2],
          squareMatrix([
            [0, 0],
            [0, 0.09],
          ])
        )
      ).code
    ).toBe("ZERO_VARIANCE");
    const crossed = errorOf(() =>
      validateFrontierInputs([0.1, 0.2], cov, { lower: [0, 0.7], upper: [1, 0.5] })
    );
    expect(crossed.code).toBe("INFEASIBLE");
    expect(crossed.message).toBe(
      "bounds: column 2 (ETH) has lower bound 0.7 above upper bound 0.5 (by 0.2); raise its upper bound or lower its lower bound"
    );
    expect(errorOf(() => validateFrontierInputs([0.1, 0.2], cov, { lower: 0.55 })).message).toBe(
      "lower: the minimum weights sum to 1.1, 0.1 above 1; lower some minimum weights"
    );
    expect(errorOf(() => validateFrontierInputs([0.1, 0.2], cov, { upper: 0.45 })).message).toBe(
      "upper: the maximum weights sum to 0.9, 0.1 below 1; raise some maximum weights or add assets"
    );
    const singular = errorOf(() =>
      validateFrontierInputs(
        [0.1, 0.2, 0.3],
        squareMatrix(
          [
            [1, 2, 3],
            [2, 5, 7],
            [3, 7, 10],
          ],
          ["X", "Y", "Z"]
        )
      )
    );
    expect(singular.code).toBe("SINGULAR_MATRIX");
    expect(singular.label).toBe("Z");
    expect(singular.message).toMatch(
      /column 3 \(Z\) is a linear combination.*remove duplicate asset Z or use estimator=ledoitwolf/
    );
  });

  it("tolerates bounds that meet the budget up to rounding", () => {
    // 0.1 added ten times is 0.9999999999999999: still a feasible budget.
    const n = 10;
    const cov = squareMatrix(
      Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0.04 : 0)))
    );
    expect(() => validateFrontierInputs(new Array(n).fill(0.1), cov, { upper: 0.1 })).not.toThrow();
  });
});
