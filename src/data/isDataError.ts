import { DataError } from "./dataError";

/**
 * True when `value` is a {@link DataError} (also across bundles, where `instanceof` fails).
 *
 * @example isDataError(new DataError("quota", "…")); // => true
 */
export function isDataError(value: unknown): value is DataError {
  return (
    value instanceof DataError ||
    (value instanceof Error && value.name === "DataError" && "kind" in value)
  );
}

/**
 * True when `value` is a {@link DataError} that says nothing about the request itself: no
 * connection ("network"), no answer in time ("timeout"), a rate limit ("quota" with status 429),
 * a server error ("providerDown") or an unreadable answer ("badResponse", except a 4xx, which is the
 * provider rejecting what we asked). Such a failure may pass, so HISTORY may show cached closes
 * meanwhile. Everything else is the user's to fix and must stay visible: a refused or revoked key
 * ("badKey"), an unknown ticker ("notFound"), a plan limit ("quota" without 429, e.g. CoinGecko's
 * 365-day window), a cancelled call.
 *
 * @example isTransientDataError(new DataError("providerDown", "CoinGecko is not working right now (503)", 503)); // => true
 * @example isTransientDataError(new DataError("badKey", "CoinGecko refused the API key (401)", 401)); // => false
 */
export function isTransientDataError(value: unknown): value is DataError {
  if (!isDataError(value)) return false;
  switch (value.kind) {
    case "network":
    case "timeout":
    case "providerDown":
      return true;
    case "quota":
      return value.status === 429;
    case "badResponse":
      return value.status === undefined || value.status < 400 || value.status >= 500;
    default:
      return false;
  }
}
