import type * as http from "node:http";
import { createCoinGeckoProvider } from "../../../../src/data/coingecko/coinGeckoProvider";
import type { CoinGeckoPlan } from "../../../../src/data/coingecko/coinGeckoPlans";
import { dailyClosesFromChart } from "../../../../src/data/coingecko/dailyClosesFromChart";
import { createHttpClient } from "../../../../src/data/http/httpClient";
import { describeWithSharedProviderFile } from "../../../helpers/sharedData";
import {
  dataErrorOf,
  fakeClock,
  type FakeServer,
  type SeenRequest,
  sendJson,
  startFakeServer,
} from "../../helpers/fakeServer";
import { categoriesList, marketChart, marketRow } from "../coinGeckoFakes";
import { describeErrors, loadContract, type OpenApiContract } from "./openApiContract";

/**
 * CoinGecko held to its own OpenAPI specifications (coingecko-api-oas, MIT, in
 * ../shared/providers/coingecko): every URL the provider builds, for every plan, is an operation of
 * the plan's spec with valid parameters on the spec's server; the key travels where the spec's
 * securitySchemes say; every answer the fake server gives is valid against the operation's response
 * schema (ajv); and the spec's own example answers are read by the provider's parsers.
 */

const NOW = Date.UTC(2026, 0, 10, 12); // 2026-01-10 12:00 UTC
const MIDNIGHT = Date.UTC(2026, 0, 10);

/** What the provider asked, as it built it (real host), and what the fake answered. */
interface Exchange {
  readonly url: string;
  readonly headers: Record<string, string>;
}
interface Served {
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

const SPECS: readonly { file: string; plans: readonly CoinGeckoPlan[] }[] = [
  { file: "demo-api.json", plans: ["public", "demo"] },
  { file: "pro-api.json", plans: ["basic", "analyst", "lite", "enterprise", "pro"] },
];

/** /coins/markets as the fakes answer it: by symbols (all coins with the ticker), by ids, or paged. */
function marketsAnswer(query: URLSearchParams) {
  const universe = [
    marketRow("bitcoin", "btc", 1.5e12, 1, 77671),
    marketRow("ethereum", "eth", 4e11, 2, 3300),
    marketRow("solana", "sol", 8e10, 5, 180),
    marketRow("uniswap", "uni", 6e9, 30, 10, "Uniswap"),
    marketRow("usd-coin", "usdc", 6e10, 7, 1, "USDC"),
    marketRow("unicorn-token", "uni", 2e6, 2900, 0.01, "Unicorn"),
    marketRow("universe-uni", "uni", null, null, 0.0001, "Universe"),
    marketRow("wrapped-bitcoin", "wbtc", 1e10, 15, 77600, "Wrapped Bitcoin"),
  ];
  const symbols = query.get("symbols");
  if (symbols !== null) {
    const wanted = symbols.split(",");
    return universe.filter((r) => wanted.includes(r.symbol));
  }
  const ids = query.get("ids");
  if (ids !== null) {
    const wanted = ids.split(",");
    return universe.filter((r) => wanted.includes(r.id));
  }
  const perPage = Number(query.get("per_page") ?? 100);
  const page = Number(query.get("page") ?? 1);
  // A category of 300 coins: page 1 full, page 2 the rest.
  const total = 300;
  const from = (page - 1) * perPage;
  return Array.from({ length: Math.max(0, Math.min(perPage, total - from)) }, (_, i) => {
    const rank = from + i + 1;
    return rank <= universe.length
      ? universe[rank - 1]
      : marketRow(`coin-${rank}`, `c${rank}`, 1e12 / rank, rank, 1);
  });
}

for (const { file, plans } of SPECS) {
  describeWithSharedProviderFile(`coingecko/${file}`, `CoinGecko against ${file}`, () => {
    let contract: OpenApiContract;
    let server: FakeServer;
    const exchanges: Exchange[] = [];
    const served: Served[] = [];

    beforeAll(async () => {
      contract = loadContract(file);
      server = await startFakeServer();
    });
    afterAll(() => server.close());
    beforeEach(() => {
      server.reset();
      exchanges.length = 0;
      served.length = 0;
      const answer =
        (status: number, body: unknown) => (r: SeenRequest, res: http.ServerResponse) => {
          served.push({ path: r.path, status, body });
          sendJson(res, status, body);
        };
      server.route("/api/v3/coins/markets", (r, res) =>
        answer(200, marketsAnswer(r.query))(r, res)
      );
      server.route("/api/v3/coins/categories/list", answer(200, categoriesList()));
      for (const [id, base] of [
        ["bitcoin", 40_000],
        ["uniswap", 10],
        ["unicorn-token", 0.01],
        ["usd-coin", 1],
        ["wrapped-bitcoin", 39_900],
        ["coin-9", 5],
      ] as const) {
        server.route(
          `/api/v3/coins/${id}/market_chart`,
          answer(
            200,
            marketChart([base, base * 1.01, base * 1.02, base * 1.03], MIDNIGHT, NOW, base * 1.04)
          )
        );
      }
    });

    /** A provider on the real host, whose fetch records the URL and forwards it to the fake server. */
    const make = (plan: CoinGeckoPlan, apiKey?: string) => {
      const clock = fakeClock(NOW);
      const fetchThrough: typeof fetch = async (input, init) => {
        const url = String(input);
        exchanges.push({ url, headers: { ...(init?.headers as Record<string, string>) } });
        const target = new URL(url);
        return fetch(`${server.baseUrl}${target.pathname}${target.search}`, init);
      };
      return createCoinGeckoProvider({
        http: createHttpClient({ fetch: fetchThrough, clock, random: () => 0.5, maxRetries: 0 }),
        clock,
        plan,
        apiKey,
      });
    };

    /** Every call the provider makes: markets (paged, by category), categories, history by ticker, by id, from a list. */
    const exercise = async (plan: CoinGeckoPlan, apiKey?: string) => {
      const provider = make(plan, apiKey);
      await provider.listMarkets({ limit: 300, category: "layer-1" });
      await provider.listMarkets({ limit: 10 });
      await provider.listCategories();
      // BTC from the market list; UNI shared by three coins; an explicit id; a bare coin id.
      await provider.dailyCloses(["BTC", "UNI", "ID:USD-COIN", "wrapped-bitcoin"], 30);
      await make(plan, apiKey)
        .dailyCloses(["UNI", "ZZZ"], 3)
        .catch(() => undefined);
      return provider;
    };

    for (const plan of plans) {
      const key = plan === "public" ? undefined : `CG-${plan}-secret-key`;

      it(`${plan}: every URL is an operation of the spec on its server, with valid parameters`, async () => {
        await exercise(plan, key);
        expect(exchanges.length).toBeGreaterThanOrEqual(8);
        const operations = new Set<string>();
        for (const { url } of exchanges) {
          expect({ url, problems: contract.checkRequest("GET", url) }).toEqual({
            url,
            problems: [],
          });
          operations.add(
            contract.findOperation("GET", new URL(url).pathname)!.operation.operationId
          );
        }
        expect([...operations].sort()).toEqual([
          "coins-categories-list",
          "coins-id-market-chart",
          "coins-markets",
        ]);
      });

      it(`${plan}: the key goes where the spec's securitySchemes say, and requests stay CORS-simple`, async () => {
        await exercise(plan, key);
        const schemes = contract.document.components.securitySchemes;
        const inQuery = Object.values(schemes).find((s) => s.in === "query")!;
        const inHeader = Object.values(schemes).find((s) => s.in === "header")!;
        // The spec accepts either (security: headerAuth or queryAuth); we use the query (see the provider).
        expect(contract.document.security).toEqual([{ headerAuth: [] }, { queryAuth: [] }]);
        for (const { url, headers } of exchanges) {
          const query = new URL(url).searchParams;
          expect(query.get(inQuery.name)).toBe(key ?? null);
          expect(Object.keys(headers).map((h) => h.toLowerCase())).toEqual(["accept"]);
          expect(headers[inHeader.name]).toBeUndefined();
        }
        if (key !== undefined) {
          // the other plan's key name never appears
          const other = file === "demo-api.json" ? "x_cg_pro_api_key" : "x_cg_demo_api_key";
          expect(exchanges.some((e) => new URL(e.url).searchParams.has(other))).toBe(false);
        }
      });
    }

    it("keeps to the rules the spec states only in words (per_page 1…250, page ≥ 1, days an integer or max)", async () => {
      await exercise(plans[0]);
      const markets = contract.document.paths["/coins/markets"].get.parameters!;
      // The words these checks rest on, so a change in the spec shows here.
      expect(markets.find((p) => p.name === "per_page")).toMatchObject({
        description: expect.stringContaining("Valid values: 1...250"),
      });
      const chart = contract.document.paths["/coins/{id}/market_chart"].get.parameters!;
      expect(chart.find((p) => p.name === "days")).toMatchObject({
        description: expect.stringContaining("any integer or `max`"),
      });
      for (const { url } of exchanges) {
        const query = new URL(url).searchParams;
        const perPage = query.get("per_page");
        if (perPage !== null) expect(Number(perPage)).toBeGreaterThanOrEqual(1);
        if (perPage !== null) expect(Number(perPage)).toBeLessThanOrEqual(250);
        const page = query.get("page");
        if (page !== null) expect(Number(page)).toBeGreaterThanOrEqual(1);
        const days = query.get("days");
        if (days !== null) expect(days).toMatch(/^([1-9]\d*|max)$/);
      }
    });

    it("every answer the fake server gives is valid against the operation's response schema", async () => {
      await exercise(plans[0]);
      expect(served.length).toBeGreaterThanOrEqual(8);
      for (const answer of served) {
        const found = contract.findOperation("GET", answer.path);
        expect(found).toBeDefined();
        const validate = contract.responseValidator(found!.operation.operationId);
        const ok = validate(answer.body);
        expect({ path: answer.path, errors: ok ? "" : describeErrors(validate) }).toEqual({
          path: answer.path,
          errors: "",
        });
      }
    });

    it("the validators refuse what the spec refuses (so a pass means something)", () => {
      const markets = contract.responseValidator("coins-markets");
      const good = marketRow("bitcoin", "btc", 1, 1, 1);
      expect(markets([good])).toBe(true);
      expect(markets([{ ...good, market_cap: "1e12" }])).toBe(false);
      const withoutRoi: Record<string, unknown> = { ...good };
      delete withoutRoi.roi;
      expect(markets([withoutRoi])).toBe(false);
      expect(markets([{ ...good, last_updated: "yesterday" }])).toBe(false); // format date-time
      expect(contract.responseValidator("coins-id-market-chart")({ prices: [] })).toBe(false);
      const base = contract.serverUrl;
      expect(
        contract.checkRequest("GET", `${base}/coins/markets?per_page=abc&vs_currency=usd`)
      ).toEqual(["coins-markets: per_page=abc is not integer"]);
      expect(contract.checkRequest("GET", `${base}/coins/markets?order=biggest`)).toEqual([
        expect.stringContaining("order=biggest"),
        "coins-markets requires vs_currency",
      ]);
      expect(contract.checkRequest("GET", `${base}/coins/markets?vs_currency=usd&top=5`)).toEqual([
        "coins-markets has no query parameter top",
      ]);
      expect(
        contract.checkRequest(
          "GET",
          `${base}/coins/bitcoin/market_chart?vs_currency=usd&days=3&interval=weekly`
        )
      ).toEqual([expect.stringContaining("interval=weekly")]);
      expect(contract.checkRequest("GET", "https://example.com/api/v3/ping")).toEqual([
        `host https://example.com is not the spec's server ${base}`,
      ]);
    });

    it("the spec's example answers are valid, and the provider reads each of them", async () => {
      for (const id of ["coins-markets", "coins-categories-list", "coins-id-market-chart"]) {
        const validate = contract.responseValidator(id);
        expect({ id, ok: validate(contract.responseExample(id)) }).toEqual({ id, ok: true });
      }
      server.route("/api/v3/coins/markets", (_r, res) =>
        sendJson(res, 200, contract.responseExample("coins-markets"))
      );
      server.route("/api/v3/coins/categories/list", (_r, res) =>
        sendJson(res, 200, contract.responseExample("coins-categories-list"))
      );
      server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
        sendJson(res, 200, contract.responseExample("coins-id-market-chart"))
      );
      const provider = make(plans[0]);
      // The example row (Bitcoin, 2026-05-18) read field by field.
      expect(await provider.listMarkets({ limit: 1 })).toEqual([
        {
          id: "bitcoin",
          symbol: "BTC",
          name: "Bitcoin",
          sector: undefined,
          marketCap: 1555886872303,
          rank: 1,
          price: 77671,
        },
      ]);
      expect(await provider.listCategories()).toEqual([
        { id: "coinbase-ventures-portfolio", name: "Coinbase Ventures Portfolio" },
        { id: "gmci-index", name: "GMCI Index" },
      ]);
      // The chart example holds two 5-minutely points (14:24 and 14:29 UTC): readable, but neither
      // is a daily 00:00 snapshot, so no close comes of it, and the provider says so (not "bad shape").
      const example = contract.responseExample("coins-id-market-chart") as { prices: unknown[] };
      expect(dailyClosesFromChart(example.prices)).toEqual(new Map());
      expect(await dataErrorOf(provider.dailyCloses(["BTC"], 5))).toMatchObject({
        kind: "notFound",
        message: "CoinGecko has no prices for BTC in the last 5 days",
      });
    });
  });
}
