import {
  createCoinIdResolver,
  describeResolution,
  type ResolverRow,
} from "../../../src/data/coingecko/coinIdResolver";
import { dataErrorOf } from "../helpers/fakeServer";
import { marketRow } from "./coinGeckoFakes";

/** A resolver over a fixed /coins/markets universe, recording the parameters of each call. */
function resolverOver(universe: readonly ResolverRow[]) {
  const calls: Record<string, string>[] = [];
  const resolver = createCoinIdResolver(async (params) => {
    calls.push(params);
    if (params.symbols !== undefined) {
      const wanted = params.symbols.split(",");
      return universe.filter((r) => wanted.includes(r.symbol));
    }
    const ids = (params.ids ?? "").split(",");
    return universe.filter((r) => ids.includes(r.id));
  });
  return { resolver, calls };
}

const UNIVERSE = Object.freeze([
  marketRow("universe-uni", "uni", null, null, 0.0001, "Universe"),
  marketRow("unicorn-token", "uni", 2e6, 2900, 0.01, "Unicorn"),
  marketRow("uniswap", "uni", 6e9, 30, 10, "Uniswap"),
  marketRow("solana", "sol", 8e10, 5, 180, "Solana"),
  marketRow("sol-wormhole", "sol", 8e10, null, 180, "SOL (Wormhole)"),
  marketRow("bitcoin", "btc", 1.5e12, 1, 77671, "Bitcoin"),
]);

describe("createCoinIdResolver", () => {
  it("picks the best market-cap rank among coins sharing a ticker, in one call", async () => {
    const { resolver, calls } = resolverOver(UNIVERSE);
    const coins = await resolver.resolve(["UNI", "SOL", "BTC"]);
    expect(coins.map((c) => [c.id, c.sharing])).toEqual([
      ["uniswap", 3],
      ["solana", 2],
      ["bitcoin", 1],
    ]);
    expect(calls).toEqual([
      { symbols: "uni,sol,btc", include_tokens: "all", per_page: "250", page: "1" },
    ]);
    await resolver.resolve(["UNI"]);
    expect(calls).toHaveLength(1); // remembered
  });

  it("reads on past a full page of 250, so a small coin alone with its ticker is still found", async () => {
    const crowd = Array.from({ length: 260 }, (_, i) =>
      marketRow(`eth-bridged-${i}`, "eth", 1e9 - i, 100 + i, 3300)
    );
    const pages: ResolverRow[][] = [
      crowd.slice(0, 250),
      [...crowd.slice(250), marketRow("tiny", "tny", 5, 9000, 1)],
    ];
    const calls: Record<string, string>[] = [];
    const resolver = createCoinIdResolver(async (params) => {
      calls.push(params);
      return pages[Number(params.page) - 1] ?? [];
    });
    const coins = await resolver.resolve(["ETH", "TNY"]);
    expect(coins.map((c) => [c.id, c.sharing])).toEqual([
      ["eth-bridged-0", 260],
      ["tiny", 1],
    ]);
    expect(calls.map((c) => c.page)).toEqual(["1", "2"]);
  });

  it("prefers the coin a market list showed, and the latest list wins", async () => {
    const { resolver, calls } = resolverOver(UNIVERSE);
    resolver.rememberMarketList([UNIVERSE[1], UNIVERSE[0]]); // a small-cap list: Unicorn first
    expect((await resolver.resolve(["UNI"]))[0]).toMatchObject({
      id: "unicorn-token",
      via: "marketList",
      sharing: 2,
    });
    expect(calls).toHaveLength(0);
    resolver.rememberMarketList([UNIVERSE[2]]);
    const now = (await resolver.resolve(["UNI"]))[0];
    expect(now).toMatchObject({ id: "uniswap", replaced: "unicorn-token" });
    expect(describeResolution("UNI", now)).toBe(
      "UNI = uniswap (Uniswap, rank 30; the coin of the latest market list, no longer unicorn-token; give id:<coin id> to choose)"
    );
    resolver.rememberMarketList([UNIVERSE[2]]); // the same coin again: nothing replaced
    expect(resolver.resolution("UNI")?.replaced).toBeUndefined();
  });

  it("takes id:<coin id> as that coin, and a bare word no ticker matches as a coin id", async () => {
    const { resolver, calls } = resolverOver(UNIVERSE);
    const coins = await resolver.resolve(["ID:UNICORN-TOKEN", "SOLANA"]);
    expect(coins.map((c) => [c.id, c.via])).toEqual([
      ["unicorn-token", "id"],
      ["solana", "id"],
    ]);
    expect(calls.map((c) => c.symbols ?? `ids=${c.ids}`)).toEqual([
      "solana",
      "ids=unicorn-token,solana",
    ]);
  });

  it("rejects an unknown ticker with notFound, saying how to give an id", async () => {
    const { resolver } = resolverOver(UNIVERSE);
    expect(await dataErrorOf(resolver.resolve(["BTC", "ZZZ"]))).toMatchObject({
      kind: "notFound",
      message:
        'CoinGecko has no coin with the ticker ZZZ: check the spelling, or give the coin id as "id:<coin id>" (the API ID on the coin\'s coingecko.com page)',
    });
    expect(await dataErrorOf(resolver.resolve(["ID:NOT A COIN"]))).toMatchObject({
      kind: "notFound",
      message:
        'CoinGecko has no coin with the id "NOT A COIN": coin ids are lower-case words such as "bitcoin" or "usd-coin" (the API ID on the coin\'s coingecko.com page)',
    });
  });
});

describe("describeResolution", () => {
  it("says nothing of an unambiguous ticker, and names the coin of an ambiguous one or an id", () => {
    expect(
      describeResolution("BTC", {
        id: "bitcoin",
        name: "Bitcoin",
        rank: 1,
        via: "ticker",
        sharing: 1,
      })
    ).toBeUndefined();
    expect(
      describeResolution("UNI", {
        id: "uniswap",
        name: "Uniswap",
        rank: 30,
        via: "ticker",
        sharing: 3,
      })
    ).toBe(
      "UNI = uniswap (Uniswap, rank 30; 3 coins have this ticker, the best ranked is used; give id:<coin id> for another)"
    );
    expect(
      describeResolution("UNI", {
        id: "unicorn-token",
        name: "Unicorn",
        via: "marketList",
        sharing: 2,
      })
    ).toBe(
      "UNI = unicorn-token (Unicorn, unranked; 2 coins have this ticker, the one in the market list is used; give id:<coin id> for another)"
    );
    expect(
      describeResolution("ID:SOLANA", {
        id: "solana",
        name: "Solana",
        rank: 5,
        via: "id",
        sharing: 0,
      })
    ).toBe("ID:SOLANA = solana (Solana, rank 5)");
  });
});
