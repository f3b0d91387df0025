import { DEFAULT_DATA_SETTINGS } from "../../../src/data/settings";
import {
  coinGeckoPlanChoices,
  DataTab,
  type DataTabProps,
} from "../../../src/taskpane/components/DataTab";
import { textOf } from "../helpers/textOf";
import { renderToStaticMarkup } from "react-dom/server";

const noop = () => undefined;
const base: DataTabProps = {
  settings: DEFAULT_DATA_SETTINGS,
  saved: false,
  cacheSummary: "40 price series (demo: 40)",
  onSettingsChange: noop,
  onSave: noop,
  onClearCache: noop,
  refreshTarget: "Top 10, capped at 25 % (1 year)",
  refreshing: false,
  onRefreshAll: noop,
};

describe("DataTab", () => {
  it("offers the providers with demo data first, the cache status and no key field for the demo", () => {
    const text = textOf(<DataTab {...base} />);
    expect(text).toMatch(/Demo data \(offline, simulated prices\) CoinGecko Token Metrics .* CSV/);
    expect(text).toMatch(/40 price series \(demo: 40\)/);
    expect(text).not.toMatch(/API key \(optional\)|Token Metrics API key/);
    expect(text).toMatch(/never in the workbook/);
  });

  it("asks for the Token Metrics key in a password field and confirms a save", () => {
    const settings = {
      ...DEFAULT_DATA_SETTINGS,
      provider: "tokenmetrics" as const,
      tokenMetrics: { apiKey: "k-123" },
    };
    const html = renderToStaticMarkup(<DataTab {...base} settings={settings} saved />);
    expect(html).toMatch(/type="password"[^>]*value="k-123"|value="k-123"[^>]*type="password"/);
    expect(textOf(<DataTab {...base} settings={settings} saved />)).toMatch(
      /Saved\. The next Build or Refresh/
    );
  });

  it("says 'saved key missing' when the chosen provider's key is no longer stored", () => {
    const settings = { ...DEFAULT_DATA_SETTINGS, provider: "tokenmetrics" as const };
    const text = textOf(<DataTab {...base} settings={settings} />);
    expect(text).toMatch(/Saved key missing: the Data tab chooses Token Metrics/);
    expect(text).toMatch(/enter the key again and Save/);
    const keyed = { ...settings, tokenMetrics: { apiKey: "k-1" } };
    expect(textOf(<DataTab {...base} settings={keyed} />)).not.toMatch(/key missing/);
    expect(textOf(<DataTab {...base} />)).not.toMatch(/key missing/);
  });

  it("offers the CSV provider with a file picker and a text box for pasted prices", () => {
    const settings = {
      ...DEFAULT_DATA_SETTINGS,
      provider: "csv" as const,
      csv: { text: "date,BTC\n2024-01-01,42280", sourceName: "prices.csv" },
    };
    const html = renderToStaticMarkup(<DataTab {...base} settings={settings} />);
    expect(html).toMatch(/type="file"/);
    expect(html).toMatch(/2024-01-01,42280/);
    expect(textOf(<DataTab {...base} settings={settings} />)).toMatch(/Source: prices\.csv/);
  });

  it("lets a CoinGecko user point the add-in at a proxy", () => {
    const settings = {
      ...DEFAULT_DATA_SETTINGS,
      provider: "coingecko" as const,
      coinGecko: { plan: "public" as const, baseUrl: "https://proxy.example/cg" },
    };
    const html = renderToStaticMarkup(<DataTab {...base} settings={settings} />);
    expect(html).toMatch(/value="https:\/\/proxy\.example\/cg"/);
  });

  it("offers the CoinGecko plans with their limits once a key is entered, the chosen one selected", () => {
    const keyless = { ...DEFAULT_DATA_SETTINGS, provider: "coingecko" as const };
    expect(textOf(<DataTab {...base} settings={keyless} />)).not.toMatch(/CoinGecko plan/);
    const settings = {
      ...keyless,
      coinGecko: { plan: "basic" as const, apiKey: "CG-1" },
    };
    const html = renderToStaticMarkup(<DataTab {...base} settings={settings} />);
    expect(html).toMatch(
      /<option value="basic" selected="">Basic plan: 250 calls\/min, the last 2 years \(730 days\)<\/option>/
    );
    expect(textOf(<DataTab {...base} settings={settings} />)).toMatch(
      /Demo plan: 30 calls\/min, the last 365 days .*Analyst plan: 500 calls\/min, daily history from 2013/
    );
    expect(html).toMatch(/can add your key itself as the x-cg-demo-api-key/);
  });

  it("lists each named paid plan once, and the old unnamed 'pro' only while it is chosen", () => {
    expect(coinGeckoPlanChoices("demo").map((c) => c.plan)).toEqual([
      "demo",
      "basic",
      "analyst",
      "lite",
      "enterprise",
    ]);
    expect(coinGeckoPlanChoices("pro").map((c) => c.plan)).toContain("pro");
  });

  it("offers Refresh all for the Index tab's choice, and reports its outcome unless an error shows", () => {
    const text = textOf(<DataTab {...base} refreshSummary="Refreshed Top 10: 10 tokens." />);
    expect(text).toMatch(/Refresh all/);
    expect(text).toMatch(/Rebuilds Top 10, capped at 25 % \(1 year\) from the saved provider/);
    expect(text).toMatch(/a failed refresh leaves every table as it was/);
    expect(text).toMatch(/Refreshed Top 10: 10 tokens\./);
    const failed = textOf(
      <DataTab
        {...base}
        refreshSummary="Refreshed Top 10: 10 tokens."
        error={{ title: "The provider could not be reached", text: "Try again." }}
      />
    );
    expect(failed).not.toMatch(/Refreshed Top 10/);
    expect(failed).toMatch(/The provider could not be reached Try again\./);
    expect(textOf(<DataTab {...base} refreshing />)).toMatch(/Refreshing…/);
  });
});
