/**
 * What went wrong when fetching data, in the categories a user can act on:
 * - badKey: the provider refused the API key (401/403) or one is needed and missing;
 * - quota: rate limit or plan limit reached (429, history window);
 * - providerDown: the provider failed (5xx) even after retries;
 * - notFound: unknown symbol, index or endpoint (404);
 * - timeout: no answer within the per-request timeout;
 * - badResponse: an answer we cannot read (malformed or truncated JSON, unexpected shape, bad CSV);
 * - network: no connection (DNS, refused, offline, CORS);
 * - cancelled: the caller aborted.
 */
export type DataErrorKind =
  | "badKey"
  | "quota"
  | "providerDown"
  | "notFound"
  | "timeout"
  | "badResponse"
  | "network"
  | "cancelled";

/**
 * The one error type of the data layer. `message` is written for the user and never contains an API
 * key; `status` is the HTTP status when there was one.
 *
 * @example new DataError("badKey", "CoinGecko refused the API key (401): check the key in the Data tab", 401)
 */
export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly status?: number;

  constructor(kind: DataErrorKind, message: string, status?: number) {
    super(message);
    this.name = "DataError";
    this.kind = kind;
    this.status = status;
  }
}
