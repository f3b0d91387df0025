import { createHttpClient } from "../../../src/data/http/httpClient";
import { createTokenBucket } from "../../../src/data/http/tokenBucket";
import { DataError } from "../../../src/data/dataError";
import {
  dataErrorOf,
  fakeClock,
  type FakeServer,
  sendJson,
  sendText,
  sequence,
  startFakeServer,
} from "../helpers/fakeServer";

describe("createHttpClient", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const T0 = Date.UTC(2026, 0, 10, 12);
  const client = (clock = fakeClock(T0), extra = {}) =>
    createHttpClient({
      clock,
      random: () => 0.5,
      timeoutMs: 2000,
      maxRetries: 3,
      baseDelayMs: 1000,
      ...extra,
    });
  const get = (c = client(), path = "/x", withKey = true) =>
    c.getJson({
      url: `${server.baseUrl}${path}`,
      providerName: "CoinGecko",
      withKey,
      headers: { "x-cg-demo-api-key": "SECRET-KEY-123" },
    });

  it("returns the parsed JSON and sends the key only in the header", async () => {
    server.route("/x", (_req, res) => sendJson(res, 200, { ok: [1, 2] }));
    await expect(get()).resolves.toEqual({ ok: [1, 2] });
    expect(server.seen[0].headers["x-cg-demo-api-key"]).toBe("SECRET-KEY-123");
    expect(server.seen[0].query.toString()).not.toContain("SECRET");
  });

  it.each([401, 403])("maps %i to badKey with the exact user message", async (status) => {
    server.route("/x", (_req, res) => sendJson(res, status, { error: "invalid key" }));
    const error = await dataErrorOf(get());
    expect(error.kind).toBe("badKey");
    expect(error.message).toBe(
      `CoinGecko refused the API key (${status}): check the key in the Data tab`
    );
    expect(error.message).not.toContain("SECRET");
    expect(server.seen).toHaveLength(1); // never retried
  });

  it("says to add a key when the request had none", async () => {
    server.route("/x", (_req, res) => sendJson(res, 401, {}));
    const error = await dataErrorOf(get(client(), "/x", false));
    expect(error.message).toBe(
      "CoinGecko refused the request without an API key (401): add a key in the Data tab"
    );
  });

  it("maps 404 to notFound without retrying", async () => {
    const error = await dataErrorOf(get(client(), "/missing"));
    expect(error.kind).toBe("notFound");
    expect(error.message).toBe("CoinGecko has no such data (404): check the symbol or id");
    expect(server.seen).toHaveLength(1);
  });

  it("waits Retry-After seconds on 429, then succeeds", async () => {
    const clock = fakeClock(T0);
    server.route(
      "/x",
      sequence(
        (_r, res) => sendJson(res, 429, { status: { error_code: 429 } }, { "retry-after": "7" }),
        (_r, res) => sendJson(res, 200, [1])
      )
    );
    await expect(get(client(clock))).resolves.toEqual([1]);
    expect(clock.sleeps).toEqual([7000]);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const clock = fakeClock(T0);
    const at = new Date(T0 + 12_000).toUTCString();
    server.route(
      "/x",
      sequence(
        (_r, res) => sendJson(res, 429, {}, { "retry-after": at }),
        (_r, res) => sendJson(res, 200, [2])
      )
    );
    await expect(get(client(clock))).resolves.toEqual([2]);
    expect(clock.sleeps).toEqual([12_000]);
  });

  it("backs off exponentially with jitter on 429 without Retry-After, then reports quota", async () => {
    const clock = fakeClock(T0);
    server.route("/x", (_r, res) => sendJson(res, 429, {}));
    const error = await dataErrorOf(get(client(clock)));
    expect(error.kind).toBe("quota");
    expect(error.message).toBe(
      "CoinGecko rate limit reached (429): wait a minute and try again, or use an API key with a higher limit"
    );
    // equal jitter with random() = 0.5: d/2 + 0.5·d/2 = 0.75·d for d = 1000, 2000, 4000
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
    expect(server.seen).toHaveLength(4);
  });

  it("gives up at once when Retry-After asks for more than maxDelayMs, saying when to try again", async () => {
    const clock = fakeClock(T0);
    server.route("/x", (_r, res) => sendJson(res, 429, {}, { "retry-after": "3600" }));
    const error = await dataErrorOf(get(client(clock)));
    expect(error.kind).toBe("quota");
    expect(error.message).toBe(
      "CoinGecko rate limit reached (429): it asks to wait 3600 s: try again after 13:00:00 UTC, or use an API key with a higher limit"
    );
    expect(clock.sleeps).toEqual([]);
  });

  it("waits out a long Retry-After (CoinGecko keyless has asked 119 s) by default, announcing the wait", async () => {
    const clock = fakeClock(T0);
    const notices: unknown[] = [];
    server.route(
      "/x",
      sequence(
        (_r, res) => sendJson(res, 429, {}, { "retry-after": "119" }),
        (_r, res) => sendJson(res, 200, [7])
      )
    );
    const patient = createHttpClient({ clock, random: () => 0.5, onWait: (n) => notices.push(n) });
    await expect(get(patient)).resolves.toEqual([7]);
    expect(clock.sleeps).toEqual([119_000]);
    expect(notices).toEqual([
      { providerName: "CoinGecko", reason: "rateLimit", untilMs: T0 + 119_000, status: 429 },
    ]);
    // Beyond the default 5 minutes: no sleep, and the message says when.
    server.route("/x", (_r, res) => sendJson(res, 429, {}, { "retry-after": "301" }));
    expect((await dataErrorOf(get(patient))).message).toContain(
      "it asks to wait 301 s: try again after"
    );
  });

  it("announces its own backoff waits as retries", async () => {
    const clock = fakeClock(T0);
    const notices: { reason: string; untilMs: number }[] = [];
    server.route(
      "/x",
      sequence(
        (_r, res) => sendText(res, 500, ""),
        (_r, res) => sendJson(res, 200, [1])
      )
    );
    await get(
      client(clock, { onWait: (n: { reason: string; untilMs: number }) => notices.push(n) })
    );
    expect(notices).toMatchObject([{ reason: "retry", untilMs: T0 + 750 }]);
  });

  it.each([500, 503])("retries %i and reports providerDown after the retries", async (status) => {
    server.route("/x", (_r, res) => sendText(res, status, "<html>oops</html>"));
    const error = await dataErrorOf(get());
    expect(error.kind).toBe("providerDown");
    expect(error.message).toBe(
      `CoinGecko is not working right now (${status}, tried 4 times): try again later`
    );
    expect(server.seen).toHaveLength(4);
  });

  it("honours Retry-After on 503 too, and gives up at once when it is too long", async () => {
    const clock = fakeClock(T0);
    server.route(
      "/x",
      sequence(
        (_r, res) => sendText(res, 503, "", { "retry-after": "4" }),
        (_r, res) => sendJson(res, 200, [3])
      )
    );
    await expect(get(client(clock))).resolves.toEqual([3]);
    expect(clock.sleeps).toEqual([4000]);
    server.route("/x", (_r, res) => sendText(res, 503, "", { "retry-after": "7200" }));
    const error = await dataErrorOf(get(client(clock)));
    expect(error).toMatchObject({
      kind: "providerDown",
      message:
        "CoinGecko is not working right now (503) and asks to wait 7200 s: try again after 14:00:04 UTC",
    });
  });

  it("recovers when a 503 is followed by a 200", async () => {
    server.route(
      "/x",
      sequence(
        (_r, res) => sendText(res, 503, ""),
        (_r, res) => sendJson(res, 200, { a: 1 })
      )
    );
    await expect(get()).resolves.toEqual({ a: 1 });
  });

  it("times out a server that never answers", async () => {
    server.route("/x", () => undefined);
    const error = await dataErrorOf(get(client(fakeClock(T0), { timeoutMs: 100, maxRetries: 1 })));
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe(
      "CoinGecko did not answer within 0.1 s (tried 2 times): try again later"
    );
    expect(server.seen).toHaveLength(2);
  });

  it("reports truncated JSON as badResponse", async () => {
    server.route("/x", (_r, res) => sendText(res, 200, '{"prices": [[1704067200000, 42'));
    const error = await dataErrorOf(get());
    expect(error.kind).toBe("badResponse");
    expect(error.message).toBe(
      "CoinGecko sent a response that is not valid JSON (200): it may be cut off or the base URL may point to another server; check the base URL in the Data tab"
    );
  });

  it("reports malformed JSON and an empty body as badResponse", async () => {
    server.route("/x", (_r, res) => sendText(res, 200, "<html>proxy login</html>"));
    expect((await dataErrorOf(get())).kind).toBe("badResponse");
    server.route("/x", (_r, res) => sendText(res, 200, ""));
    expect((await dataErrorOf(get())).message).toBe(
      "CoinGecko sent an empty response (200): try again later"
    );
  });

  it("reports an unreachable host as network", async () => {
    const c = client(fakeClock(T0), { maxRetries: 1 });
    const error = await dataErrorOf(
      c.getJson({ url: "http://127.0.0.1:1/x", providerName: "CoinGecko" })
    );
    expect(error.kind).toBe("network");
    expect(error.message).toBe(
      "Could not reach CoinGecko (tried 2 times): check the internet connection, or the base URL / proxy in the Data tab"
    );
  });

  it("is cancelled by an AbortSignal, before or during the request", async () => {
    const before = new AbortController();
    before.abort();
    const c = client();
    expect(
      (
        await dataErrorOf(
          c.getJson({
            url: `${server.baseUrl}/x`,
            providerName: "CoinGecko",
            signal: before.signal,
          })
        )
      ).kind
    ).toBe("cancelled");
    server.route("/x", () => undefined);
    const during = new AbortController();
    const pending = c.getJson({
      url: `${server.baseUrl}/x`,
      providerName: "CoinGecko",
      signal: during.signal,
    });
    setTimeout(() => during.abort(), 20);
    const error = await dataErrorOf(pending);
    expect(error.kind).toBe("cancelled");
    expect(error.message).toBe("The request to CoinGecko was cancelled");
  });

  it("spends one budget token per attempt and waits when the budget is empty", async () => {
    const clock = fakeClock(T0);
    const budget = createTokenBucket(2, clock); // 2 calls per minute: 30 s per token
    server.route("/x", (_r, res) => sendJson(res, 200, 1));
    const c = client(clock);
    for (let i = 0; i < 3; i++) {
      await c.getJson({ url: `${server.baseUrl}/x`, providerName: "CoinGecko", budget });
    }
    expect(clock.sleeps).toEqual([30_000]);
  });
});

describe("createHttpClient describeError", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  it("lets a provider read a final 4xx body, and is not asked about 5xx", async () => {
    const seen: number[] = [];
    const c = createHttpClient({ clock: fakeClock(0), random: () => 0.5, maxRetries: 0 });
    const describeError = (status: number, body: string) => {
      seen.push(status);
      return body.includes("special") ? new DataError("quota", "special limit") : undefined;
    };
    server.route("/x", (_r, res) => sendJson(res, 400, { special: true }));
    expect(
      await dataErrorOf(c.getJson({ url: `${server.baseUrl}/x`, providerName: "P", describeError }))
    ).toMatchObject({
      kind: "quota",
      message: "special limit",
    });
    server.route("/x", (_r, res) => sendJson(res, 400, {}));
    expect(
      (
        await dataErrorOf(
          c.getJson({ url: `${server.baseUrl}/x`, providerName: "P", describeError })
        )
      ).message
    ).toBe("P rejected the request (400): check the settings in the Data tab");
    server.route("/x", (_r, res) => sendJson(res, 502, { special: true }));
    expect(
      (
        await dataErrorOf(
          c.getJson({ url: `${server.baseUrl}/x`, providerName: "P", describeError })
        )
      ).kind
    ).toBe("providerDown");
    expect(seen).toEqual([400, 400]);
  });
});
