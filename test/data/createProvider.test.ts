import { isCoreError } from "../../src/core/errors";
import { createProvider } from "../../src/data/createProvider";
import { createHttpClient } from "../../src/data/http/httpClient";
import { DEFAULT_DATA_SETTINGS, type DataSettings } from "../../src/data/settings";
import {
  dataErrorOf,
  fakeClock,
  type FakeServer,
  sendJson,
  startFakeServer,
} from "./helpers/fakeServer";

describe("createProvider", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  const clock = fakeClock(Date.UTC(2026, 0, 10));
  const http = createHttpClient({ clock, maxRetries: 0 });

  it("defaults to the offline demo provider", () => {
    const provider = createProvider(DEFAULT_DATA_SETTINGS, { clock });
    expect(provider.id).toBe("demo");
    expect(provider.displayName).toMatch(/^Demo data/);
  });

  it("builds CoinGecko with its base URL, plan and key (in the query, as the spec's queryAuth allows)", async () => {
    server.route("/cg/coins/categories/list", (_r, res) => sendJson(res, 200, []));
    const settings: DataSettings = {
      ...DEFAULT_DATA_SETTINGS,
      provider: "coingecko",
      coinGecko: { plan: "demo", apiKey: "CG-key", baseUrl: `${server.baseUrl}/cg` },
    };
    const provider = createProvider(settings, { clock, http });
    expect(provider.id).toBe("coingecko");
    expect(await provider.listCategories()).toEqual([]);
    expect(server.seen[server.seen.length - 1].query.get("x_cg_demo_api_key")).toBe("CG-key");
  });

  it("builds Token Metrics and CSV providers", async () => {
    const tm = createProvider(
      { ...DEFAULT_DATA_SETTINGS, provider: "tokenmetrics" },
      { clock, http }
    );
    expect(tm.capabilities.needsApiKey).toBe(true);
    expect((await dataErrorOf(tm.listIndices())).kind).toBe("badKey");
    const csv = createProvider({
      ...DEFAULT_DATA_SETTINGS,
      provider: "csv",
      csv: { text: "date,BTC\n2024-01-01,1", sourceName: "a.csv" },
    });
    expect((await csv.dailyCloses(["BTC"], 1)).source).toBe("a.csv");
    const empty = createProvider({ ...DEFAULT_DATA_SETTINGS, provider: "csv" });
    expect((await dataErrorOf(empty.dailyCloses(["BTC"], 1))).message).toBe(
      "CSV: the CSV is empty; paste a header row (date,BTC,ETH,…) and one row per date"
    );
  });

  it("rejects an unknown provider name with INVALID_ARGUMENT", () => {
    try {
      createProvider({ ...DEFAULT_DATA_SETTINGS, provider: "binance" as DataSettings["provider"] });
      throw new Error("expected a CoreError");
    } catch (error) {
      expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
      expect((error as Error).message).toBe(
        'provider must be "demo", "coingecko", "tokenmetrics" or "csv"; got "binance"'
      );
    }
  });

  it("leaves the settings unchanged", () => {
    const settings = Object.freeze({ ...DEFAULT_DATA_SETTINGS });
    createProvider(settings, { clock });
    expect(settings).toEqual(DEFAULT_DATA_SETTINGS);
  });
});
