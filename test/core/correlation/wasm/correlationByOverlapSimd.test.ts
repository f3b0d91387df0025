import fc from "fast-check";
import {
  type CorrelationStandardisation,
  correlationByOverlap,
} from "../../../../src/core/correlation/correlationByOverlap";
import { pearsonCorrelationMatrix } from "../../../../src/core/correlation/pearsonCorrelationMatrix";
import { simdGramWorkspace } from "../../../../src/core/correlation/wasm/simdGramWorkspace";
import { wasmSimdAvailable } from "../../../../src/core/correlation/wasm/wasmSimdAvailable";
import { pricePanel } from "../../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../../src/core/returns/returnsFromPrices";
import type { ReturnsPanel, SquareMatrix } from "../../../../src/core/types";
import { describeWithSharedData, readSharedCsv } from "../../../helpers/sharedData";
import {
  arbitraryPanel,
  at,
  expectMatrixClose,
  loadFixture,
  panelOf,
  snapshot,
} from "../correlationTestKit";

/**
 * The SIMD and JS kernels differ only in summation order over unit-norm columns, so entries agree
 * absolutely within ≈ √rows ulps; 1e-13 is the bound with margin for 10⁴ rows.
 */
const KERNEL_AGREEMENT = 1e-13;

const PEARSON: CorrelationStandardisation = { kind: "pearson" };

function nested(m: SquareMatrix): number[][] {
  return Array.from({ length: m.size }, (_, i) =>
    Array.from(m.data.subarray(i * m.size, (i + 1) * m.size))
  );
}

function expectKernelsAgree(
  panel: ReturnsPanel,
  standardisation: CorrelationStandardisation
): SquareMatrix {
  const simd = correlationByOverlap(panel, {}, standardisation, "auto");
  const js = correlationByOverlap(panel, {}, standardisation, "js");
  expect(simd.labels).toEqual(js.labels);
  expectMatrixClose(simd, nested(js), KERNEL_AGREEMENT);
  return simd;
}

/** A panel of `cols` columns with varied leads (several mask groups) and some odd overlaps. */
function laggedPanel(rows: number, cols: number, seed: number): ReturnsPanel {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296 - 0.5;
  };
  const values: number[][] = [];
  for (let t = 0; t < rows; t++) {
    const market = next();
    values.push(
      Array.from({ length: cols }, (_, j) => (t < (j % 4) * 7 + (j % 2) ? NaN : market + next()))
    );
  }
  return panelOf(values);
}

describe("correlationByOverlap with the WebAssembly SIMD kernel", () => {
  it("runs on the SIMD kernel in this test environment", () => {
    expect(wasmSimdAvailable()).toBe(true);
  });

  it("matches a hand-worked 3-row case (odd rows: the SIMD pack adds a zero row)", () => {
    // x = 1, 2, 3 (deviations −1, 0, 1); y = 1, 3, 2 (deviations −1, 1, 0):
    // Σdxdy = 1 + 0 + 0 = 1; Σdx² = Σdy² = 2 → ρ = 1 / √(2 · 2) = 0.5.
    const panel = panelOf([
      [1, 1],
      [2, 3],
      [3, 2],
    ]);
    const m = correlationByOverlap(panel, {}, PEARSON, "auto");
    expect(at(m, 0, 1)).toBeCloseTo(0.5, 15);
    expect(at(m, 1, 0)).toBe(at(m, 0, 1));
    expect(at(m, 0, 0)).toBe(1);
  });

  it("matches numpy.corrcoef on complete data and pandas' pairwise rule (fixtures, 1e-13)", () => {
    const fx = loadFixture("matrices.json");
    for (const name of ["complete", "ties"]) {
      expectMatrixClose(
        correlationByOverlap(panelOf(fx[name].data), {}, PEARSON, "auto"),
        fx[name].pearson,
        1e-13
      );
    }
    const pairwise = loadFixture("pairwise.json");
    const panel = panelOf(pairwise.data);
    expectMatrixClose(correlationByOverlap(panel, {}, PEARSON, "auto"), pairwise.pearson, 1e-13);
    expectMatrixClose(
      correlationByOverlap(panel, {}, { kind: "spearman" }, "auto"),
      pairwise.spearman,
      1e-13
    );
  });

  it("agrees with the JS kernel for Pearson, Spearman and EWM on panels with listing dates (property)", () => {
    fc.assert(
      fc.property(
        arbitraryPanel(8, 60),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        ({ panel }, decay) => {
          for (const standardisation of [
            PEARSON,
            { kind: "spearman" } as const,
            { kind: "exponential", decay } as const,
          ]) {
            const m = expectKernelsAgree(panel, standardisation);
            for (let i = 0; i < m.size; i++) {
              expect(at(m, i, i)).toBe(1);
              for (let j = 0; j < m.size; j++) expect(at(m, i, j)).toBe(at(m, j, i));
            }
          }
        }
      ),
      { numRuns: 50 }
    );
  });

  it("agrees with the JS kernel across 256-row cache blocks, column counts off the tile and mask groups", () => {
    for (const [rows, cols] of [
      [257, 1 + 1],
      [513, 7],
      [600, 14],
      [301, 3],
    ]) {
      expectKernelsAgree(laggedPanel(rows, cols, rows * cols), PEARSON);
      expectKernelsAgree(laggedPanel(rows, cols, rows + cols), { kind: "spearman" });
    }
  });

  it("stays right when calls of different sizes reuse and grow the kernel's memory", () => {
    const small = laggedPanel(41, 5, 1);
    const large = laggedPanel(900, 40, 2);
    const first = nested(correlationByOverlap(small, {}, PEARSON, "js"));
    expectKernelsAgree(small, PEARSON);
    expectKernelsAgree(large, PEARSON);
    expectMatrixClose(correlationByOverlap(small, {}, PEARSON, "auto"), first, KERNEL_AGREEMENT);
  });

  it("handles exact zeros and a single column", () => {
    const zeros = panelOf([
      [0, 1, 0],
      [0, 0, 2],
      [1, 0, 0],
      [0, 0, 0],
      [0, 1, 1],
    ]);
    expectKernelsAgree(zeros, PEARSON);
    const one = correlationByOverlap(panelOf([[1], [2], [4]]), {}, PEARSON, "auto");
    expect(Array.from(one.data)).toEqual([1]);
  });

  it("uses the JS kernel when the workspace would pass 2 GiB (simdGramWorkspace gives undefined)", () => {
    expect(simdGramWorkspace(40_000, 4_000, true)).toBeUndefined();
  });

  it("throws the same CoreErrors on both kernels", () => {
    const constant = panelOf(
      [
        [0.1, 0.5],
        [0.2, 0.5],
        [0.3, 0.5],
        [0.1, 0.5],
      ],
      ["BTC", "USDT"]
    );
    for (const kernel of ["auto", "js"] as const) {
      expect(() => correlationByOverlap(constant, {}, PEARSON, kernel)).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDT" })
      );
      const short = panelOf([
        [0.1, NaN],
        [0.2, NaN],
        [0.4, 0.1],
        [0.3, 0.2],
      ]);
      expect(() => correlationByOverlap(short, {}, PEARSON, kernel)).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
      const infinite = panelOf([
        [0.1, Infinity],
        [0.2, 0.1],
        [0.4, 0.3],
      ]);
      expect(() => correlationByOverlap(infinite, {}, PEARSON, kernel)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    }
  });

  it("throws INVALID_ARGUMENT for a kernel other than auto or js", () => {
    const panel = laggedPanel(10, 2, 4);
    expect(() => correlationByOverlap(panel, {}, PEARSON, "simd" as "auto")).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: 'kernel must be "auto" or "js"; got "simd"',
      })
    );
  });

  it("leaves a frozen input panel unchanged", () => {
    const panel = Object.freeze(laggedPanel(99, 7, 3));
    const before = snapshot(panel);
    correlationByOverlap(panel, {}, PEARSON, "auto");
    correlationByOverlap(panel, {}, { kind: "spearman" }, "auto");
    expect(snapshot(panel)).toEqual(before);
  });
});

describe("simdGramWorkspace when the host refuses to compile WebAssembly", () => {
  afterEach(() => jest.restoreAllMocks());

  it("gives undefined (the JS kernel runs) rather than throwing", () => {
    jest.isolateModules(() => {
      jest.spyOn(WebAssembly, "Module").mockImplementation(() => {
        throw new WebAssembly.CompileError(
          "WebAssembly.Module(): Wasm code generation disallowed by embedder"
        );
      });
      /* eslint-disable @typescript-eslint/no-require-imports */
      const fresh = require("../../../../src/core/correlation/wasm/simdGramWorkspace");
      const engine = require("../../../../src/core/correlation/correlationByOverlap");
      /* eslint-enable @typescript-eslint/no-require-imports */
      expect(fresh.simdGramWorkspace(3, 10, false)).toBeUndefined();
      const m = engine.correlationByOverlap(
        panelOf([
          [1, 1],
          [2, 3],
          [3, 2],
        ]),
        {},
        { kind: "pearson" }
      );
      expect(at(m, 0, 1)).toBeCloseTo(0.5, 15);
      expect(WebAssembly.Module).toHaveBeenCalled();
    });
  });
});

describeWithSharedData(
  "pearsonCorrelationMatrix with the SIMD kernel on crypto-daily-close.csv",
  () => {
    it("matches pandas' pairwise matrix for all 22 assets (1e-12) and the JS kernel (1e-13)", () => {
      const csv = readSharedCsv("crypto-daily-close.csv");
      const fx = loadFixture("crypto.json");
      const returns = returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }));
      expectMatrixClose(pearsonCorrelationMatrix(returns), fx.pearsonPairwise, 1e-12);
      expectKernelsAgree(returns, PEARSON);
      expectKernelsAgree(returns, { kind: "spearman" });
    });
  }
);
