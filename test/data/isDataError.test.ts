import { DataError, type DataErrorKind } from "../../src/data/dataError";
import { isDataError, isTransientDataError } from "../../src/data/isDataError";

describe("isDataError", () => {
  it("recognises a DataError, and one from another bundle by name and kind", () => {
    expect(isDataError(new DataError("network", "offline"))).toBe(true);
    const foreign = Object.assign(new Error("offline"), { name: "DataError", kind: "network" });
    expect(isDataError(foreign)).toBe(true);
    expect(isDataError(new Error("offline"))).toBe(false);
    expect(isDataError("DataError")).toBe(false);
  });
});

describe("isTransientDataError", () => {
  it.each<[DataErrorKind, number | undefined, boolean]>([
    ["network", undefined, true],
    ["timeout", undefined, true],
    ["providerDown", 503, true],
    ["providerDown", 500, true],
    ["quota", 429, true],
    ["badResponse", 200, true],
    ["badResponse", undefined, true],
    ["badResponse", 502, true],
    // the user's to fix: must stay visible
    ["badResponse", 400, false],
    ["badKey", 401, false],
    ["badKey", 403, false],
    ["notFound", 404, false],
    ["notFound", undefined, false],
    ["quota", 401, false], // CoinGecko's 365-day window (error 10012)
    ["quota", undefined, false], // days beyond the plan, refused before any call
    ["cancelled", undefined, false],
  ])("%s (status %p) → %p", (kind, status, transient) => {
    expect(isTransientDataError(new DataError(kind, "…", status))).toBe(transient);
  });

  it("is false for anything that is not a DataError", () => {
    expect(isTransientDataError(new Error("network"))).toBe(false);
    expect(isTransientDataError(undefined)).toBe(false);
  });
});
