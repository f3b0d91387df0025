import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { loadStoredSettings } from "../../../src/data/runtime/loadStoredSettings";
import { createSettingsStore, type KeyValueStorage } from "../../../src/data/runtime/settingsStore";
import { DEFAULT_DATA_SETTINGS, type DataSettings } from "../../../src/data/settings";
import { sharedDataContext } from "../../../src/data/runtime/sharedDataContext";
import { history, indexConstituents, top } from "../../../src/functions/data";
import { fakeClock } from "../helpers/fakeServer";

const CSV = "Date,BTC,ETH\n2025-06-28,100,10\n2025-06-29,101,11\n2025-06-30,102,12\n";
const SAVED: DataSettings = {
  ...DEFAULT_DATA_SETTINGS,
  provider: "csv",
  csv: { text: CSV, sourceName: "Saved CSV" },
};

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** Office.onReady that resolves only when the test says so (Excel calls functions before it). */
function deferredReady() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { onReady: () => promise, resolve };
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

describe("loadStoredSettings", () => {
  it("waits for onReady, then reads the partition's saved settings", async () => {
    const storage = memoryStorage();
    createSettingsStore(storage, "part-1").save(SAVED);
    const ready = deferredReady();
    const office: { partitionKey?: string } = {};
    let settled = false;
    const loading = loadStoredSettings({
      onReady: ready.onReady,
      partitionKey: () => office.partitionKey,
      storage,
    }).then((s) => ((settled = true), s));
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    office.partitionKey = "part-1"; // Office.context exists only once Office is ready
    ready.resolve();
    expect((await loading)?.provider).toBe("csv");
  });

  it("reads anyway when onReady never settles, and gives undefined without storage", async () => {
    const storage = memoryStorage();
    createSettingsStore(storage, undefined).save(SAVED);
    const stuck = { onReady: () => new Promise<void>(() => undefined), storage, readyTimeoutMs: 5 };
    expect((await loadStoredSettings(stuck))?.provider).toBe("csv");
    expect(await loadStoredSettings({ storage: undefined })).toBeUndefined();
  });
});

describe("the data context loads saved settings itself", () => {
  it("HISTORY called before the pane renders (and before onReady) uses the saved provider", async () => {
    const storage = memoryStorage();
    createSettingsStore(storage, "p").save(SAVED);
    const ready = deferredReady();
    sharedDataContext(
      createDataContext({
        clock: fakeClock(Date.UTC(2025, 5, 30, 12)),
        batchDelayMs: 1,
        loadSettings: () =>
          loadStoredSettings({ onReady: ready.onReady, partitionKey: () => "p", storage }),
      })
    );
    const pending = history([["BTC", "ETH"]], 10);
    await new Promise((r) => setTimeout(r, 5));
    ready.resolve();
    const out = await pending;
    expect(out[0]).toEqual(["Date", "BTC", "ETH"]);
    expect(out.slice(1).map((row) => row.slice(1))).toEqual([
      [100, 10],
      [101, 11],
      [102, 12],
    ]);
  });

  it("a pane choice made while loading wins over the stored settings read late", async () => {
    const ready = deferredReady();
    const context = createDataContext({
      loadSettings: async () => (await ready.onReady(), SAVED),
    });
    context.setSettings({ ...DEFAULT_DATA_SETTINGS, provider: "coingecko" });
    ready.resolve();
    await context.ready;
    expect(context.settings.provider).toBe("coingecko");
  });

  it("a loader that fails keeps the defaults and still settles", async () => {
    const context = createDataContext({
      loadSettings: () => {
        throw new Error("storage is blocked");
      },
    });
    await expect(context.ready).resolves.toBeUndefined();
    expect(context.settings.provider).toBe("demo");
  });

  it("the runtime's own context reads Office and localStorage globals (no pane involved)", async () => {
    const storage = memoryStorage();
    createSettingsStore(storage, "web-part").save(SAVED);
    const ready = deferredReady();
    const globals = globalThis as Record<string, unknown>;
    globals.localStorage = storage;
    globals.Office = { onReady: ready.onReady, context: { partitionKey: "web-part" } };
    try {
      let fresh!: typeof import("../../../src/data/runtime/sharedDataContext");
      jest.isolateModules(() => {
        fresh = jest.requireActual("../../../src/data/runtime/sharedDataContext");
      });
      expect(fresh.sharedDataContext().settings.provider).toBe("demo");
      const waiting = fresh.readySharedDataContext();
      ready.resolve();
      expect((await waiting).settings.provider).toBe("csv");
    } finally {
      delete globals.localStorage;
      delete globals.Office;
    }
  });
});

describe("saved key missing", () => {
  it("HISTORY says so, with the fix, when the saved provider's key is gone", async () => {
    sharedDataContext(
      createDataContext({
        loadSettings: async () => ({ ...DEFAULT_DATA_SETTINGS, provider: "tokenmetrics" }),
      })
    );
    const error = await errorOf(history([["BTC"]], 10));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^saved key missing: the Data tab chooses Token Metrics/);
    expect(error.message).toMatch(/enter the key again and Save/);
  });

  it("TOP and INDEX say so too", async () => {
    sharedDataContext(
      createDataContext({
        settings: { ...DEFAULT_DATA_SETTINGS, provider: "coingecko", coinGecko: { plan: "demo" } },
      })
    );
    for (const call of [top(5), indexConstituents("top10-equal")]) {
      const error = await errorOf(call);
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(
        /^saved key missing: the Data tab chooses CoinGecko's demo plan/
      );
    }
  });

  it("CoinGecko's pro plan without its key is refused, not served from the public API", () => {
    const context = createDataContext({
      settings: { ...DEFAULT_DATA_SETTINGS, provider: "coingecko", coinGecko: { plan: "pro" } },
    });
    expect(() => context.provider()).toThrow(/saved key missing: .*CoinGecko's pro plan/);
    context.setSettings({ ...DEFAULT_DATA_SETTINGS, provider: "coingecko" });
    expect(context.provider().id).toBe("coingecko");
  });
});
