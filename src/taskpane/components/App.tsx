import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { INDEX_DEFINITIONS } from "../../data/indices/indexDefinitions";
import type { WaitNotice } from "../../data/http/httpClient";
import { onProviderWait } from "../../data/runtime/sharedDataContext";
import type { DataSettings } from "../../data/settings";
import { findOwnedTables } from "../excel/findOwnedTables";
import { describeError, type ErrorMessage } from "../state/describeError";
import type { PaneContext } from "../state/paneContext";
import { refreshAll } from "../state/refreshAll";
import { refreshCharts } from "../state/refreshCharts";
import { refreshIndex, type RefreshResult } from "../state/refreshIndex";
import { runRebalance } from "../state/runRebalance";
import { PaneError } from "../state/paneError";
import { ChartsTab, type ChartsStatus } from "./ChartsTab";
import { DataTab } from "./DataTab";
import { FunctionList, type FunctionSummary } from "./FunctionList";
import { HISTORY_CHOICES, IndexTab, type IndexStatus } from "./IndexTab";
import { RebalanceTab, type RebalanceInputs } from "./RebalanceTab";
import { ReportPanel } from "./ReportTab";
import { RetryCountdown } from "./RetryCountdown";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  logo: { width: "40px", height: "40px" },
  titleBlock: { display: "flex", flexDirection: "column" },
  flush: { margin: 0 },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/** Tokens in a built index: an adaptive index's CASH sleeve row is not a token. */
function tokenCount(constituents: readonly { readonly cash?: boolean }[]): number {
  return constituents.filter((c) => c.cash !== true).length;
}

type TabId = "index" | "rebalance" | "charts" | "report" | "data";

/** The tables an index build writes; when both are ours the Index button offers a refresh. */
const INDEX_TABLE_NAMES: readonly string[] = ["Constituents", "Prices"];
/** The tables behind the charts; when they are ours the Charts button offers an update. */
const CHART_TABLE_NAMES: readonly string[] = ["Frontier", "Drawdowns"];

/** The status line's words for the Analysis sheet's outcome. */
function describeAnalysis(outcome: RefreshResult["analysis"]): string | undefined {
  if (outcome === undefined) return undefined;
  if (outcome === "created") return "Created the Analysis sheet: formulas on these tables.";
  if (outcome === "refreshed") return "Refreshed the Analysis sheet.";
  return `The Analysis sheet was not written: ${outcome.refused}`;
}

/** Parses a Rebalance input; blank is 0, anything else must be a non-negative number. */
function parseAmount(text: string, what: string): number {
  const value = text.trim() === "" ? 0 : Number(text.replace(",", "."));
  if (!Number.isFinite(value) || value < 0) {
    throw new PaneError(`${what} must be a number of at least 0; got "${text}".`);
  }
  return value;
}

/**
 * The task pane: Index (build/refresh the Constituents and Prices tables), Rebalance (Holdings →
 * Rebalance trades), Charts (frontier, weights, drawdowns on the Charts sheet), Data (provider, keys, cache), and the list of custom functions. Components
 * below it take props and call back; the Excel and data work happens in ../state.
 */
export function App(props: {
  host: string | null;
  context: PaneContext;
  /** What this Excel's requirement sets turn off (requirementSets.ts), one sentence each. */
  requirementNotices?: readonly string[];
}) {
  const styles = useStyles();
  const { data, settings: store } = props.context;
  const [tab, setTab] = useState<TabId>("index");
  const [functions, setFunctions] = useState<FunctionSummary[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [settings, setSettings] = useState<DataSettings>(data.settings);
  // The provider in use changes on Save, not while the Data tab's radio buttons are being clicked.
  const [activeProvider, setActiveProvider] = useState(data.settings.provider);
  const providerName = useMemo(
    () => data.provider(activeProvider).displayName,
    [data, activeProvider]
  );
  const demo = activeProvider === "demo";

  // Index tab
  const [definitionId, setDefinitionId] = useState(INDEX_DEFINITIONS[0].id);
  const [historyDays, setHistoryDays] = useState(365);
  const [indexBusy, setIndexBusy] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number; label: string }>();
  const [status, setStatus] = useState<IndexStatus>();
  const [indexError, setIndexError] = useState<ErrorMessage>();
  // Constituents and Prices already in the workbook (a build in an earlier session): Refresh.
  const [tablesFound, setTablesFound] = useState(false);
  const [analysis, setAnalysis] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  // Rebalance tab
  const [inputs, setInputs] = useState<RebalanceInputs>({
    bandPercent: "5",
    minTrade: "10",
    feeBps: "10",
  });
  const [rebalanceBusy, setRebalanceBusy] = useState(false);
  const [summary, setSummary] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [rebalanceError, setRebalanceError] = useState<ErrorMessage>();

  // Charts tab
  const [chartsBusy, setChartsBusy] = useState(false);
  const [chartsFound, setChartsFound] = useState(false);
  const [chartsStatus, setChartsStatus] = useState<ChartsStatus>();
  const [chartsError, setChartsError] = useState<ErrorMessage>();

  // Data tab
  const [saved, setSaved] = useState(false);
  const [cacheSummary, setCacheSummary] = useState<string>();
  const [dataError, setDataError] = useState<ErrorMessage>();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshSummary, setRefreshSummary] = useState<string>();
  // A provider waiting out a Retry-After (or a backoff), for a formula or a build alike.
  const [retryWait, setRetryWait] = useState<WaitNotice>();
  useEffect(() => onProviderWait(setRetryWait), []);

  useEffect(() => {
    // The function list comes from the generated metadata, so the pane can never disagree with it.
    fetch("functions.json")
      .then((response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        return response.json() as Promise<{ functions: FunctionSummary[] }>;
      })
      .then((metadata) => setFunctions(metadata.functions))
      .catch((error: unknown) =>
        setLoadError(
          `Could not read the function list (${error instanceof Error ? error.message : String(error)}). ` +
            "Reload the add-in; if it persists, check that the add-in server is running."
        )
      );
  }, []);

  useEffect(() => {
    if (props.host === null) return;
    findOwnedTables([...INDEX_TABLE_NAMES, ...CHART_TABLE_NAMES])
      .then((found) => {
        setTablesFound(INDEX_TABLE_NAMES.every((name) => found.includes(name)));
        setChartsFound(CHART_TABLE_NAMES.every((name) => found.includes(name)));
      })
      .catch((error: unknown) => setIndexError(describeError(error)));
  }, [props.host]);

  const refreshCacheSummary = useCallback(() => {
    data.cache
      .status()
      .then((entries) => {
        if (entries.length === 0)
          return setCacheSummary("Empty: prices are fetched on the next build.");
        const byProvider = new Map<string, number>();
        entries.forEach((e) => byProvider.set(e.provider, (byProvider.get(e.provider) ?? 0) + 1));
        const last = Math.max(...entries.map((e) => e.fetchedAt));
        setCacheSummary(
          `${entries.length} price series (${[...byProvider].map(([p, n]) => `${p}: ${n}`).join(", ")}), last fetched ${new Date(last).toISOString().slice(0, 16).replace("T", " ")} UTC.`
        );
      })
      .catch((error: unknown) => setDataError(describeError(error)));
  }, [data]);

  useEffect(() => {
    if (tab === "data") refreshCacheSummary();
  }, [tab, refreshCacheSummary]);

  const build = async () => {
    const definition = INDEX_DEFINITIONS.find((d) => d.id === definitionId) ?? INDEX_DEFINITIONS[0];
    const controller = new AbortController();
    abort.current = controller;
    setIndexBusy(true);
    setIndexError(undefined);
    setProgress({ fraction: 0, label: "Starting" });
    try {
      const result = await refreshIndex(data, definition, {
        historyDays,
        signal: controller.signal,
        onProgress: setProgress,
        analysis,
      });
      setStatus({
        indexName: definition.name,
        constituents: tokenCount(result.built.constituents),
        days: result.days,
        asOf: result.built.asOf,
        source: result.built.source,
        demo: result.demo,
        created: result.report.tables.some((t) => t.created),
        analysis: describeAnalysis(result.analysis),
        resolutions: result.resolutions,
      });
    } catch (error) {
      setIndexError(describeError(error));
    } finally {
      setIndexBusy(false);
      abort.current = undefined;
    }
  };

  const rebalance = async () => {
    setRebalanceBusy(true);
    setRebalanceError(undefined);
    setNotice(undefined);
    setSummary(undefined);
    try {
      const run = await runRebalance({
        band: parseAmount(inputs.bandPercent, "Band") / 100,
        minTrade: parseAmount(inputs.minTrade, "Min trade"),
        feeBps: parseAmount(inputs.feeBps, "Fee"),
      });
      if (run.kind === "createdHoldings") {
        setNotice(
          `Created the Holdings table on the Holdings sheet with the index's ${run.symbols} tokens. ` +
            "Type your units in it, then press Suggest trades again."
        );
      } else {
        setSummary(run.outcome.summary);
      }
    } catch (error) {
      setRebalanceError(describeError(error));
    } finally {
      setRebalanceBusy(false);
    }
  };

  const drawCharts = async () => {
    setChartsBusy(true);
    setChartsError(undefined);
    try {
      const result = await refreshCharts();
      setChartsStatus({
        assets: result.assets,
        days: result.days,
        points: result.points,
        created: result.charts.created.length,
        updated: result.charts.updated.length,
        demo,
      });
    } catch (error) {
      setChartsError(describeError(error));
    } finally {
      setChartsBusy(false);
    }
  };

  const definition = INDEX_DEFINITIONS.find((d) => d.id === definitionId) ?? INDEX_DEFINITIONS[0];
  const historyLabel =
    HISTORY_CHOICES.find((h) => h.days === historyDays)?.label ?? `${historyDays} days`;

  const refreshEverything = async () => {
    setRefreshing(true);
    setDataError(undefined);
    setRefreshSummary(undefined);
    try {
      const result = await refreshAll(data, definition, { historyDays, analysis });
      const { index, charts } = result;
      setStatus({
        indexName: definition.name,
        constituents: tokenCount(index.built.constituents),
        days: index.days,
        asOf: index.built.asOf,
        source: index.built.source,
        demo: index.demo,
        created: index.report.tables.some((t) => t.created),
        analysis: describeAnalysis(index.analysis),
        resolutions: index.resolutions,
      });
      setIndexError(undefined);
      const chartsText =
        charts === undefined
          ? ""
          : "refused" in charts
            ? ` The charts were not updated: ${charts.refused}`
            : " Updated the Frontier and Drawdowns tables and the charts.";
      setRefreshSummary(
        `Refreshed ${definition.name}: ${tokenCount(index.built.constituents)} tokens, ${index.days} days from ${providerName}.${chartsText}${index.analysis === undefined ? "" : ` ${describeAnalysis(index.analysis) ?? ""}`}`
      );
    } catch (error) {
      setDataError(describeError(error));
    } finally {
      setRefreshing(false);
      refreshCacheSummary();
    }
  };

  const save = () => {
    try {
      store.save(settings);
      data.setSettings(settings);
      setActiveProvider(settings.provider);
      setSaved(true);
      setDataError(undefined);
    } catch (error) {
      setDataError(describeError(error));
    }
  };

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <img className={styles.logo} src="assets/icon-80.png" alt="" />
        <div className={styles.titleBlock}>
          <Title3 as="h1" className={styles.flush}>
            Diversify
          </Title3>
          <Caption1 as="p" className={styles.flush}>
            Crypto portfolio diversification in your workbook
          </Caption1>
        </div>
      </div>
      {props.host === null && (
        <MessageBar intent="info">
          <MessageBarBody>
            Running outside Excel: open this add-in from Excel to use it on a workbook.
          </MessageBarBody>
        </MessageBar>
      )}
      {(props.requirementNotices ?? []).map((notice) => (
        <MessageBar key={notice} intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
      {retryWait !== undefined && <RetryCountdown wait={retryWait} />}
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabId)}>
        <Tab value="index">Index</Tab>
        <Tab value="rebalance">Rebalance</Tab>
        <Tab value="charts">Charts</Tab>
        <Tab value="report">Report</Tab>
        <Tab value="data">Data</Tab>
      </TabList>
      <section className={styles.panel} role="tabpanel" aria-label={tab}>
        {tab === "index" && (
          <IndexTab
            definitions={INDEX_DEFINITIONS}
            providerName={providerName}
            demo={demo}
            definitionId={definitionId}
            historyDays={historyDays}
            busy={indexBusy}
            progress={progress}
            status={indexError === undefined ? status : undefined}
            built={status !== undefined || tablesFound}
            error={indexError}
            analysis={analysis}
            onAnalysisChange={setAnalysis}
            onDefinitionChange={setDefinitionId}
            onHistoryChange={setHistoryDays}
            onBuild={() => void build()}
            onCancel={() => abort.current?.abort()}
          />
        )}
        {tab === "rebalance" && (
          <RebalanceTab
            inputs={inputs}
            busy={rebalanceBusy}
            demo={demo}
            summary={summary}
            notice={notice}
            error={rebalanceError}
            onInputsChange={setInputs}
            onRun={() => void rebalance()}
          />
        )}
        {tab === "charts" && (
          <ChartsTab
            busy={chartsBusy}
            drawn={chartsStatus !== undefined || chartsFound}
            status={chartsError === undefined ? chartsStatus : undefined}
            error={chartsError}
            onDraw={() => void drawCharts()}
          />
        )}
        {tab === "report" && (
          <ReportPanel
            definitions={INDEX_DEFINITIONS}
            initialDefinitionId={definitionId}
            demo={demo}
          />
        )}
        {tab === "data" && (
          <DataTab
            settings={settings}
            saved={saved}
            cacheSummary={cacheSummary}
            error={dataError}
            refreshTarget={`${definition.name} (${historyLabel})`}
            refreshing={refreshing}
            refreshSummary={refreshSummary}
            onRefreshAll={() => void refreshEverything()}
            onSettingsChange={(next) => {
              setSettings(next);
              setSaved(false);
            }}
            onSave={save}
            onClearCache={() => {
              data.cache
                .clear()
                .then(refreshCacheSummary)
                .catch((error: unknown) => setDataError(describeError(error)));
            }}
          />
        )}
      </section>
      {loadError !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{loadError}</MessageBarBody>
        </MessageBar>
      )}
      {functions !== undefined && <FunctionList functions={functions} />}
    </main>
  );
}
