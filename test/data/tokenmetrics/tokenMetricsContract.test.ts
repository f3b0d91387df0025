import { createHttpClient } from "../../../src/data/http/httpClient";
import { createTokenMetricsProvider } from "../../../src/data/tokenmetrics/tokenMetricsProvider";
import { TOKEN_METRICS_URL } from "../../../src/data/tokenmetrics/tokenMetricsContract";
import { fakeClock, type FakeServer, startFakeServer } from "../helpers/fakeServer";
import { holdingRow, SAMPLE_TOKENS, serveTokenMetrics } from "./fakeTokenMetrics";

/**
 * The query parameters each endpoint documents, written out from the sources in
 * src/data/tokenmetrics/CONTRACT.md (read 2026-12-03): token-metrics/mcp src/tools/*.ts input
 * schemas and token-metrics/tmai-api-sdk-typescript src/types.ts / src/endpoints/*.ts.
 */
const DOCUMENTED: Record<string, readonly string[]> = {
  "/v2/daily-ohlcv": ["token_id", "symbol", "token_name", "startDate", "endDate", "limit", "page"],
  "/v2/indices": ["indicesType", "limit", "page"],
  "/v2/indices-holdings": ["id"],
  "/v2/indices-performance": ["id", "startDate", "endDate", "limit", "page"],
  "/v2/top-market-cap-tokens": ["top_k", "page"],
};

describe("Token Metrics contract", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  it("has the root every SDK and the MCP server use", () => {
    expect(TOKEN_METRICS_URL).toBe("https://api.tokenmetrics.com/v2");
  });

  it("sends only documented parameters with valid values, and the key only in x-api-key", async () => {
    const now = Date.UTC(2026, 11, 3, 12);
    const today = Math.floor(now / 86_400_000);
    serveTokenMetrics(server, SAMPLE_TOKENS, [
      {
        ID: 7,
        NAME: "Large caps",
        TICKER: "TMLC",
        holdings: [holdingRow(SAMPLE_TOKENS[0], 100, "bitcoin", today)],
        roi: (day) => day - today,
      },
    ]);
    const clock = fakeClock(now);
    const provider = createTokenMetricsProvider({
      http: createHttpClient({ clock, maxRetries: 0 }),
      clock,
      apiKey: "tm-secret-key",
      baseUrl: `${server.baseUrl}/v2`,
      callsPerMinute: 10_000,
    });
    await provider.listIndices();
    await provider.listMarkets({ limit: 3 });
    await provider.dailyCloses(["ETH", "SOL"], 45);
    await provider.indexHoldings("7");
    await provider.dailyCloses(["BTC"], 45);
    await provider.indexBenchmark("7", 45);

    expect(new Set(server.seen.map((s) => s.path))).toEqual(new Set(Object.keys(DOCUMENTED)));
    for (const request of server.seen) {
      const names = [...request.query.keys()];
      expect({
        path: request.path,
        extra: names.filter((n) => !DOCUMENTED[request.path].includes(n)),
      }).toEqual({
        path: request.path,
        extra: [],
      });
      expect(request.headers["x-api-key"]).toBe("tm-secret-key");
      expect(request.query.toString()).not.toContain("tm-secret-key");
      const limit = request.query.get("limit");
      if (limit !== null) expect(Number(limit)).toBeLessThanOrEqual(100);
      const page = request.query.get("page");
      if (page !== null) expect(Number(page)).toBeGreaterThanOrEqual(1);
      for (const name of ["startDate", "endDate"]) {
        const value = request.query.get(name);
        if (value !== null) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const topK = request.query.get("top_k");
      if (topK !== null) expect(Number(topK)).toBeLessThanOrEqual(100);
    }
    // Comma-separated lists, as the MCP input schemas describe them.
    expect(server.seen.some((s) => s.query.get("symbol") === "ETH,SOL")).toBe(true);
    expect(server.seen.some((s) => s.query.get("token_id") === "3375")).toBe(true);
    expect(provider.creditsUsed()).toBe(server.seen.length);
  });
});
