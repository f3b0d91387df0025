/**
 * BACKTEST with an adaptive rule above the off-thread threshold runs in the background worker, as
 * the re-estimated schemes do: the rule is a function, so the job carries the adaptive spec as
 * plain data and the worker rebuilds the rule. Same fake page and pool as backgroundPool.test.ts
 * (workerpool replaced by a pool running the real worker entry on structured clones).
 */
import {
  loadInPage as loadModulesInPage,
  newFakePoolState,
  randomWalkPrices as prices,
} from "./fakeWorkerPage";
import { rejectionOf } from "../../helpers/excelErrorOf";
import { backtest as backtestInline } from "../../../src/functions/rebalancing";

const mockWorkerpool = newFakePoolState();
jest.mock("workerpool", () =>
  jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
);

/** Loads the pool and the catalogue files using it as a browser page would see them. */
function loadInPage(): {
  pool: typeof import("../../../src/functions/worker/backgroundPool");
  rebalancing: typeof import("../../../src/functions/rebalancing");
} {
  return loadModulesInPage(() => ({
    /* eslint-disable @typescript-eslint/no-require-imports */
    pool: require("../../../src/functions/worker/backgroundPool"),
    rebalancing: require("../../../src/functions/rebalancing"),
    /* eslint-enable @typescript-eslint/no-require-imports */
  }));
}

beforeEach(() => {
  mockWorkerpool.jobs = [];
  mockWorkerpool.mode = "run";
});

const none = null as unknown as number;
const noText = null as unknown as string;

describe("BACKTEST adaptive in the background worker", () => {
  it.each([
    ["invvol", "monthly", "trend 100; voltarget 0.6", 0.04, "stats", 100, 800, 60],
    ["invvol", "monthly", "regime volatility 0.8 120 minvar", null, "weights", 100, 800, 150],
    ["equal", "daily", "momentum 60 0.5; voltarget 0.6", 0.04, "weights", 60, 600, 60],
    [
      "equal",
      "daily",
      "voltarget 0.5 20 ewma; trend 50 momentum holdings",
      0.02,
      "equity",
      60,
      600,
      60,
    ],
  ])(
    "%s %s %s: posted as a job, same spill as inline",
    async (base, schedule, spec, rate, output, assets, days, lookback) => {
      const { rebalancing } = loadInPage();
      const range = prices(assets as number, days as number);
      const args = [
        range,
        base,
        schedule,
        none,
        10,
        lookback,
        output,
        none,
        spec,
        rate as number,
      ] as const;
      const inWorker = await rebalancing.backtest(...args);
      expect(mockWorkerpool.jobs).toHaveLength(1);
      const [name, input] = mockWorkerpool.jobs[0].params as [string, { adaptive?: unknown }];
      expect(name).toBe("backtest");
      // The spec crossed as data: the worker rebuilt the rule from it.
      expect(input.adaptive).toMatchObject({ periodsPerYear: 365, estimationRows: lookback });
      expect(inWorker).toEqual(await backtestInline(...args));
    }
  );

  it("fixed weights under a daily adaptive rule go to the worker too; a small one stays inline", async () => {
    const { rebalancing } = loadInPage();
    const range = prices(60, 600);
    const weights = [Array.from({ length: 60 }, () => 1 / 60)];
    const args = [
      range,
      weights,
      "daily",
      none,
      0,
      none,
      "equity",
      none,
      "trend 50; voltarget 0.6",
      none,
    ] as const;
    const inWorker = await rebalancing.backtest(...args);
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(inWorker).toEqual(await backtestInline(...args));
    const small = [
      prices(3, 300),
      [[0.5, 0.3, 0.2]],
      "monthly",
      none,
      0,
      none,
      "equity",
      none,
      "trend 50",
      none,
    ] as const;
    expect(await rebalancing.backtest(...small)).toEqual(await backtestInline(...small));
    expect(mockWorkerpool.jobs).toHaveLength(1);
  });

  it("the correlation regime's O((m + H) · cols²) per call counts toward the worker threshold", async () => {
    const { rebalancing } = loadInPage();
    // 30 assets monthly on fixed weights: the simulation alone is far below 15 ms.
    const weights = [Array.from({ length: 30 }, () => 1 / 30)];
    const base = [prices(30, 400), weights, "monthly", none, 0, none, "stats", none] as const;
    await rebalancing.backtest(...base, "trend 50", none);
    expect(mockWorkerpool.jobs).toHaveLength(0);
    const args = [...base, "regime correlation 0.8 200", none] as const;
    const inWorker = await rebalancing.backtest(...args);
    expect(mockWorkerpool.jobs).toHaveLength(1);
    expect(inWorker).toEqual(await backtestInline(...args));
  });

  it("a bad option fails before any job is posted, with the inline message", async () => {
    const { rebalancing } = loadInPage();
    const range = prices(60, 600);
    const error = await rejectionOf(
      rebalancing.backtest(range, "invvol", "daily", none, 0, 60, noText, none, "voltarget 0", none)
    );
    expect(mockWorkerpool.jobs).toHaveLength(0);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /adaptive: "voltarget 0": target must be an annual volatility above 0/
    );
  });
});
