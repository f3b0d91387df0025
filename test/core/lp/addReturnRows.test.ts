import fc from "fast-check";
import { addReturnRows } from "../../../src/core/lp/addReturnRows";
import { createLpBuilder } from "../../../src/core/lp/createLpBuilder";
import type { SparseRows } from "../../../src/core/lp/types";

/** κ = column 0, y = columns 1, 2, trades t = columns 3, 4 (as portfolioLpRows lays them out after κ). */
function ratioBuilder() {
  const lp = createLpBuilder();
  const kappa = lp.addColumn(0, Infinity, 0, "kappa");
  const y = [lp.addColumn(0, Infinity, 0, "y[A]"), lp.addColumn(0, Infinity, 0, "y[B]")];
  const trades = [lp.addColumn(0, Infinity, 0, "t[A]"), lp.addColumn(0, Infinity, 0, "t[B]")];
  return { lp, kappa, y, trades };
}

/** Row r as plain arrays. */
function rowOf(rows: SparseRows, r: number) {
  const from = rows.start[r];
  const to = rows.start[r + 1];
  return {
    index: Array.from(rows.index.subarray(from, to)),
    value: Array.from(rows.value.subarray(from, to)),
    lower: rows.lower[r],
    upper: rows.upper[r],
    name: rows.names?.[r],
  };
}

describe("addReturnRows", () => {
  it("writes the target row μᵀw ≥ target, the builder dropping a zero mean", () => {
    const lp = createLpBuilder();
    const w = [0, 1, 2].map((j) => lp.addColumn(0, 1, 0, `w${j}`));
    addReturnRows(lp, { weights: w, mean: [0.5, 0, 0.25], targetReturn: 0.375 });
    const rows = lp.build("minimize").rows;
    expect(rows.lower).toHaveLength(1);
    expect(rowOf(rows, 0)).toEqual({
      index: [0, 2],
      value: [0.5, 0.25],
      lower: 0.375,
      upper: Infinity,
      name: "targetReturn",
    });
  });

  it("adds nothing without a target or a ratio", () => {
    const lp = createLpBuilder();
    const w = [lp.addColumn(0, 1, 0, "w0"), lp.addColumn(0, 1, 0, "w1")];
    addReturnRows(lp, { weights: w, mean: [0.5, 0.25] });
    expect(lp.rowCount).toBe(0);
    expect(Array.from(lp.build("minimize").rows.start)).toEqual([0]);
  });

  it("writes (μ − rf)ᵀy = 1 with −rf on κ, and no target, when there is a ratio", () => {
    const { lp, kappa, y, trades } = ratioBuilder();
    addReturnRows(lp, {
      weights: y,
      mean: [0.5, 0.25],
      // A ratio objective has no target: it must not add a second row.
      targetReturn: 0.375,
      ratio: { scale: kappa, riskFree: 0.125, trades, costRate: 0 },
    });
    const rows = lp.build("minimize").rows;
    expect(rows.lower).toHaveLength(1);
    // costRate 0: no trade entries although trade columns exist.
    expect(rowOf(rows, 0)).toEqual({
      index: [1, 2, 0],
      value: [0.5, 0.25, -0.125],
      lower: 1,
      upper: 1,
      name: "ratio normalisation",
    });
  });

  it("takes costRate·Σt off the excess return", () => {
    const { lp, kappa, y, trades } = ratioBuilder();
    addReturnRows(lp, {
      weights: y,
      mean: [0.5, 0.25],
      ratio: { scale: kappa, riskFree: 0.125, trades, costRate: 0.0625 },
    });
    expect(rowOf(lp.build("minimize").rows, 0)).toEqual({
      index: [1, 2, 0, 3, 4],
      value: [0.5, 0.25, -0.125, -0.0625, -0.0625],
      lower: 1,
      upper: 1,
      name: "ratio normalisation",
    });
  });

  it("folds rf into the weights' coefficients under riskFreeOn 'weights' (no κ entry)", () => {
    const { lp, kappa, y, trades } = ratioBuilder();
    addReturnRows(lp, {
      weights: y,
      mean: [0.5, 0.25],
      ratio: { scale: kappa, riskFree: 0.125, trades, costRate: 0.0625, riskFreeOn: "weights" },
    });
    // 0.5 − 0.125 = 0.375, 0.25 − 0.125 = 0.125 (exact in binary).
    expect(rowOf(lp.build("minimize").rows, 0)).toEqual({
      index: [1, 2, 3, 4],
      value: [0.375, 0.125, -0.0625, -0.0625],
      lower: 1,
      upper: 1,
      name: "ratio normalisation",
    });
  });

  it("leaves κ out of the row when riskFree is 0 (the builder drops −0)", () => {
    const { lp, kappa, y, trades } = ratioBuilder();
    addReturnRows(lp, {
      weights: y,
      mean: [0.5, 0.25],
      ratio: { scale: kappa, riskFree: 0, trades, costRate: 0 },
    });
    expect(rowOf(lp.build("minimize").rows, 0).index).toEqual([1, 2]);
  });

  it("gives the same row activity in both forms wherever Σy = κ", () => {
    const positive = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -0.1, max: 0.1, noNaN: true }), positive), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (assets, riskFree, costRate) => {
          const n = assets.length;
          const activity = (riskFreeOn: "scale" | "weights") => {
            const lp = createLpBuilder();
            const kappa = lp.addColumn(0, Infinity, 0, "kappa");
            const y = assets.map((_, j) => lp.addColumn(0, Infinity, 0, `y${j}`));
            const trades = assets.map((_, j) => lp.addColumn(0, Infinity, 0, `t${j}`));
            addReturnRows(lp, {
              weights: y,
              mean: assets.map(([m]) => m),
              ratio: { scale: kappa, riskFree, trades, costRate, riskFreeOn },
            });
            // x: κ = Σy, y_j from the draw, t_j = y_j / 2.
            const x = new Float64Array(1 + 2 * n);
            assets.forEach(([, v], j) => {
              x[y[j]] = v;
              x[trades[j]] = v / 2;
              x[kappa] += v;
            });
            const rows = lp.build("minimize").rows;
            let sum = 0;
            for (let k = rows.start[0]; k < rows.start[1]; k++)
              sum += rows.value[k] * x[rows.index[k]];
            return { sum, scale: x[kappa] };
          };
          const byScale = activity("scale");
          const byWeights = activity("weights");
          // Σ(μ_j − rf)·y_j = Σμ_j·y_j − rf·Σy, up to the rounding of n + 1 products.
          const bound = 1e-15 * (n + 2) * (1 + byScale.scale);
          expect(Math.abs(byScale.sum - byWeights.sum)).toBeLessThanOrEqual(bound);
        }
      )
    );
  });
});
