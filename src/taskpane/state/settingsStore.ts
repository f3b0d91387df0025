/**
 * The settings store now lives beside the data context (src/data/runtime/settingsStore.ts), which
 * loads it itself so custom functions see the saved provider before the pane renders; the pane
 * keeps importing it from here.
 */
export {
  createSettingsStore,
  type KeyValueStorage,
  type SettingsStore,
} from "../../data/runtime/settingsStore";
