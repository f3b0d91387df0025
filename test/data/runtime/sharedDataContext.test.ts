import { createDataContext } from "../../../src/data/runtime/createDataContext";
import type { WaitNotice } from "../../../src/data/http/httpClient";
import { onProviderWait, sharedDataContext } from "../../../src/data/runtime/sharedDataContext";
import { DEFAULT_DATA_SETTINGS } from "../../../src/data/settings";
import { sendJson, startFakeServer } from "../helpers/fakeServer";

describe("sharedDataContext", () => {
  it("is one context per runtime, on the demo provider by default", () => {
    const first = sharedDataContext();
    expect(sharedDataContext()).toBe(first);
    expect(first.settings.provider).toBe("demo");
  });

  it("settings changed through it are seen by every later caller (pane and functions share them)", () => {
    const context = sharedDataContext();
    context.setSettings({ ...DEFAULT_DATA_SETTINGS, provider: "coingecko" });
    expect(sharedDataContext().settings.provider).toBe("coingecko");
    context.setSettings(DEFAULT_DATA_SETTINGS);
  });

  it("announces its providers' retry waits to the pane (a 429's Retry-After) until unsubscribed", async () => {
    const server = await startFakeServer();
    server.route("/coins/markets", (_request, res) =>
      sendJson(res, 429, { status: { error_code: 429 } }, { "retry-after": "1" })
    );
    const notices: WaitNotice[] = [];
    const stop = onProviderWait((notice) => notices.push(notice));
    const context = sharedDataContext();
    try {
      context.setSettings({
        ...DEFAULT_DATA_SETTINGS,
        provider: "coingecko",
        coinGecko: { ...DEFAULT_DATA_SETTINGS.coinGecko, baseUrl: server.baseUrl },
        http: { maxRetries: 1, timeoutMs: 5_000 },
      });
      const started = Date.now();
      await expect(context.markets()).rejects.toThrow(/429|rate limit/i);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        providerName: "CoinGecko",
        reason: "rateLimit",
        status: 429,
      });
      expect(notices[0].untilMs).toBeGreaterThanOrEqual(started + 1_000);
      stop();
      context.setSettings({ ...context.settings, http: { maxRetries: 1, timeoutMs: 5_000 } });
      const requestsBefore = server.seen.length;
      await expect(context.markets()).rejects.toThrow(/429|rate limit/i);
      expect(server.seen.length).toBeGreaterThan(requestsBefore); // it did wait again, unheard
      expect(notices).toHaveLength(1);
    } finally {
      stop();
      context.setSettings(DEFAULT_DATA_SETTINGS);
      await server.close();
    }
  });

  it("installs a replacement context", () => {
    const replacement = createDataContext();
    expect(sharedDataContext(replacement)).toBe(replacement);
    expect(sharedDataContext()).toBe(replacement);
  });
});
