import { correlationByOverlap } from "../../../../src/core/correlation/correlationByOverlap";
import { pearsonCorrelationMatrix } from "../../../../src/core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../../../src/core/correlation/spearmanCorrelationMatrix";
import { simdGramWorkspace } from "../../../../src/core/correlation/wasm/simdGramWorkspace";
import { wasmSimdAvailable } from "../../../../src/core/correlation/wasm/wasmSimdAvailable";
import { at, expectMatrixClose, loadFixture, panelOf, snapshot } from "../correlationTestKit";

// Forces the SIMD kernel off for this file, as on an engine without WebAssembly SIMD.
jest.mock("../../../../src/core/correlation/wasm/wasmSimdAvailable", () => ({
  wasmSimdAvailable: () => false,
}));

describe("correlationByOverlap without WebAssembly SIMD (fallback to the JS kernel)", () => {
  it("has no SIMD workspace", () => {
    expect(wasmSimdAvailable()).toBe(false);
    expect(simdGramWorkspace(3, 10, false)).toBeUndefined();
  });

  it("matches a hand-worked 3-row case", () => {
    // x = 1, 2, 3 (deviations −1, 0, 1); y = 1, 3, 2 (deviations −1, 1, 0) → ρ = 1 / √(2 · 2) = 0.5.
    const m = pearsonCorrelationMatrix(
      panelOf([
        [1, 1],
        [2, 3],
        [3, 2],
      ])
    );
    expect(at(m, 0, 1)).toBeCloseTo(0.5, 15);
  });

  it("matches numpy.corrcoef and pandas' pairwise rule (fixtures, 1e-13)", () => {
    const fx = loadFixture("matrices.json");
    for (const name of ["complete", "ties"]) {
      expectMatrixClose(pearsonCorrelationMatrix(panelOf(fx[name].data)), fx[name].pearson, 1e-13);
    }
    const pairwise = loadFixture("pairwise.json");
    expectMatrixClose(pearsonCorrelationMatrix(panelOf(pairwise.data)), pairwise.pearson, 1e-13);
    expectMatrixClose(spearmanCorrelationMatrix(panelOf(pairwise.data)), pairwise.spearman, 1e-13);
  });

  it("computes exactly what the forced JS kernel computes", () => {
    const pairwise = loadFixture("pairwise.json");
    const panel = panelOf(pairwise.data);
    expect(pearsonCorrelationMatrix(panel).data).toEqual(
      correlationByOverlap(panel, {}, { kind: "pearson" }, "js").data
    );
  });

  it("still throws ZERO_VARIANCE for a constant column", () => {
    const constant = panelOf(
      [
        [0.1, 0.5],
        [0.2, 0.5],
        [0.3, 0.5],
      ],
      ["BTC", "USDT"]
    );
    expect(() => pearsonCorrelationMatrix(constant)).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDT" })
    );
  });

  it("leaves a frozen input panel unchanged", () => {
    const panel = Object.freeze(panelOf(loadFixture("pairwise.json").data));
    const before = snapshot(panel);
    pearsonCorrelationMatrix(panel);
    expect(snapshot(panel)).toEqual(before);
  });
});
