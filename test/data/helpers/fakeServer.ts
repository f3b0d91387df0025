import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../../src/data/http/clock";
import { DataError } from "../../../src/data/dataError";

/** A request the fake server saw. */
export interface SeenRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
}

/** Decides the answer to one request; `undefined` = 404 with a CoinGecko-like body. */
export type Route = (request: SeenRequest, res: http.ServerResponse) => void;

/**
 * A local HTTP server on 127.0.0.1 (port 0 = any free port) for provider tests: routes by path,
 * records every request. No test touches the internet.
 */
export interface FakeServer {
  readonly baseUrl: string;
  readonly seen: SeenRequest[];
  /** Sets the handler of a path (exact match, without the query). */
  route(path: string, handler: Route): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const routes = new Map<string, Route>();
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = { path: url.pathname, query: url.searchParams, headers: req.headers };
    seen.push(request);
    const handler = routes.get(url.pathname);
    if (handler === undefined) {
      sendJson(res, 404, { error: "Not found" });
      return;
    }
    handler(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    route: (path, handler) => routes.set(path, handler),
    reset: () => {
      routes.clear();
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

/** A handler that answers with each status in turn, then `last` forever. */
export function sequence(...handlers: Route[]): Route {
  let i = 0;
  return (request, res) => handlers[Math.min(i++, handlers.length - 1)](request, res);
}

/** A manual clock: `sleep` records the wait and advances time at once (tests stay fast). */
export interface FakeClock extends Clock {
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(startMs: number): FakeClock {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new DataError("cancelled", "The request was cancelled");
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Rejection of `promise` as a DataError (fails the test when it resolves or throws something else). */
export async function dataErrorOf(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError, but the call succeeded");
}
