/**
 * RISKWEIGHTS limits and "resampled" through the background worker: above the threshold the job is
 * posted (to the fake pool that runs the real worker entry on structured clones, so the limits'
 * Float64Array weights cross as a worker would see them) and the spill is exactly the inline call's.
 */
import { loadInPage as loadModulesInPage, newFakePoolState } from "./fakeWorkerPage";
import { riskWeights as riskWeightsInline } from "../../../src/functions/construction";

const mockWorkerpool = newFakePoolState();
jest.mock("workerpool", () =>
  jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
);

function loadInPage(): { construction: typeof import("../../../src/functions/construction") } {
  return loadModulesInPage(() => ({
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    construction: require("../../../src/functions/construction"),
  }));
}

/** Seeded random-walk prices under a header row. */
function prices(assets: number, days: number): unknown[][] {
  let seed = 5;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const level = new Array<number>(assets).fill(100);
  const rows: unknown[][] = [Array.from({ length: assets }, (_, j) => `A${j + 1}`)];
  for (let t = 0; t < days; t++) {
    const market = random() - 0.5;
    rows.push(
      level.map(
        (p, j) => (level[j] = p * (1 + 0.02 * market + 0.03 * (random() - 0.5) + 0.0005 * (j % 3)))
      )
    );
  }
  return rows;
}

const none = null as never;

beforeEach(() => {
  mockWorkerpool.jobs = [];
  mockWorkerpool.mode = "run";
});

describe("RISKWEIGHTS limits in the worker equal the inline call", () => {
  it.each([
    ["minvar", "effn 20", undefined],
    ["minvar", "turnover 0.3; cost 0.001", "current"],
    ["maxsharpe", "holdings 5; turnover 1.9", "current"],
  ])("%s with %s on 40 assets is posted, same weights", async (method, limits, current) => {
    const { construction } = loadInPage();
    const range = prices(40, 800);
    const currentWeights = current === undefined ? none : ([new Array(40).fill(1 / 40)] as never);
    const args = [
      range,
      method,
      none,
      none,
      none,
      none,
      none,
      none,
      none,
      limits,
      currentWeights,
    ] as const;
    const inWorker = await construction.riskWeights(...args);
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(mockWorkerpool.jobs[0].params[0]).toBe("riskWeights");
    expect(inWorker).toEqual(await riskWeightsInline(...args));
  });

  it("resampled 50 on 30 assets is posted as its own job, same weights", async () => {
    const { construction } = loadInPage();
    const range = prices(30, 800);
    const inWorker = await construction.riskWeights(range, "resampled 50");
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(mockWorkerpool.jobs[0].params[0]).toBe("resampledWeights");
    expect(inWorker).toEqual(await riskWeightsInline(range, "resampled 50"));
  });
});
