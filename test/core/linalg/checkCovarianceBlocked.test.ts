import { checkCovarianceBlocked } from "../../../src/core/linalg/checkCovarianceBlocked";
import { gram, referenceError } from "./psdTestKit";

describe("checkCovarianceBlocked", () => {
  it("throws exactly what checkCovariance throws, with the same column (not PSD)", () => {
    const cov = gram(100, 300, 5);
    const n = cov.size;
    const data = Float64Array.from(cov.data);
    data[95 * n + 3] = data[3 * n + 95] = 2 * Math.sqrt(data[3 * n + 3] * data[95 * n + 95]);
    const bad = { ...cov, data };
    const expected = referenceError(bad) as { code: string; column: number; message: string };
    expect(expected).toMatchObject({ code: "SINGULAR_MATRIX" });
    expect(() => checkCovarianceBlocked(bad)).toThrow(
      expect.objectContaining({
        code: expected.code,
        column: expected.column,
        message: expected.message,
      })
    );
  });

  it("passes what checkCovariance passes and keeps its entry checks", () => {
    const cov = gram(64, 200, 6);
    expect(() => checkCovarianceBlocked(cov)).not.toThrow();
    const data = Float64Array.from(cov.data);
    data[5 * 64 + 5] = 0;
    expect(() => checkCovarianceBlocked({ ...cov, data })).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE" })
    );
    expect(() => checkCovarianceBlocked(cov, { minSize: 65, purpose: "risk budgeting" })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    // checkPsd false skips the factorisation: an indefinite matrix passes the entry checks.
    expect(() =>
      checkCovarianceBlocked(
        { size: 2, data: Float64Array.of(1, 2, 2, 1), labels: ["A", "B"] },
        { checkPsd: false }
      )
    ).not.toThrow();
  });
});
