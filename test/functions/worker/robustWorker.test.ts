/**
 * COVMATRIX's robust estimators and RISKWEIGHTS herc/nco through the background worker: above the
 * threshold the job is posted (to a fake pool that runs the real worker entry on structured
 * clones, as in backgroundPool.test.ts) and the spill is exactly the inline call's.
 */
import { loadInPage as loadModulesInPage, newFakePoolState } from "./fakeWorkerPage";
import { rejectionOf } from "../../helpers/excelErrorOf";
import { riskWeights as riskWeightsInline } from "../../../src/functions/construction";
import { covMatrix as covMatrixInline } from "../../../src/functions/dependence";
import {
  estimateCovarianceMs,
  estimateWeightsMs,
  shouldRunOffThread,
} from "../../../src/functions/worker/workEstimate";

const mockWorkerpool = newFakePoolState();
jest.mock("workerpool", () =>
  jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
);

/** Loads the pool and the catalogue files using it as a browser page would see them. */
function loadInPage(): {
  dependence: typeof import("../../../src/functions/dependence");
  construction: typeof import("../../../src/functions/construction");
} {
  return loadModulesInPage(() => ({
    /* eslint-disable @typescript-eslint/no-require-imports */
    dependence: require("../../../src/functions/dependence"),
    construction: require("../../../src/functions/construction"),
    /* eslint-enable @typescript-eslint/no-require-imports */
  }));
}

/** Seeded random-walk prices under a header row. */
function prices(assets: number, days: number): unknown[][] {
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const level = new Array<number>(assets).fill(100);
  const rows: unknown[][] = [Array.from({ length: assets }, (_, j) => `A${j + 1}`)];
  for (let t = 0; t < days; t++) {
    const market = random() - 0.5;
    rows.push(level.map((p, j) => (level[j] = p * (1 + 0.02 * market + 0.03 * (random() - 0.5)))));
  }
  return rows;
}

const none = null as unknown as number;

beforeEach(() => {
  mockWorkerpool.jobs = [];
  mockWorkerpool.mode = "run";
});

describe("work estimates of the new estimators and methods", () => {
  it("denoising adds its O(N³) eigen-decomposition, Gerber a second pass", () => {
    const gram = estimateCovarianceMs(1825, 200);
    expect(estimateCovarianceMs(1825, 200, "gerber")).toBeCloseTo(2 * gram, 10);
    expect(estimateCovarianceMs(1825, 200, "denoised")).toBeGreaterThan(gram);
    expect(estimateCovarianceMs(1825, 200, "detoned")).toBe(
      estimateCovarianceMs(1825, 200, "denoised")
    );
    expect(estimateCovarianceMs(1825, 200, "semi")).toBe(gram);
  });

  it("nco (a QP per cluster) costs more than erc; 500 assets of either leave the pane's thread", () => {
    expect(estimateWeightsMs(0, 200, "nco")).toBeGreaterThan(estimateWeightsMs(0, 200, "erc"));
    expect(shouldRunOffThread(estimateWeightsMs(0, 500, "herc"))).toBe(true);
    expect(shouldRunOffThread(estimateWeightsMs(0, 500, "nco"))).toBe(true);
    expect(shouldRunOffThread(estimateWeightsMs(0, 10, "herc"))).toBe(false);
  });
});

describe("the worker path equals the inline call", () => {
  it.each(["denoised", "detoned", "gerber 0.6", "semi 0.0005"])(
    "COVMATRIX %s on 200 assets × 1,000 days is posted, same spill",
    async (estimator) => {
      const { dependence } = loadInPage();
      const range = prices(200, 1000);
      const inWorker = await dependence.covMatrix(range, estimator);
      expect(mockWorkerpool.jobs).toHaveLength(1);
      expect(mockWorkerpool.jobs[0].params[0]).toBe("covariance");
      expect(inWorker).toEqual(await covMatrixInline(range, estimator));
    }
  );

  it.each([
    ["herc", "sample"],
    ["nco", "sample"],
    ["herc", "denoised"],
    ["erc", "gerber"],
  ])(
    "RISKWEIGHTS %s (%s) on 200 assets × 1,000 days is posted, same weights",
    async (method, est) => {
      const { construction } = loadInPage();
      const range = prices(200, 1000);
      const inWorker = await construction.riskWeights(range, method, null, null, est);
      expect(mockWorkerpool.jobs).toHaveLength(1);
      expect(mockWorkerpool.jobs[0].params[0]).toBe("riskWeights");
      expect(inWorker).toEqual(await riskWeightsInline(range, method, null, null, est));
    }
  );

  it("a refusal in the worker (too few rows to denoise) has the inline message", async () => {
    const { dependence } = loadInPage();
    const range = prices(400, 300); // 299 returns for 400 assets, and heavy enough to be posted
    const inWorker = await rejectionOf(dependence.covMatrix(range, "denoised", none));
    expect(mockWorkerpool.jobs).toHaveLength(1);
    const inline = await rejectionOf(covMatrixInline(range, "denoised", none));
    expect({ code: inWorker.code, message: inWorker.message }).toEqual({
      code: inline.code,
      message: inline.message,
    });
    expect(inline.message).toMatch(/got 299 observations for 400 assets/);
  });
});
