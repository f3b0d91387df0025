import type { DataSettings } from "../settings";
import { createSettingsStore, type KeyValueStorage } from "./settingsStore";

/** What {@link loadStoredSettings} reads Office through; the globals by default, fakes in tests. */
export interface StoredSettingsSources {
  /** Resolves when Office is initialised; Office.onReady in the add-in. */
  readonly onReady?: () => Promise<unknown>;
  /** Office.context.partitionKey once ready (Excel on the web partitions add-in storage). */
  readonly partitionKey?: () => string | undefined;
  readonly storage?: KeyValueStorage;
  /** How long to wait for onReady before reading anyway (default 10 s). */
  readonly readyTimeoutMs?: number;
}

/**
 * The settings the Data tab saved, read by the data context itself so a formula Excel evaluates
 * before the pane renders (a workbook opened with the pane closed) uses the saved provider.
 * Waits for Office.onReady first: the storage key is partitioned by Office.context.partitionKey,
 * which exists only then. If onReady never settles (not an Office host) it reads after
 * `readyTimeoutMs` rather than keeping every HISTORY cell #BUSY!. Outside a browser (no
 * localStorage) there is nothing stored: undefined.
 *
 * Complexity: one storage read.
 *
 * @param sources Office and storage access (default: the runtime's globals)
 * @returns the stored settings (the defaults when none are stored), or undefined without storage
 * @example await loadStoredSettings(); // => the Data tab's last saved settings
 */
export async function loadStoredSettings(
  sources: StoredSettingsSources = officeSources()
): Promise<DataSettings | undefined> {
  if (sources.storage === undefined) return undefined;
  if (sources.onReady !== undefined) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, sources.readyTimeoutMs ?? 10_000);
    });
    await Promise.race([sources.onReady().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }
  return createSettingsStore(sources.storage, sources.partitionKey?.()).load();
}

/** The runtime's Office.onReady, partition key and localStorage, where they exist. */
function officeSources(): StoredSettingsSources {
  const office = typeof Office === "undefined" ? undefined : Office;
  return {
    onReady: typeof office?.onReady === "function" ? () => office.onReady() : undefined,
    partitionKey: () =>
      (office?.context as { partitionKey?: string } | undefined)?.partitionKey ?? undefined,
    storage: typeof localStorage === "undefined" ? undefined : localStorage,
  };
}
