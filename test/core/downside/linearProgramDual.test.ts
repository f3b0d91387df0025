import fc from "fast-check";
import { linearProgramDual } from "../../../src/core/downside/linearProgramDual";
import { createLpBuilder } from "../../../src/core/lp/createLpBuilder";
import type { LinearProgram } from "../../../src/core/lp/types";
import { suiteHighs } from "./downsideTestKit";

const highs = suiteHighs();

/** min x1 + 2·x2 s.t. x1 + x2 ≥ 1, 0 ≤ x1 ≤ 0.7, x2 ≥ 0: x = (0.7, 0.3), value 1.3. */
function handWorked(): LinearProgram {
  const lp = createLpBuilder();
  const x1 = lp.addColumn(0, 0.7, 1, "x1");
  const x2 = lp.addColumn(0, Infinity, 2, "x2");
  lp.addRow([x1, x2], [1, 1], 1, Infinity, "cover");
  return lp.build("minimize");
}

describe("linearProgramDual", () => {
  it("dualises a hand-worked LP: the slack column becomes a multiplier bound, optima agree", () => {
    // Dual: max a − 0.7·h s.t. a − h ≤ 1 (x1), a ≤ 2 (x2 folded), a, h ≥ 0 → a = 2, h = 1, value 1.3.
    const dual = linearProgramDual(handWorked());
    expect(dual.program.rows.lower.length).toBe(1);
    expect(Array.from(dual.primalColumn)).toEqual([0]);
    const solution = highs.solve(dual.program, { timeLimitSeconds: 10 });
    expect(solution.status).toBe("optimal");
    expect(-solution.objective).toBeCloseTo(1.3, 12);
    // x1 is the multiplier of its dual row (up to HiGHS' sign convention).
    expect(Math.abs(solution.rowDuals![0])).toBeCloseTo(0.7, 12);
  });

  it("has the same optimum as the primal on random feasible bounded LPs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
        (n, m, numbers, kinds) => {
          // A known feasible point x0 and rows whose ranges contain A·x0; bounds of several kinds.
          const lp = createLpBuilder();
          const x0 = Array.from({ length: n }, (_, j) => numbers[j] * 0.5);
          const columns = x0.map((v, j) => {
            const kind = kinds[j];
            const lower = kind === 0 ? -Infinity : kind === 1 ? 0 : v - 1;
            const upper = kind === 3 ? v + 1 : kind === 1 ? Infinity : v + 2;
            return lp.addColumn(Math.min(lower, v), upper, numbers[n + j], `x${j}`);
          });
          // Slack columns t_i ≥ 0 with a non-negative cost keep free columns from unbounding.
          for (let i = 0; i < m; i++) {
            const row = columns.map((_, j) => numbers[(10 + i * n + j) % 60]);
            const activity = row.reduce((s, a, j) => s + a * x0[j], 0);
            const slack = lp.addColumn(0, Infinity, 1 + Math.abs(numbers[40 + i]), `t${i}`);
            lp.addRow([...columns, slack], [...row, 1], activity - 0.5, Infinity, `r${i}`);
            lp.addRow(columns, row, -Infinity, activity + 1 + kinds[i + 5], `s${i}`);
          }
          // Box the x columns in a loose range so the primal is bounded; the slacks (cost > 0) stay
          // [0, ∞) and are folded into the dual's multiplier bounds.
          const boxed = lp.build("minimize");
          const lower = boxed.lower.map((v, j) => (j < n ? Math.max(v, -10) : v));
          const upper = boxed.upper.map((v, j) => (j < n ? Math.min(v, 10) : v));
          const primal: LinearProgram = { ...boxed, lower, upper };
          const p = highs.solve(primal, { timeLimitSeconds: 10 });
          const dual = linearProgramDual(primal);
          expect(dual.program.rows.lower.length).toBe(n);
          const d = highs.solve(dual.program, { timeLimitSeconds: 10 });
          expect(p.status).toBe("optimal");
          expect(d.status).toBe("optimal");
          expect(Math.abs(p.objective + d.objective)).toBeLessThanOrEqual(
            1e-7 * Math.max(1, Math.abs(p.objective))
          );
        }
      ),
      { numRuns: 60 }
    );
  });

  it("does not modify the primal program", () => {
    const program = handWorked();
    const copy = JSON.stringify({
      o: Array.from(program.objective),
      l: Array.from(program.lower),
      u: Array.from(program.upper),
      v: Array.from(program.rows.value),
      rl: Array.from(program.rows.lower),
    });
    linearProgramDual(program);
    expect(
      JSON.stringify({
        o: Array.from(program.objective),
        l: Array.from(program.lower),
        u: Array.from(program.upper),
        v: Array.from(program.rows.value),
        rl: Array.from(program.rows.lower),
      })
    ).toBe(copy);
  });
});
