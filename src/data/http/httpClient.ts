import { DataError } from "../dataError";
import { type Clock, systemClock } from "./clock";
import { parseRetryAfter } from "./parseRetryAfter";
import type { TokenBucket } from "./tokenBucket";

/** Options of {@link createHttpClient}; every field has a default. */
export interface HttpClientOptions {
  /** The fetch implementation (default the global fetch of Node 20 / the browser). */
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  /** Uniform [0, 1) source for the jitter (default Math.random; tests inject a fixed one). */
  readonly random?: () => number;
  /** Per-attempt timeout in ms, covering headers and body (default 20 000). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt on 429, 5xx, timeouts and network errors (default 3). */
  readonly maxRetries?: number;
  /** First backoff in ms; doubles each retry (default 1 000). */
  readonly baseDelayMs?: number;
  /**
   * Longest wait we accept, from backoff or Retry-After (default 300 000 = 5 min): longer → give up
   * now, saying when to try again. CoinGecko's keyless API has been seen asking 119 s, so a
   * one-minute cap failed requests that one patient retry would have served.
   */
  readonly maxDelayMs?: number;
  /** Told each time a request sleeps before retrying, so a pane can show a countdown. */
  readonly onWait?: (notice: WaitNotice) => void;
}

/** A retry wait in progress: who asked, why, and until when (ms since the epoch). */
export interface WaitNotice {
  readonly providerName: string;
  /** "rateLimit": the server's Retry-After (429 or 503); "retry": our backoff after a failure. */
  readonly reason: "rateLimit" | "retry";
  readonly untilMs: number;
  readonly status?: number;
}

/** One GET request. */
export interface HttpRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** The provider's display name, used in messages ("CoinGecko refused the API key (401): …"). */
  readonly providerName: string;
  /** The provider's request budget; one token per attempt. */
  readonly budget?: TokenBucket;
  /** True when the request carries a user's key (changes the 401/403 message). */
  readonly withKey?: boolean;
  /**
   * A provider's reading of an error answer (status and body), for codes it documents (CoinGecko's
   * 10012 "past 365 days only" comes as a 401). Return undefined to use the generic mapping.
   * Called only for final (non-retried) 4xx answers.
   */
  readonly describeError?: (status: number, body: string) => DataError | undefined;
}

/** A JSON-over-HTTP client shared by all providers; see {@link createHttpClient}. */
export interface HttpClient {
  /** GETs `request.url` and parses the body as JSON; rejects with a DataError only. */
  getJson(request: HttpRequest): Promise<unknown>;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_BASE_DELAY_MS = 1_000;
const DEFAULT_MAX_DELAY_MS = 300_000;

/**
 * Creates the HTTP client every provider uses (built on fetch). Per attempt: take a token from the
 * provider's budget, fetch with a timeout, read the body. Retries 429, 5xx, timeouts and network
 * failures up to `maxRetries` times, waiting `Retry-After` when the server sends it (seconds or an
 * HTTP date) and otherwise exponential backoff with "equal jitter" (AWS Architecture Blog, 2015):
 * wait = d/2 + random·d/2 with d = min(maxDelay, base·2^attempt), so retries of many clients spread
 * out but never retry at once. A wait above `maxDelayMs` is not slept: we fail at once with the wait
 * and the UTC time to try again in the message. Every wait is announced through `onWait`. 4xx other
 * than 429 are final.
 *
 * Errors map to DataError kinds: 401/403 → badKey, 429 → quota, 404 → notFound, 5xx → providerDown,
 * timeout → timeout, unreadable body → badResponse, fetch failure → network, abort → cancelled.
 * Messages name the provider and the status and say what to do; headers (and so API keys) are never
 * put in a message or logged.
 *
 * @param options injected fetch, clock, random and limits (all optional)
 * @example await createHttpClient().getJson({ url: "https://api.coingecko.com/api/v3/ping", providerName: "CoinGecko" });
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const announce = (name: string, reason: WaitNotice["reason"], waitMs: number, status?: number) =>
    options.onWait?.({ providerName: name, reason, untilMs: clock.now() + waitMs, status });

  const backoff = (attempt: number) => {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return ceiling / 2 + random() * (ceiling / 2);
  };

  async function attemptOnce(request: HttpRequest): Promise<AttemptResult> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await fetchImpl(request.url, {
        method: "GET",
        headers: { accept: "application/json", ...request.headers },
        signal: controller.signal,
      });
      const body = await response.text();
      return {
        status: response.status,
        body,
        retryAfter: response.headers.get("retry-after"),
      };
    } catch (error) {
      if (request.signal?.aborted) return { failure: "cancelled" };
      if (timedOut) return { failure: "timeout" };
      return { failure: "network", detail: error instanceof Error ? error.message : "" };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    }
  }

  async function getJson(request: HttpRequest): Promise<unknown> {
    const name = request.providerName;
    for (let attempt = 0; ; attempt++) {
      if (request.signal?.aborted) throw cancelled(name);
      try {
        await request.budget?.take(request.signal);
      } catch {
        throw cancelled(name);
      }
      const result = await attemptOnce(request);
      const retriesLeft = attempt < maxRetries;
      if ("failure" in result) {
        if (result.failure === "cancelled") throw cancelled(name);
        if (retriesLeft) {
          const wait = backoff(attempt);
          announce(name, "retry", wait);
          await sleepOrCancel(clock, wait, request.signal, name);
          continue;
        }
        if (result.failure === "timeout") {
          throw new DataError(
            "timeout",
            `${name} did not answer within ${Math.round(timeoutMs / 100) / 10} s (tried ${attempt + 1} times): try again later`
          );
        }
        throw new DataError(
          "network",
          `Could not reach ${name} (tried ${attempt + 1} times): check the internet connection, or the base URL / proxy in the Data tab`
        );
      }
      const { status, body } = result;
      if (status >= 200 && status < 300) return parseJson(body, name, status);
      const transient = status === 429 || status >= 500;
      if (transient && retriesLeft) {
        // Retry-After is honoured on 429 and on 5xx (RFC 9110 allows it with 503).
        const asked = parseRetryAfter(result.retryAfter, clock.now());
        const wait = asked ?? backoff(attempt);
        if (wait <= maxDelayMs) {
          announce(name, asked === undefined ? "retry" : "rateLimit", wait, status);
          await sleepOrCancel(clock, wait, request.signal, name);
          continue;
        }
        if (status === 429) throw quota(name, status, wait, clock.now());
        throw new DataError(
          "providerDown",
          `${name} is not working right now (${status}) and asks to wait ${Math.ceil(wait / 1000)} s: try again after ${utcTime(clock.now() + wait)}`,
          status
        );
      }
      if (status === 429)
        throw quota(name, status, parseRetryAfter(result.retryAfter, clock.now()), clock.now());
      const described = status < 500 ? request.describeError?.(status, body) : undefined;
      if (described !== undefined) throw described;
      throw statusError(name, status, request.withKey === true, attempt + 1);
    }
  }

  return { getJson };
}

type AttemptResult =
  | { readonly status: number; readonly body: string; readonly retryAfter: string | null }
  | { readonly failure: "timeout" | "network" | "cancelled"; readonly detail?: string };

function parseJson(body: string, name: string, status: number): unknown {
  if (body.trim() === "") {
    throw new DataError(
      "badResponse",
      `${name} sent an empty response (${status}): try again later`,
      status
    );
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new DataError(
      "badResponse",
      `${name} sent a response that is not valid JSON (${status}): it may be cut off or the base URL may point to another server; check the base URL in the Data tab`,
      status
    );
  }
}

async function sleepOrCancel(
  clock: Clock,
  ms: number,
  signal: AbortSignal | undefined,
  name: string
): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch {
    throw cancelled(name);
  }
}

function cancelled(name: string): DataError {
  return new DataError("cancelled", `The request to ${name} was cancelled`);
}

function quota(name: string, status: number, waitMs: number | undefined, nowMs: number): DataError {
  const wait =
    waitMs === undefined
      ? "wait a minute and try again"
      : `it asks to wait ${Math.ceil(waitMs / 1000)} s: try again after ${utcTime(nowMs + waitMs)}`;
  return new DataError(
    "quota",
    `${name} rate limit reached (${status}): ${wait}, or use an API key with a higher limit`,
    status
  );
}

/** "15:32:10 UTC": when to retry, in the one time zone every user can convert. */
function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

function statusError(name: string, status: number, withKey: boolean, attempts: number): DataError {
  if (status === 401 || status === 403) {
    return new DataError(
      "badKey",
      withKey
        ? `${name} refused the API key (${status}): check the key in the Data tab`
        : `${name} refused the request without an API key (${status}): add a key in the Data tab`,
      status
    );
  }
  if (status === 404) {
    return new DataError(
      "notFound",
      `${name} has no such data (404): check the symbol or id`,
      status
    );
  }
  if (status >= 500) {
    return new DataError(
      "providerDown",
      `${name} is not working right now (${status}, tried ${attempts} times): try again later`,
      status
    );
  }
  return new DataError(
    "badResponse",
    `${name} rejected the request (${status}): check the settings in the Data tab`,
    status
  );
}
