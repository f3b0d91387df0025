import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { IndexTab, indexHint, type IndexTabProps } from "../../../src/taskpane/components/IndexTab";
import { textOf } from "../helpers/textOf";

const noop = () => undefined;
const base: IndexTabProps = {
  definitions: INDEX_DEFINITIONS,
  providerName: "Demo data (offline, simulated prices)",
  demo: true,
  definitionId: INDEX_DEFINITIONS[0].id,
  historyDays: 365,
  busy: false,
  built: false,
  analysis: false,
  onAnalysisChange: noop,
  onDefinitionChange: noop,
  onHistoryChange: noop,
  onBuild: noop,
  onCancel: noop,
};

describe("IndexTab", () => {
  it("labels the demo provider as demo data and offers Build before any build", () => {
    const text = textOf(<IndexTab {...base} />);
    expect(text).toMatch(/demo data/);
    expect(text).toMatch(/Build index/);
    expect(text).not.toMatch(/Cancel/);
  });

  it("shows progress and a Cancel button while busy, Refresh once built, the error in plain words", () => {
    const busy = textOf(
      <IndexTab
        {...base}
        built
        busy
        progress={{ fraction: 0.4, label: "Fetching 365 days of prices" }}
      />
    );
    expect(busy).toMatch(/Refresh index/);
    expect(busy).toMatch(/Cancel/);
    expect(busy).toMatch(/Fetching 365 days of prices/);
    const failed = textOf(
      <IndexTab
        {...base}
        built
        error={{ title: "Could not reach the data provider", text: "Try again." }}
      />
    );
    expect(failed).toMatch(/Could not reach the data provider Try again\./);
  });

  it("says the written data is simulated when it comes from the demo provider, and not otherwise", () => {
    const status = {
      indexName: "Top 10",
      constituents: 10,
      days: 365,
      asOf: "2025-06-30",
      created: true,
    };
    const demo = textOf(
      <IndexTab {...base} built status={{ ...status, source: "demo data", demo: true }} />
    );
    expect(demo).toMatch(
      /Wrote Top 10: 10 tokens .* as of 2025-06-30 \(demo data: simulated prices, not market data\)/
    );
    const real = textOf(
      <IndexTab
        {...base}
        demo={false}
        built
        status={{ ...status, source: "CoinGecko", demo: false }}
      />
    );
    expect(real).toMatch(/\(CoinGecko\)\./);
    expect(real).not.toMatch(/demo data/);
    expect(real).not.toMatch(/Tickers shared/);
    const shared = textOf(
      <IndexTab
        {...base}
        demo={false}
        built
        status={{
          ...status,
          source: "CoinGecko",
          demo: false,
          resolutions: ["UNI = uniswap (Uniswap, rank 30; 2 coins have this ticker)"],
        }}
      />
    );
    expect(shared).toMatch(
      /\(CoinGecko\)\. Tickers shared by several coins: UNI = uniswap \(Uniswap, rank 30; 2 coins have this ticker\)\./
    );
  });

  it("offers the Analysis sheet and reports its outcome beside the tables", () => {
    const text = textOf(
      <IndexTab
        {...base}
        analysis
        built
        status={{
          indexName: "Top 10",
          constituents: 10,
          days: 365,
          asOf: "2025-06-30",
          source: "demo data",
          demo: true,
          created: true,
          analysis: "Created the Analysis sheet: formulas on these tables.",
        }}
      />
    );
    expect(text).toMatch(/Also write an Analysis sheet/);
    expect(text).toMatch(
      /\(demo data: simulated prices, not market data\)\. Created the Analysis sheet/
    );
  });

  it("describes an adaptive index under the list: its rule in BACKTEST's words and the CASH row", () => {
    const adaptive = INDEX_DEFINITIONS.find((d) => d.id === "top20-erc-trend200")!;
    const text = textOf(<IndexTab {...base} definitionId={adaptive.id} />);
    expect(text).toContain(adaptive.name);
    expect(text).toContain(adaptive.description);
    // The server markup escapes quotes; the hint itself reads as typed.
    expect(text).toContain("Adaptive: rule &quot;trend 200&quot;");
    expect(indexHint(adaptive)).toMatch(
      /Adaptive: rule "trend 200" \(as in DIVERSIFY\.BACKTEST's adaptive argument\)/
    );
    expect(text).toMatch(/CASH row \(cash sleeve\)/);
    expect(indexHint(INDEX_DEFINITIONS[0])).toBe(INDEX_DEFINITIONS[0].description);
    expect(indexHint(undefined)).toBe("");
  });
});
