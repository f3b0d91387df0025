import { createIndexedDbStore } from "../cache/createIndexedDbStore";
import { createProvider } from "../createProvider";
import type { WaitNotice } from "../http/httpClient";
import { createMemoryStore } from "../cache/createMemoryStore";
import { createDataContext, type DataContext } from "./createDataContext";
import { createFallbackStore } from "./createFallbackStore";
import { loadStoredSettings } from "./loadStoredSettings";

let shared: DataContext | undefined;
const waitListeners = new Set<(notice: WaitNotice) => void>();

/**
 * The one data context of this JS runtime. The add-in runs its custom functions and task pane in a
 * shared runtime, so HISTORY, TOP, INDEX and the pane see the same settings, providers and cache
 * (Microsoft's "one shared runtime, two faces over one state module"). Created on first use with
 * the demo provider and, where the browser has IndexedDB, a persistent price cache (memory if
 * IndexedDB fails); it then loads the Data tab's saved settings itself, after Office.onReady
 * (loadStoredSettings), so functions need not wait for the pane to render: they await
 * {@link readySharedDataContext}.
 *
 * Passing a context installs it instead (tests; a host that builds its own); the pane changes
 * providers and keys with `sharedDataContext().setSettings(…)`.
 *
 * @param replacement a context to install in place of the current one
 * @returns the runtime's data context
 * @example sharedDataContext().settings.provider; // => "demo"
 */
export function sharedDataContext(replacement?: DataContext): DataContext {
  if (replacement !== undefined) shared = replacement;
  shared ??= createDataContext({
    store:
      typeof indexedDB === "undefined"
        ? createMemoryStore()
        : createFallbackStore(createIndexedDbStore(), createMemoryStore()),
    loadSettings: () => loadStoredSettings(),
    createProvider: (settings, dependencies) =>
      createProvider(settings, { ...dependencies, onWait: announceProviderWait }),
  });
  return shared;
}

/**
 * The runtime's data context once its saved settings are in force: what HISTORY, TOP and INDEX
 * use, so a formula calculated before the pane opens still uses the saved provider and keys.
 *
 * @returns the shared context, after its `ready`
 * @example (await readySharedDataContext()).settings.provider; // => the saved provider
 */
export async function readySharedDataContext(): Promise<DataContext> {
  const context = sharedDataContext();
  await context.ready;
  return context;
}

function announceProviderWait(notice: WaitNotice): void {
  for (const listener of waitListeners) listener(notice);
}

/**
 * Subscribes to the retry waits of the shared context's providers (a 429's Retry-After, a backoff),
 * so the pane can show a countdown while a formula or a refresh waits. Waits are announced by the
 * HTTP client before it sleeps; a context installed by a test is not wired to this.
 *
 * @param listener called with each wait as it starts
 * @returns a function that unsubscribes
 * @example const stop = onProviderWait((n) => console.log(n.untilMs)); stop();
 */
export function onProviderWait(listener: (notice: WaitNotice) => void): () => void {
  waitListeners.add(listener);
  return () => waitListeners.delete(listener);
}
