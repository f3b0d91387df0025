import { DEFAULT_DATA_SETTINGS, type DataSettings } from "../settings";

/** The storage the settings live in: localStorage in the shared runtime (a browser page). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Where the Data tab keeps the provider choice and API keys: the runtime's localStorage, under a
 * key partitioned by Office.context.partitionKey (Excel on the web gives each add-in instance its
 * own partition; desktop gives none). Never in the workbook: a shared file must not carry keys.
 * Unreadable stored settings fall back to the defaults (demo data).
 */
export interface SettingsStore {
  load(): DataSettings;
  save(settings: DataSettings): void;
  clear(): void;
}

/**
 * @param storage localStorage (default) or a test double
 * @param partitionKey Office.context.partitionKey when present
 * @example createSettingsStore(localStorage, undefined).load().provider; // => "demo"
 */
export function createSettingsStore(
  storage: KeyValueStorage | undefined,
  partitionKey: string | undefined
): SettingsStore {
  const key = `${partitionKey ? `${partitionKey}/` : ""}diversify.dataSettings`;
  return {
    load() {
      const text = storage?.getItem(key);
      if (text === null || text === undefined) return DEFAULT_DATA_SETTINGS;
      try {
        const parsed = JSON.parse(text) as Partial<DataSettings>;
        return {
          ...DEFAULT_DATA_SETTINGS,
          ...parsed,
          coinGecko: { ...DEFAULT_DATA_SETTINGS.coinGecko, ...parsed.coinGecko },
          tokenMetrics: { ...DEFAULT_DATA_SETTINGS.tokenMetrics, ...parsed.tokenMetrics },
          csv: { ...DEFAULT_DATA_SETTINGS.csv, ...parsed.csv },
          http: { ...DEFAULT_DATA_SETTINGS.http, ...parsed.http },
        };
      } catch {
        return DEFAULT_DATA_SETTINGS;
      }
    },
    save(settings) {
      storage?.setItem(key, JSON.stringify(settings));
    },
    clear() {
      storage?.removeItem(key);
    },
  };
}
