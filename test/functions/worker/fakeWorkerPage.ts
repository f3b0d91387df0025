/**
 * The stand-in page and pool the worker tests share. Jest runs in Node, where there is no Web
 * Worker, so every job would run inline; a test that exercises the worker path replaces workerpool
 * with {@link fakeWorkerpool} (a pool that runs the real worker entry, backgroundWorker.ts, on
 * structured clones of the job, as postMessage would) and loads the functions with
 * {@link loadInPage} (document.currentScript and a Worker global, as functions.js sees them):
 *
 *   const mockWorkerpool = newFakePoolState();
 *   jest.mock("workerpool", () =>
 *     jest.requireActual("./fakeWorkerPage").fakeWorkerpool(() => mockWorkerpool)
 *   );
 *
 * (jest.mock is hoisted above the imports, and its factory may only name variables starting with
 * "mock": hence the state is the test's own and reached through a getter, read when a job runs.)
 */

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** A job the fake pool received: the method, its (cloned) parameters and what was transferred. */
export interface FakeJob {
  readonly method: string;
  readonly params: unknown[];
  readonly transfer: ArrayBuffer[];
}

/** What a test sees of the fake pool, and how it plays the worker. */
export interface FakePoolState {
  methods: Methods;
  jobs: FakeJob[];
  /** "run": answer after a tick; "hang": never answer (until cancelled); "fail": worker cannot start. */
  mode: "run" | "hang" | "fail";
}

/** A fresh state: no worker methods registered yet, no jobs, answering normally. */
export function newFakePoolState(): FakePoolState {
  return { methods: {}, jobs: [], mode: "run" };
}

/**
 * workerpool with `worker` and `pool` replaced: `worker(methods)` (what backgroundWorker.ts calls)
 * registers the methods in the state, and the pool's `exec` records the job, clones its input
 * (moving the transferables, which detaches them here as postMessage would) and answers with the
 * registered method's reply, cloned the same way. Everything else is the real workerpool
 * (its Promise, CancellationError).
 */
export function fakeWorkerpool(state: () => FakePoolState): unknown {
  const actual = jest.requireActual("workerpool");
  return {
    ...actual,
    worker: (methods: Methods) => {
      state().methods = methods;
    },
    pool: () => ({
      exec(method: string, params: unknown[], options: { transfer?: ArrayBuffer[] } = {}) {
        const transfer = options.transfer ?? [];
        const fake = state();
        fake.jobs.push({ method, params, transfer });
        return new actual.Promise((resolve: (v: unknown) => void, reject: (e: unknown) => void) => {
          if (fake.mode === "hang") return;
          if (fake.mode === "fail") {
            setTimeout(() => reject(new Error("Failed to load worker script")), 0);
            return;
          }
          const received = structuredClone(params, { transfer });
          setTimeout(() => {
            type Answer = { message: unknown; transfer: ArrayBuffer[] };
            // A method may answer with a promise of the Transfer (an asynchronous job), as the
            // real workerpool allows.
            void Promise.resolve(
              fake.methods[method](...received) as Answer | Promise<Answer>
            ).then((answer) =>
              resolve(structuredClone(answer.message, { transfer: answer.transfer }))
            );
          }, 0);
        });
      },
    }),
  };
}

/**
 * Loads modules as a browser page would see them: with document.currentScript naming functions.js
 * and a Worker global, fresh module instances (jest.isolateModules: import() would be cached) of the
 * worker entry and of what `load` requires. The pool reads document.currentScript while loading,
 * as functions.js does, so it is removed afterwards; Worker stays.
 *
 * @param load requires the modules the test uses, e.g. `() => ({ dependence: require("…") })`
 * @returns what `load` returned
 */
export function loadInPage<T>(load: () => T): T {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.document = { currentScript: { src: "https://addin.example/app/functions.js" } };
  scope.Worker = function Worker() {};
  scope.navigator = { hardwareConcurrency: 2 };
  let loaded!: T;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../../src/functions/worker/backgroundWorker");
    loaded = load();
  });
  delete scope.document;
  return loaded;
}

/** Seeded random-walk prices under a header row; optionally one constant column. */
export function randomWalkPrices(assets: number, days: number, constantColumn = -1): unknown[][] {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const level = new Array<number>(assets).fill(100);
  const rows: unknown[][] = [Array.from({ length: assets }, (_, j) => `A${j + 1}`)];
  for (let t = 0; t < days; t++) {
    rows.push(
      level.map((p, j) =>
        j === constantColumn ? 100 : (level[j] = p * (1 + 0.04 * (random() - 0.5)))
      )
    );
  }
  return rows;
}
