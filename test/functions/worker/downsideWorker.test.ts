/**
 * RISKWEIGHTS' downside methods through the background worker: the job is always posted (its
 * estimate counts HiGHS' first load), the worker awaits the solver (an asynchronous job) and the
 * spill is exactly the inline call's; a refusal inside the worker keeps its message.
 */
import { loadInPage as loadModulesInPage, newFakePoolState } from "./fakeWorkerPage";
import { riskWeights as riskWeightsInline } from "../../../src/functions/construction";
import { estimateDownsideMs, shouldRunOffThread } from "../../../src/functions/worker/workEstimate";

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

const PRICES: unknown[][] = [["BTC", "ETH", "SOL"]];
for (let t = 0, p = [100, 100, 100]; t < 80; t++) {
  p = p.map((x, j) => x * (1 + 0.015 * (j + 1) * Math.sin(t * (j + 2) * 0.7 + j)));
  PRICES.push([...p]);
}

beforeEach(() => {
  mockWorkerpool.jobs = [];
  mockWorkerpool.mode = "run";
});

describe("downside methods in the background worker", () => {
  it("always go to the worker: the estimate counts the solver's first load", () => {
    expect(shouldRunOffThread(estimateDownsideMs(10, 2, "mincvar"))).toBe(true);
    expect(estimateDownsideMs(1825, 20, "mincdar")).toBeGreaterThan(
      estimateDownsideMs(1825, 20, "mincvar")
    );
  });

  it('posts "mincvar 0.9" and spills what the inline call spills', async () => {
    const { construction } = loadInPage();
    const posted = await construction.riskWeights(PRICES as never, "mincvar 0.9", 0.6 as never);
    expect(mockWorkerpool.jobs.map((job) => job.params[0])).toEqual(["downsideWeights"]);
    expect(posted).toEqual(await riskWeightsInline(PRICES as never, "mincvar 0.9", 0.6 as never));
  });

  it("keeps a refusal's message from inside the worker", async () => {
    const { construction } = loadInPage();
    let message = "";
    try {
      await construction.riskWeights(PRICES as never, "mincvar", 0.3 as never);
    } catch (error) {
      message = (error as { message: string }).message;
    }
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(message).toMatch(/upper bounds sum to 0.9 < 1: raise them by 0.1/);
  });
});
