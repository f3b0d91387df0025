/**
 * The custom functions entry point, loaded by the shared runtime. The functions themselves live in
 * one file per catalogue group and are listed in the metadata plugin's input (webpack.config.js),
 * which appends their `CustomFunctions.associate` calls to each of those modules at build time, so a
 * plain import in Node registers nothing and needs no Office runtime.
 */
export { returns } from "./returns";
