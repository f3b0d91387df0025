import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { solveQuadraticProgram } from "../../../src/core/optimize/solveQuadraticProgram";
import type { QuadraticProgram } from "../../../src/core/optimize/solveQuadraticProgram";

interface QpFixture {
  n: number;
  D: number[];
  d: number[];
  Aeq: number[];
  beq: number[];
  Aineq: number[];
  bineq: number[];
  x: number[];
  value: number;
  equalityMultipliers: number[];
  inequalityMultipliers: number[];
  active: number[];
}

const fixture = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "../../fixtures/optimize/solveQuadraticProgram.json"),
    "utf8"
  )
) as { header: Record<string, string>; cases: QpFixture[] };

/** Residuals of the KKT conditions of ½xᵀDx − dᵀx s.t. Aeq x = beq, Aineq x ≥ bineq. */
function kktResiduals(
  problem: QuadraticProgram,
  solution: ReturnType<typeof solveQuadraticProgram>
) {
  const n = problem.d.length;
  const { x, equalityMultipliers: le, inequalityMultipliers: li } = solution;
  const Aeq = problem.Aeq ?? [];
  const Ain = problem.Aineq ?? [];
  const meq = problem.beq?.length ?? 0;
  const mi = problem.bineq?.length ?? 0;
  let primal = 0;
  let dual = 0;
  let complementarity = 0;
  let stationarity = 0;
  const gradient = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = -problem.d[i];
    for (let j = 0; j < n; j++) sum += problem.D[i * n + j] * x[j];
    gradient[i] = sum;
  }
  for (let r = 0; r < meq; r++) {
    let ax = 0;
    for (let j = 0; j < n; j++) {
      ax += Aeq[r * n + j] * x[j];
      gradient[j] -= le[r] * Aeq[r * n + j];
    }
    primal = Math.max(primal, Math.abs(ax - problem.beq![r]));
  }
  for (let r = 0; r < mi; r++) {
    let ax = 0;
    for (let j = 0; j < n; j++) {
      ax += Ain[r * n + j] * x[j];
      gradient[j] -= li[r] * Ain[r * n + j];
    }
    const slack = ax - problem.bineq![r];
    primal = Math.max(primal, -slack);
    dual = Math.max(dual, -li[r]);
    complementarity = Math.max(complementarity, Math.abs(li[r] * slack));
  }
  for (let i = 0; i < n; i++) stationarity = Math.max(stationarity, Math.abs(gradient[i]));
  return { primal, dual, complementarity, stationarity };
}

/** A random feasible QP: D = MᵀM/n + δI, constraints through (or beside) a random point x0. */
const qpArbitrary = fc
  .record({
    n: fc.integer({ min: 1, max: 7 }),
    meq: fc.integer({ min: 0, max: 2 }),
    mi: fc.integer({ min: 0, max: 14 }),
    // Integers scaled to [−1, 1]: fast-check's doubles include subnormals, which make every
    // constraint degenerate at the scale of 1e-300 and test nothing but underflow.
    seed: fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 1000),
      { minLength: 400, maxLength: 400 }
    ),
  })
  .map(({ n, meq, mi, seed }) => {
    let cursor = 0;
    const next = () => seed[cursor++ % seed.length];
    const meqUsed = Math.min(meq, n - 1);
    const M = Array.from({ length: n * n }, next);
    const D = new Array<number>(n * n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = i === j ? 0.1 : 0;
        for (let k = 0; k < n; k++) sum += (M[k * n + i] * M[k * n + j]) / n;
        D[i * n + j] = sum;
      }
    }
    const x0 = Array.from({ length: n }, () => 2 * next());
    const d = Array.from({ length: n }, () => 5 * next());
    const Aeq = Array.from({ length: meqUsed * n }, next);
    const beq = Array.from({ length: meqUsed }, (_, r) =>
      x0.reduce((s, v, j) => s + v * Aeq[r * n + j], 0)
    );
    const Aineq = Array.from({ length: mi * n }, next);
    const bineq = Array.from(
      { length: mi },
      (_, r) => x0.reduce((s, v, j) => s + v * Aineq[r * n + j], 0) - Math.max(0, next())
    );
    return { D, d, Aeq, beq, Aineq, bineq } as QuadraticProgram;
  });

describe("solveQuadraticProgram", () => {
  it("splits a unit budget equally under an identity D (hand-worked)", () => {
    // min ½(x1² + x2²) s.t. x1 + x2 = 1: by symmetry x = (½, ½); stationarity x = λ·(1, 1) gives
    // λ = ½; objective ½(¼ + ¼) = ¼.
    const s = solveQuadraticProgram({ D: [1, 0, 0, 1], d: [0, 0], Aeq: [1, 1], beq: [1] });
    expect(Array.from(s.x)).toEqual([0.5, 0.5]);
    expect(s.objective).toBeCloseTo(0.25, 15);
    expect(s.equalityMultipliers[0]).toBeCloseTo(0.5, 15);
  });

  it("reproduces the solve.QP help-page example (hand-checkable KKT)", () => {
    // D = I, d = (0, 5, 0); constraints −4x1 − 3x2 ≥ −8, 2x1 + x2 ≥ 2, −2x2 + x3 ≥ 0.
    // Active: the 2nd and 3rd. With λ2, λ3: x = d + λ2(2, 1, 0) + λ3(0, −2, 1) and
    // 2x1 + x2 = 2, −2x2 + x3 = 0 ⇒ x = (10/21, 22/21, 44/21), λ = (0, 5/21, 44/21), value −50/21.
    const s = solveQuadraticProgram({
      D: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      d: [0, 5, 0],
      Aineq: [-4, -3, 0, 2, 1, 0, 0, -2, 1],
      bineq: [-8, 2, 0],
    });
    [10 / 21, 22 / 21, 44 / 21].forEach((v, i) => expect(s.x[i]).toBeCloseTo(v, 13));
    [0, 5 / 21, 44 / 21].forEach((v, i) => expect(s.inequalityMultipliers[i]).toBeCloseTo(v, 13));
    expect(s.objective).toBeCloseTo(-50 / 21, 13);
    expect(Array.from(s.activeInequalities).sort()).toEqual([1, 2]);
    expect(Array.from(s.unconstrained)).toEqual([0, 5, 0]);
  });

  it(`matches R quadprog solve.QP on ${fixture.cases.length} random problems (${fixture.header.quadprog})`, () => {
    expect(fixture.header.script).toBe("scripts/fixtures/optimize.R");
    expect(fixture.cases.length).toBeGreaterThan(30);
    let degenerate = 0;
    for (const c of fixture.cases) {
      const s = solveQuadraticProgram(c);
      c.x.forEach((v, i) => expect(Math.abs(s.x[i] - v)).toBeLessThan(1e-8 * (1 + Math.abs(v))));
      expect(Math.abs(s.objective - c.value)).toBeLessThan(1e-8 * (1 + Math.abs(c.value)));
      // Multipliers are unique only when the active constraints are linearly independent and
      // no inactive one is also tight; on degenerate draws KKT (tested below) is the check.
      const tight = c.bineq.filter((b, r) => {
        const ax = c.x.reduce((sum, v, j) => sum + v * c.Aineq[r * c.n + j], 0);
        return Math.abs(ax - b) < 1e-9;
      }).length;
      if (tight + c.beq.length > c.active.length + c.beq.length || tight + c.beq.length > c.n) {
        degenerate++;
        continue;
      }
      expect(Array.from(s.activeInequalities).sort((a, b) => a - b)).toEqual(c.active);
      // solve.QP may flip the sign of an equality row while solving and then reports −λ.
      c.equalityMultipliers.forEach((v, i) =>
        expect(Math.abs(Math.abs(s.equalityMultipliers[i]) - Math.abs(v))).toBeLessThan(
          1e-7 * (1 + Math.abs(v))
        )
      );
      c.inequalityMultipliers.forEach((v, i) =>
        expect(Math.abs(s.inequalityMultipliers[i] - v)).toBeLessThan(1e-7 * (1 + Math.abs(v)))
      );
    }
    expect(degenerate).toBeLessThan(fixture.cases.length / 2);
  });

  it("satisfies the KKT conditions on random feasible problems", () => {
    fc.assert(
      fc.property(qpArbitrary, (problem) => {
        const s = solveQuadraticProgram(problem);
        const k = kktResiduals(problem, s);
        expect(k.primal).toBeLessThan(1e-9);
        expect(k.dual).toBeLessThanOrEqual(0);
        expect(k.complementarity).toBeLessThan(1e-9);
        expect(k.stationarity).toBeLessThan(1e-8);
        // Active inequalities hold with equality.
        const n = problem.d.length;
        for (const i of s.activeInequalities) {
          let ax = 0;
          for (let j = 0; j < n; j++) ax += problem.Aineq![i * n + j] * s.x[j];
          expect(Math.abs(ax - problem.bineq![i])).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 100 }
    );
  });

  it("is invariant to the order of the inequality rows", () => {
    fc.assert(
      fc.property(qpArbitrary, (problem) => {
        const n = problem.d.length;
        const m = problem.bineq?.length ?? 0;
        const order = Array.from({ length: m }, (_, i) => m - 1 - i);
        const reversed: QuadraticProgram = {
          ...problem,
          Aineq: order.flatMap((i) => Array.from(problem.Aineq!).slice(i * n, (i + 1) * n)),
          bineq: order.map((i) => problem.bineq![i]),
        };
        const a = solveQuadraticProgram(problem).x;
        const b = solveQuadraticProgram(reversed).x;
        for (let j = 0; j < n; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-8);
      }),
      { numRuns: 50 }
    );
  });

  it("skips a redundant equality and keeps a duplicated inequality harmless", () => {
    const s = solveQuadraticProgram({
      D: [1, 0, 0, 1],
      d: [0, 0],
      Aeq: [1, 1, 2, 2],
      beq: [1, 2],
      Aineq: [1, 0, 1, 0],
      bineq: [0.8, 0.8],
    });
    expect(s.x[0]).toBeCloseTo(0.8, 12);
    expect(s.x[1]).toBeCloseTo(0.2, 12);
  });

  describe("throws", () => {
    it("INVALID_ARGUMENT on an empty problem", () => {
      expect(() => solveQuadraticProgram({ D: [], d: [] })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("LENGTH_MISMATCH when D is not n × n", () => {
      expect(() => solveQuadraticProgram({ D: [1, 0, 0], d: [0, 0] })).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "D" })
      );
    });
    it("LENGTH_MISMATCH when a constraint matrix and its right-hand side disagree", () => {
      expect(() =>
        solveQuadraticProgram({ D: [1, 0, 0, 1], d: [0, 0], Aineq: [1, 0, 0], bineq: [1] })
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "Aineq" }));
      expect(() =>
        solveQuadraticProgram({ D: [1, 0, 0, 1], d: [0, 0], Aeq: [1, 1], beq: [1, 2] })
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "Aeq" }));
    });
    it("NON_FINITE on NaN or Infinity anywhere", () => {
      const base = { D: [1, 0, 0, 1], d: [0, 0], Aineq: [1, 0], bineq: [0] };
      for (const bad of [
        { ...base, d: [NaN, 0] },
        { ...base, D: [1, 0, 0, Infinity] },
        { ...base, Aineq: [1, NaN] },
        { ...base, bineq: [-Infinity] },
      ]) {
        expect(() => solveQuadraticProgram(bad)).toThrow(
          expect.objectContaining({ code: "NON_FINITE" })
        );
      }
    });
    it("INVALID_ARGUMENT when D is not symmetric", () => {
      expect(() => solveQuadraticProgram({ D: [2, 1, 0, 2], d: [0, 0] })).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringMatching(/not symmetric/),
        })
      );
    });
    it("SINGULAR_MATRIX on a singular or indefinite D, with the fix", () => {
      for (const D of [
        [1, 1, 1, 1],
        [1, 2, 2, 1],
        [-1, 0, 0, 1],
      ]) {
        expect(() => solveQuadraticProgram({ D, d: [0, 0] })).toThrow(
          expect.objectContaining({
            code: "SINGULAR_MATRIX",
            message: expect.stringMatching(/ridge|shrinkage/),
          })
        );
      }
    });
    it("INFEASIBLE on contradictory inequalities, naming them", () => {
      expect(() =>
        solveQuadraticProgram({
          D: [1, 0, 0, 1],
          d: [0, 0],
          Aineq: [1, 0, -1, 0],
          bineq: [1, 0],
          inequalityNames: ["x1 ≥ 1", "x1 ≤ 0"],
        })
      ).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/x1 ≤ 0|x1 ≥ 1/),
        })
      );
    });
    it("INFEASIBLE on inconsistent equalities", () => {
      expect(() =>
        solveQuadraticProgram({ D: [1, 0, 0, 1], d: [0, 0], Aeq: [1, 1, 1, 1], beq: [1, 2] })
      ).toThrow(expect.objectContaining({ code: "INFEASIBLE" }));
    });
    it("INFEASIBLE when an inequality contradicts an equality", () => {
      expect(() =>
        solveQuadraticProgram({
          D: [1, 0, 0, 1],
          d: [0, 0],
          Aeq: [1, 1],
          beq: [1],
          Aineq: [1, 0, 0, 1],
          bineq: [0.6, 0.6],
        })
      ).toThrow(expect.objectContaining({ code: "INFEASIBLE" }));
    });
  });

  it("leaves its inputs unchanged", () => {
    const problem = {
      D: Object.freeze([2, 0.5, 0.5, 1]),
      d: Object.freeze([1, 1]),
      Aeq: Object.freeze([1, 1]),
      beq: Object.freeze([1]),
      Aineq: Object.freeze([1, 0, 0, 1]),
      bineq: Object.freeze([0, 0.7]),
    };
    const copy = JSON.stringify(problem);
    const s = solveQuadraticProgram(Object.freeze(problem));
    expect(JSON.stringify(problem)).toBe(copy);
    // x1 = 1 − x2 turns the objective into x2² − 1.5·x2 − 0, minimised at x2 = 0.75 ≥ 0.7.
    expect(s.x[0] + s.x[1]).toBeCloseTo(1, 14);
    expect(s.x[1]).toBeGreaterThanOrEqual(0.7);
  });
});
