import fc from "fast-check";
import { regimeSwitch } from "../../../src/core/adaptive/regimeSwitch";
import { trailingWindow } from "../../../src/core/adaptive/trailingWindow";
import type { ReturnsPanel } from "../../../src/core/types";
import { errorOf } from "../backtest/backtestTestKit";
import { expectNoLookAhead, windowOf } from "./adaptiveTestKit";

/** Independent oracle: sample sd and Pearson correlation by two passes on each window. */
function sd(x: number[]): number {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
}
function corr(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < x.length; k++) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) ** 2;
    syy += (y[k] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
function quantile7(values: number[], q: number): number {
  const s = values.slice().sort((a, b) => a - b);
  const h = q * (s.length - 1);
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
}

describe("regimeSwitch", () => {
  const calm = [0.5, 0.5];

  it("switches on trailing volatility in the top quantile of its own history (hand-worked)", () => {
    // One asset, m = 2, H = 3, q = .5. Returns .01, .01, .03, −.03: the sd of two numbers is
    // |a − b|/√2 → I = 0, .02/√2 = .01414, .06/√2 = .04243. Median (type 7) .01414 < .04243 → stressed.
    const rule = regimeSwitch([1], "cash", { window: 2, history: 3, quantile: 0.5 });
    expect(rule.minLookback).toBe(4);
    expect(Array.from(rule(windowOf([[0.01], [0.01], [0.03], [-0.03]]), 3))).toEqual([0]);
    // Returns .01, .03, −.03, −.03 → I = .01414, .04243, 0: today's 0 is below → calm.
    expect(Array.from(rule(windowOf([[0.01], [0.03], [-0.03], [-0.03]]), 3))).toEqual([1]);
    // A flat history (all I equal) is calm: the inequality is strict.
    expect(Array.from(rule(windowOf([[0.01], [0.01], [0.01], [0.01]]), 3))).toEqual([1]);
  });

  it("switches on average pairwise correlation (hand-worked)", () => {
    // m = 3, H = 2, q = .5. A = .01, .02, .03, .04; B = .03, .02, .03, .04.
    // Rows 1–3: A devs −1, 0, 1; B devs 1/3, −2/3, 1/3 (×.01) → Σ cross = 0 → ρ = 0.
    // Rows 2–4: A and B both .02, .03, .04 → ρ = 1. I = 0, 1; median .5 < 1 → stressed.
    const stressed = [0.1, 0.2];
    const rule = regimeSwitch(calm, stressed, {
      indicator: "correlation",
      window: 3,
      history: 2,
      quantile: 0.5,
    });
    const rising = windowOf([
      [0.01, 0.03],
      [0.02, 0.02],
      [0.03, 0.03],
      [0.04, 0.04],
    ]);
    expect(Array.from(rule(rising, 3))).toEqual(stressed);
    // B = .01, .02, .03, .01: rows 1–3 ρ = 1, rows 2–4 A devs −1, 0, 1, B 0, 1, −1 → ρ = −.5 → calm.
    const falling = windowOf([
      [0.01, 0.01],
      [0.02, 0.02],
      [0.03, 0.03],
      [0.04, 0.01],
    ]);
    expect(Array.from(rule(falling, 3))).toEqual(calm);
  });

  it("agrees with an independent two-pass computation of the indicator and quantile (property)", () => {
    const seen = [0, 0];
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10000),
            { minLength: 3, maxLength: 3 }
          ),
          { minLength: 12, maxLength: 12 }
        ),
        fc.constantFrom("volatility", "correlation") as fc.Arbitrary<"volatility" | "correlation">,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (rows, indicator, q) => {
          const m = 4;
          const h = 9;
          const window = windowOf(rows);
          const series: number[] = [];
          for (let u = m - 1; u < rows.length; u++) {
            const slice = rows.slice(u - m + 1, u + 1);
            if (indicator === "volatility")
              series.push(sd(slice.map((r) => (r[0] + r[1] + r[2]) / 3)));
            else {
              const col = (j: number) => slice.map((r) => r[j]);
              series.push((corr(col(0), col(1)) + corr(col(0), col(2)) + corr(col(1), col(2))) / 3);
            }
          }
          expect(series.length).toBe(h);
          // Near-constant windows (shrunk cases of zeros and subnormals) have no defined
          // correlation: the oracle gives NaN where the rule counts 0, by its stated convention.
          for (let u = m - 1; u < rows.length; u++)
            for (let j = 0; j < 3; j++)
              fc.pre(sd(rows.slice(u - m + 1, u + 1).map((r) => r[j])) > 1e-6);
          const threshold = quantile7(series, q);
          const today = series[h - 1];
          if (Math.abs(today - threshold) < 1e-9) return;
          const w = regimeSwitch([0.2, 0.3, 0.5], "cash", {
            indicator,
            window: m,
            history: h,
            quantile: q,
          })(window, 11);
          expect(Array.from(w)).toEqual(today > threshold ? [0, 0, 0] : [0.2, 0.3, 0.5]);
          seen[today > threshold ? 1 : 0]++;
        }
      ),
      { numRuns: 200 }
    );
    // Both regimes were reached, and most runs compared (few near-ties or flat windows).
    expect(seen[0]).toBeGreaterThan(20);
    expect(seen[1]).toBeGreaterThan(20);
  });

  it("gives each rule the whole window unless wrapped in trailingWindow", () => {
    const seen: number[] = [];
    const spy = (window: ReturnsPanel) => {
      seen.push(window.rows);
      return [0.5, 0.5];
    };
    const window = windowOf(Array.from({ length: 6 }, (_, t) => [0.01 * t, 0.02]));
    // The spy is both rules, so whichever regime the ramp gives, it is called once per switch.
    regimeSwitch(spy, spy, { window: 2, history: 3 })(window, 5);
    const trimmed = trailingWindow(spy, 2);
    regimeSwitch(trimmed, trimmed, { window: 2, history: 3 })(window, 5);
    expect(seen).toEqual([6, 2]);
    expect(trailingWindow(spy, 2).minLookback).toBe(2);
  });

  it("never changes the weights held up to t+1 when prices after t change (property)", () => {
    expectNoLookAhead(
      regimeSwitch([0.3, 0.3, 0.4], "cash", { window: 3, history: 6, quantile: 0.6 }),
      3
    );
    expectNoLookAhead(
      regimeSwitch([0.3, 0.3, 0.4], [0.6, 0.2, 0.2], {
        indicator: "correlation",
        window: 4,
        history: 5,
        quantile: 0.5,
      }),
      3
    );
  });

  it("throws a specific error for each bad option", () => {
    expect(
      errorOf(() => regimeSwitch(calm, "cash", { indicator: "vix" as "volatility" })).argument
    ).toBe("indicator");
    expect(errorOf(() => regimeSwitch(calm, "cash", { window: 1 })).argument).toBe("window");
    expect(errorOf(() => regimeSwitch(calm, "cash", { history: 1 })).argument).toBe("history");
    for (const quantile of [0, 1, 1.5, NaN])
      expect(errorOf(() => regimeSwitch(calm, "cash", { quantile })).argument).toBe("quantile");
    expect(errorOf(() => regimeSwitch([0.9, 0.9], "cash")).argument).toBe("calm");
    expect(errorOf(() => regimeSwitch(calm, [-1, 0])).argument).toBe("stressed");
    const short = errorOf(() => regimeSwitch(calm, "cash")(windowOf([[0.1, 0.1]]), 0));
    expect(short.code).toBe("TOO_FEW_POINTS");
    expect(short.message).toMatch(/needs 394 rows of returns but the rule sees 1/);
    expect(errorOf(() => trailingWindow(regimeSwitch(calm, "cash"), 90)).message).toMatch(
      /rows 90 is shorter than the 394 rows of returns the rule needs/
    );
  });
});
