import { sharedDataContext } from "../../data/runtime/sharedDataContext";
import type { DataContext } from "../../data/runtime/createDataContext";
import { createSettingsStore, type SettingsStore } from "./settingsStore";

/** What the pane talks to: the runtime's shared data context and the settings store. */
export interface PaneContext {
  readonly data: DataContext;
  readonly settings: SettingsStore;
}

/**
 * The pane's services in this runtime: the data context shared with the custom functions, and the
 * settings store over localStorage partitioned by Office.context.partitionKey. Stored settings are
 * applied to the data context once, here.
 *
 * @example createPaneContext().data.provider().id; // => "demo" on a fresh install
 */
export function createPaneContext(): PaneContext {
  const partitionKey =
    typeof Office !== "undefined"
      ? (Office.context as { partitionKey?: string } | undefined)?.partitionKey
      : undefined;
  const storage = typeof localStorage === "undefined" ? undefined : localStorage;
  const settings = createSettingsStore(storage, partitionKey);
  const data = sharedDataContext();
  data.setSettings(settings.load());
  return { data, settings };
}
