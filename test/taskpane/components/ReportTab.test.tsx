import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { ReportTab, reportHeadline } from "../../../src/taskpane/components/ReportTab";
import type { ReportResult } from "../../../src/taskpane/state/refreshReport";
import { textOf } from "../helpers/textOf";

const noop = () => undefined;
const settings = { trendWindow: "", volTarget: "", cashRate: "", feeBps: "10" };
const base = {
  definitions: INDEX_DEFINITIONS,
  definitionId: "top20-erc-trend200",
  settings,
  demo: true,
  busy: false,
  onDefinitionChange: noop,
  onSettingsChange: noop,
  onRun: noop,
};
const status = {
  indexName: "Top 10, capped at 25 %",
  strategies: ["Top 10, capped at 25 %", "BTC only", "ETH only", "Equal weight"],
  days: 1826,
  tokens: 10,
  demo: true,
  created: true,
  headline: "Top 10: CAGR 89.0 %.",
};

describe("ReportTab", () => {
  it("explains the report, labels demo data and shows the chosen adaptive index's rule", () => {
    const text = textOf(<ReportTab {...base} />);
    expect(text).toMatch(/Does diversification pay\?/);
    expect(text).toMatch(/demo data/);
    expect(text).toMatch(/Rule: trend 200/);
    expect(text).toMatch(
      /Trend window \(days\).*Volatility target.*Cash rate \(annual\).*Fee \(bp\)/
    );
    expect(text).toMatch(/Write the report/);
  });

  it("shows progress while it runs, and no status", () => {
    const text = textOf(
      <ReportTab
        {...base}
        busy
        progress={{ fraction: 0.25, label: "Backtesting" }}
        status={status}
      />
    );
    expect(text).toMatch(/Backtesting/);
    expect(text).not.toMatch(/Wrote the Report sheet/);
  });

  it("reports what was written, with the demo label and the headline", () => {
    const text = textOf(<ReportTab {...base} status={status} />);
    expect(text).toMatch(
      /Wrote the Report sheet: Top 10, capped at 25 % against BTC only, ETH only, Equal weight over 1826 days of 10 tokens \(demo data: simulated prices\)\. Top 10: CAGR 89\.0 %\./
    );
  });

  it("shows an error in plain words instead of the status", () => {
    const text = textOf(
      <ReportTab
        {...base}
        status={status}
        error={{
          title: "Nothing was changed",
          text: 'Cash rate must be an annual rate as a number; got "x".',
        }}
      />
    );
    expect(text).toMatch(/Nothing was changed Cash rate must be an annual rate/);
    expect(text).not.toMatch(/Wrote the Report sheet/);
  });
});

describe("reportHeadline", () => {
  it("sets the index's CAGR, Sharpe and drawdown beside BTC's; n/a for an undefined figure", () => {
    const metrics = (cagr: unknown, sharpe: unknown, mdd: unknown) => ({
      cagr,
      sharpeRatio: sharpe,
      maxDrawdown: mdd,
    });
    const result = {
      report: {
        strategies: [
          { name: "Index", metrics: metrics(0.5, 1.234, 0.4) },
          { name: "BTC only", metrics: metrics(0.3, new Error("zero variance"), 0.7) },
        ],
      },
    } as unknown as ReportResult;
    expect(reportHeadline(result)).toBe(
      "Index: CAGR 50.0 %, Sharpe 1.23, max drawdown 40.0 %; BTC only: CAGR 30.0 %, Sharpe n/a, max drawdown 70.0 %."
    );
  });
});
