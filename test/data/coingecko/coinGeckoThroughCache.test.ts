import { createClosesCache } from "../../../src/data/cache/createClosesCache";
import { createMemoryStore } from "../../../src/data/cache/createMemoryStore";
import { createCoinGeckoProvider } from "../../../src/data/coingecko/coinGeckoProvider";
import { createHttpClient } from "../../../src/data/http/httpClient";
import { fakeClock, type FakeServer, sendJson, startFakeServer } from "../helpers/fakeServer";
import { marketChart, marketRow } from "./coinGeckoFakes";

/**
 * Closes dated the day before (issue 16.7) through the price cache: today never has a CoinGecko
 * close, yet a second read the same day asks CoinGecko nothing, and the next day's refresh asks
 * only the newest days and fills yesterday's close.
 */
describe("CoinGecko closes through the price cache", () => {
  const DAY = 86_400_000;
  const FIRST = Date.UTC(2026, 0, 10, 12);
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  it("reads the same day from the cache, and the next day asks for two days only", async () => {
    const clock = fakeClock(FIRST);
    const close = (day: number) => 40_000 + (day % 1000);
    server.route("/api/v3/coins/markets", (_r, res) =>
      sendJson(res, 200, [marketRow("bitcoin", "btc", 1.5e12, 1, 77671)])
    );
    server.route("/api/v3/coins/bitcoin/market_chart", (req, res) => {
      // The 00:00 UTC snapshot of day D + 1 is the close of day D; then the "now" point.
      const days = Number(req.query.get("days"));
      const midnight = Math.floor(clock.now() / DAY) * DAY;
      const values = Array.from({ length: days + 1 }, (_, i) =>
        close(Math.floor(midnight / DAY) - days + i - 1)
      );
      sendJson(res, 200, marketChart(values, midnight, clock.now(), 1));
    });
    const provider = createCoinGeckoProvider({
      http: createHttpClient({ clock, random: () => 0.5, maxRetries: 0 }),
      clock,
      baseUrl: `${server.baseUrl}/api/v3`,
    });
    const cache = createClosesCache({ store: createMemoryStore(), clock });
    const charts = () =>
      server.seen.filter((s) => s.path.endsWith("/market_chart")).map((s) => s.query.get("days"));

    const first = await cache.dailyCloses(provider, ["BTC"], 5);
    expect(first.dates).toEqual(["2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"]);
    expect(Array.from(first.closes)).toEqual(first.dates.map((d) => close(Date.parse(d) / DAY)));
    clock.advance(3_600_000);
    await cache.dailyCloses(provider, ["BTC"], 5);
    expect(charts()).toEqual(["5"]); // the same day: nothing asked

    clock.advance(DAY);
    const next = await cache.dailyCloses(provider, ["BTC"], 5);
    expect(charts()).toEqual(["5", "2"]);
    expect(next.dates.at(-1)).toBe("2026-01-10");
    expect(Array.from(next.closes).at(-1)).toBe(close(Date.parse("2026-01-10") / DAY));
  });
});
