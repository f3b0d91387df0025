import { DEFAULT_DATA_SETTINGS } from "../../../src/data/settings";
import { createSettingsStore, type KeyValueStorage } from "../../../src/data/runtime/settingsStore";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("createSettingsStore", () => {
  it("keeps settings per partition and falls back to the demo defaults", () => {
    const storage = memoryStorage();
    const a = createSettingsStore(storage, "partition-a");
    const b = createSettingsStore(storage, undefined);
    expect(a.load()).toEqual(DEFAULT_DATA_SETTINGS);
    a.save({
      ...DEFAULT_DATA_SETTINGS,
      provider: "tokenmetrics",
      tokenMetrics: { apiKey: "secret" },
    });
    expect(a.load().tokenMetrics.apiKey).toBe("secret");
    expect(b.load().provider).toBe("demo");
    expect([...storage.data.keys()]).toEqual(["partition-a/diversify.dataSettings"]);
    a.clear();
    expect(a.load()).toEqual(DEFAULT_DATA_SETTINGS);
  });

  it("ignores unreadable stored settings and works without storage", () => {
    const storage = memoryStorage();
    storage.setItem("diversify.dataSettings", "{not json");
    expect(createSettingsStore(storage, undefined).load()).toEqual(DEFAULT_DATA_SETTINGS);
    const none = createSettingsStore(undefined, undefined);
    none.save(DEFAULT_DATA_SETTINGS);
    expect(none.load()).toEqual(DEFAULT_DATA_SETTINGS);
  });
});

describe("the pane's import path", () => {
  it("re-exports the data layer's store", async () => {
    const pane = await import("../../../src/taskpane/state/settingsStore");
    const data = await import("../../../src/data/runtime/settingsStore");
    expect(pane.createSettingsStore).toBe(data.createSettingsStore);
  });
});
