import { isCoreError } from "../../../src/core/errors";
import { createCsvProvider } from "../../../src/data/csv/csvProvider";
import { dataErrorOf } from "../helpers/fakeServer";

const TEXT = "date,BTC,Eth\n2024-01-01,100,10\n2024-01-02,110,\n2024-01-05,120,12\n";

describe("createCsvProvider", () => {
  it("returns the last `days` calendar days up to the file's last date (hand-worked)", async () => {
    const provider = createCsvProvider({ text: TEXT, sourceName: "prices.csv" });
    // last date 2024-01-05; 4 days back from it = 01-02 .. 01-05 → rows 01-02 and 01-05
    const out = await provider.dailyCloses(["eth", "btc"], 4);
    expect(out.dates).toEqual(["2024-01-02", "2024-01-05"]);
    expect(out.symbols).toEqual(["ETH", "BTC"]);
    expect(Array.from(out.closes)).toEqual([NaN, 12, 110, 120]);
    expect(out.source).toBe("prices.csv");
    expect(provider.displayName).toBe("CSV (prices.csv)");
  });

  it("lists the header symbols as its universe", async () => {
    const provider = createCsvProvider({ text: TEXT });
    expect((await provider.listMarkets()).map((m) => m.symbol)).toEqual(["BTC", "ETH"]);
    expect(await provider.listCategories()).toEqual([]);
    expect(await provider.listIndices()).toEqual([]);
  });

  it("rejects a bad file with badResponse and the parser's line and column", async () => {
    const provider = createCsvProvider({ text: "date,BTC\n2024-01-01,x", sourceName: "mine.csv" });
    const error = await dataErrorOf(provider.dailyCloses(["BTC"], 1));
    expect(error.kind).toBe("badResponse");
    expect(error.message).toBe(
      'mine.csv: line 2, column 2 (BTC): "x" is not a number; use digits with a decimal point, or leave the cell blank'
    );
  });

  it("rejects an unknown column and index requests with notFound", async () => {
    const provider = createCsvProvider({ text: TEXT });
    const error = await dataErrorOf(provider.dailyCloses(["SOL"], 1));
    expect(error).toMatchObject({
      kind: "notFound",
      message: "CSV has no column SOL: its columns are BTC, Eth",
    });
    expect((await dataErrorOf(provider.indexHoldings("x"))).kind).toBe("notFound");
  });

  it("rejects bad arguments with CoreError INVALID_ARGUMENT", async () => {
    const error = await createCsvProvider({ text: TEXT })
      .dailyCloses(["BTC"], -1)
      .catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
  });

  it("leaves the symbols array unchanged", async () => {
    const symbols = Object.freeze(["btc"]);
    await createCsvProvider({ text: TEXT }).dailyCloses(symbols, 10);
    expect(symbols).toEqual(["btc"]);
  });
});
