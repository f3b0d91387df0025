import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import type { ReturnsPanel, SquareMatrix } from "../../../src/core/types";
import { correlationJob } from "../../../src/functions/worker/jobs";
import {
  kendallRowsPart,
  splitKendallCorrelation,
} from "../../../src/functions/worker/kendallSplit";
import { correlationOfColumnsPart } from "../../../src/functions/worker/partJobs";
import { randomPrices } from "../../../bench/randomData";

/** A returns panel with late listings, gaps and a tied column, so several masks and both kernels run. */
function panel(rows: number, cols: number): ReturnsPanel {
  const returns = returnsFromPrices(pricePanel(randomPrices(rows + 1, cols, 7)));
  const data = returns.data.slice();
  for (let j = 0; j < cols; j++) {
    data.fill(NaN, j * rows, j * rows + (j % 5) * 20);
    if (j % 7 === 3)
      for (let t = 0; t < rows; t++) data[j * rows + t] = Math.round(data[j * rows + t] * 50) / 50;
  }
  data[3 * rows + 400] = NaN;
  return { ...returns, data };
}

/** Runs a plan's parts on this thread with the pool's part functions (as without a worker) and joins them. */
function runInline(input: Parameters<typeof splitKendallCorrelation>[0]): SquareMatrix {
  const plan = splitKendallCorrelation(input);
  if (plan === undefined) throw new Error("expected a split plan");
  const outputs = plan.parts.map((part) =>
    part.name === "kendallRows"
      ? kendallRowsPart(part.input as never)
      : correlationOfColumnsPart(part.input as never)
  );
  return plan.join(outputs);
}

describe("splitKendallCorrelation", () => {
  it("joins two parts into the same doubles as the unsplit job (ties, gaps, late listings)", () => {
    const returns = panel(1825, 80);
    const whole = correlationJob({ returns, method: "kendall", halfLife: 60 });
    const split = runInline({
      returns: { ...returns, data: returns.data.slice() },
      method: "kendall",
      halfLife: 60,
    });
    expect(split.size).toBe(80);
    expect(split.labels).toEqual(whole.labels);
    expect(Array.from(split.data)).toEqual(Array.from(whole.data));
  });

  it("balances the pairs: k ≈ 0.293 p rows against every column, the rest's triangle", () => {
    const returns = panel(1825, 200);
    const plan = splitKendallCorrelation({ returns, method: "kendall", halfLife: 60 })!;
    const { rowCount } = plan.parts[0].input as { rowCount: number };
    const tail = (plan.parts[1].input as { returns: ReturnsPanel }).returns;
    expect(rowCount).toBe(59);
    expect(tail.cols).toBe(141);
    const first = rowCount * 200 - (rowCount * (rowCount - 1)) / 2;
    const second = (tail.cols * (tail.cols + 1)) / 2;
    expect(Math.abs(first - second) / (first + second)).toBeLessThan(0.02);
  });

  it("copies the next split's columns into the memory the tail part handed back, with the same doubles", () => {
    const returns = panel(1825, 80);
    const whole = correlationJob({ returns, method: "kendall", halfLife: 60 });
    const input = () => ({
      returns: { ...returns, data: returns.data.slice() },
      method: "kendall" as const,
      halfLife: 60,
    });
    const first = splitKendallCorrelation(input())!;
    const firstTail = (first.parts[1].input as { returns: ReturnsPanel }).returns.data;
    first.join(
      first.parts.map((part) =>
        part.name === "kendallRows"
          ? kendallRowsPart(part.input as never)
          : correlationOfColumnsPart(part.input as never)
      )
    );
    const second = splitKendallCorrelation(input())!;
    const secondTail = (second.parts[1].input as { returns: ReturnsPanel }).returns.data;
    expect(secondTail.buffer).toBe(firstTail.buffer);
    // Columns [k, p) are the end of the column-major data, copied over the old contents.
    const expectedTail = returns.data.subarray(returns.data.length - secondTail.length);
    expect(Array.from(secondTail)).toEqual(Array.from(expectedTail));
    expect(Array.from(runInline(input()).data)).toEqual(Array.from(whole.data));
  });

  it("runs whole for other methods and small jobs", () => {
    const returns = panel(600, 40);
    expect(splitKendallCorrelation({ returns, method: "pearson", halfLife: 60 })).toBeUndefined();
    expect(
      splitKendallCorrelation({ returns: panel(100, 12), method: "kendall", halfLife: 60 })
    ).toBeUndefined();
    expect(
      splitKendallCorrelation({ returns: panel(200, 40), method: "kendall", halfLife: 60 })
    ).toBeUndefined();
  });
});
