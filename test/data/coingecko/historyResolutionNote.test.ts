import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { sharedDataContext } from "../../../src/data/runtime/sharedDataContext";
import { DEFAULT_DATA_SETTINGS } from "../../../src/data/settings";
import { history } from "../../../src/functions/data";
import { fakeClock, type FakeServer, sendJson, startFakeServer } from "../helpers/fakeServer";
import { marketChart, marketRow } from "./coinGeckoFakes";

/** DIVERSIFY.HISTORY says in its corner which coin an ambiguous ticker or a coin id became (issue 11.2, 16.8). */
describe("HISTORY with CoinGecko: the resolution note in the corner", () => {
  const NOW = Date.UTC(2026, 0, 10, 12);
  const MIDNIGHT = Date.UTC(2026, 0, 10);
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  beforeEach(() => {
    server.reset();
    server.route("/api/v3/coins/markets", (req, res) => {
      const all = [
        marketRow("bitcoin", "btc", 1.5e12, 1, 77671, "Bitcoin"),
        marketRow("uniswap", "uni", 6e9, 30, 10, "Uniswap"),
        marketRow("unicorn-token", "uni", 2e6, 2900, 0.01, "Unicorn"),
        marketRow("usd-coin", "usdc", 6e10, 7, 1, "USDC"),
      ];
      const symbols = req.query.get("symbols")?.split(",");
      const ids = req.query.get("ids")?.split(",");
      sendJson(
        res,
        200,
        all.filter((r) => symbols?.includes(r.symbol) || ids?.includes(r.id))
      );
    });
    for (const id of ["bitcoin", "uniswap", "usd-coin"])
      server.route(`/api/v3/coins/${id}/market_chart`, (_r, res) =>
        sendJson(res, 200, marketChart([1, 2, 3, 4], MIDNIGHT, NOW, 5))
      );
    sharedDataContext(
      createDataContext({
        clock: fakeClock(NOW),
        batchDelayMs: 1,
        settings: {
          ...DEFAULT_DATA_SETTINGS,
          provider: "coingecko",
          coinGecko: { plan: "public", baseUrl: `${server.baseUrl}/api/v3` },
          http: { timeoutMs: 500, maxRetries: 0 },
        },
      })
    );
  });

  it("names the coin chosen for a shared ticker and for a coin id; says nothing of an unambiguous one", async () => {
    const out = await history([["BTC", "UNI", "id:usd-coin"]], 3);
    expect(out[0]).toEqual([
      "Date (CoinGecko, as of 2026-01-09) — UNI = uniswap (Uniswap, rank 30; 2 coins have this ticker, the best ranked is used; give id:<coin id> for another); ID:USD-COIN = usd-coin (USDC, rank 7)",
      "BTC",
      "UNI",
      "ID:USD-COIN",
    ]);
    // The 00:00 snapshots of 01-09 and 01-10 are the closes of 01-08 and 01-09 (no close for today yet).
    expect(out.slice(1).map((row) => row.slice(1))).toEqual([
      [3, 3, 3],
      [4, 4, 4],
    ]);
  });

  it("keeps the plain corner when every ticker is unambiguous", async () => {
    const out = await history([["BTC"]], 3);
    expect(out[0]).toEqual(["Date (CoinGecko, as of 2026-01-09)", "BTC"]);
  });
});
