/**
 * The custom functions entry point, loaded by the shared runtime. The functions themselves live in
 * one file per catalogue group, listed in scripts/functionSources.js; the metadata plugin appends
 * their `CustomFunctions.associate` calls to each of those modules at build time, so a plain import
 * in Node registers nothing and needs no Office runtime. Every listed file must be re-exported here,
 * or webpack leaves it out of the bundle (the browser contract test checks that each id registers).
 */
import { warmUpBackgroundPool } from "./worker/backgroundPool";

export * from "./returns";
export * from "./risk";
export * from "./dependence";
export * from "./construction";
export * from "./diagnostics";
export * from "./rebalancing";
export * from "./data";
export * from "./bayesian";

// The background worker starts once the page is idle, not with the first long formula.
if (typeof window !== "undefined") {
  if (typeof window.requestIdleCallback === "function")
    window.requestIdleCallback(warmUpBackgroundPool, { timeout: 2_000 });
  else setTimeout(warmUpBackgroundPool, 500);
}
