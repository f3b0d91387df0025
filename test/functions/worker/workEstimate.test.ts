import {
  OFF_THREAD_THRESHOLD_MS,
  estimateCorrelationMs,
  estimateCovarianceMs,
  shouldRunOffThread,
} from "../../../src/functions/worker/workEstimate";

describe("which jobs leave the pane's thread", () => {
  it.each([
    ["kendall", 1825, 200, true], // the issue's ~0.5 s case
    ["kendall", 250, 10, false],
    ["pearson", 3650, 500, true], // the 160–230 ms case
    ["pearson", 1825, 50, false],
    ["spearman", 1825, 200, true],
    ["ewm", 100, 10, false],
  ] as const)("CORRMATRIX %s on %i rows × %i assets: background %s", (method, rows, cols, off) => {
    expect(shouldRunOffThread(estimateCorrelationMs(method, rows, cols))).toBe(off);
  });

  it("COVMATRIX: 500 × 1,825 in the background, 20 × 365 inline", () => {
    expect(shouldRunOffThread(estimateCovarianceMs(1825, 500))).toBe(true);
    expect(shouldRunOffThread(estimateCovarianceMs(365, 20))).toBe(false);
  });

  it("grows with rows and with the square of the assets", () => {
    const base = estimateCorrelationMs("pearson", 1000, 100);
    expect(estimateCorrelationMs("pearson", 2000, 100)).toBeCloseTo(2 * base, 10);
    expect(estimateCorrelationMs("pearson", 1000, 200) / base).toBeCloseTo(
      (200 * 201) / (100 * 101),
      10
    );
    expect(shouldRunOffThread(OFF_THREAD_THRESHOLD_MS)).toBe(false);
    expect(shouldRunOffThread(OFF_THREAD_THRESHOLD_MS + 1)).toBe(true);
  });
});
