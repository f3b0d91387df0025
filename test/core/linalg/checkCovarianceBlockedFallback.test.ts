import { checkCovarianceBlocked } from "../../../src/core/linalg/checkCovarianceBlocked";
import { semidefiniteCholeskyPasses } from "../../../src/core/linalg/semidefiniteCholeskyPasses";
import { symmetricSpectrum } from "../../../src/core/covariance/symmetricSpectrum";
import { symmetricEigen } from "../../../src/core/linalg/symmetricEigen";
import { gram, maxDiagonal, referenceError } from "./psdTestKit";

// Forces the SIMD kernel off for this file, as on an engine without WebAssembly SIMD (older WebKit).
jest.mock("../../../src/core/correlation/wasm/wasmSimdAvailable", () => ({
  wasmSimdAvailable: () => false,
}));

describe("checkCovarianceBlocked and symmetricSpectrum without WebAssembly SIMD", () => {
  it("has no blocked answer, and checkCovarianceBlocked falls back to the row-by-row test", () => {
    const cov = gram(100, 300, 8);
    expect(semidefiniteCholeskyPasses(cov.data, 100, maxDiagonal(cov))).toBeUndefined();
    expect(() => checkCovarianceBlocked(cov)).not.toThrow();
    const data = Float64Array.from(cov.data);
    data[80 * 100 + 10] = data[10 * 100 + 80] = 2 * Math.sqrt(data[10 * 101] * data[80 * 101]);
    const bad = { ...cov, data };
    const expected = referenceError(bad) as { code: string; column: number };
    expect(expected).toMatchObject({ code: "SINGULAR_MATRIX" });
    expect(() => checkCovarianceBlocked(bad)).toThrow(
      expect.objectContaining({ code: "SINGULAR_MATRIX", column: expected.column })
    );
  });

  it("symmetricSpectrum takes the fused sweep at a size it would block (n = 160), same eigenvalues", () => {
    const cov = gram(160, 400, 9);
    const expected = symmetricEigen(cov.data, 160).lambda;
    const lambda = symmetricSpectrum(cov.data, 160).lambda;
    const scale = expected[159];
    for (let k = 0; k < 160; k++)
      expect(Math.abs(lambda[k] - expected[k])).toBeLessThan(1e-13 * scale);
  });
});
