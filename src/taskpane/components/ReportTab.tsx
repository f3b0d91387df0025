import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { IndexDefinition } from "../../data/indices/indexDefinitions";
import { describeError, type ErrorMessage } from "../state/describeError";
import { REPORT_SHEET, type ReportResult, refreshReport } from "../state/refreshReport";
import type { ReportSettings } from "../state/reportIndexStrategy";
import { ErrorBar } from "./ErrorBar";

/** The last successful report, for the status line. */
export interface ReportStatus {
  readonly indexName: string;
  readonly strategies: readonly string[];
  readonly days: number;
  readonly tokens: number;
  readonly demo: boolean;
  readonly created: boolean;
  /** The index's CAGR, Sharpe and max drawdown against BTC's, as the status line's words. */
  readonly headline: string;
}

export interface ReportTabProps {
  readonly definitions: readonly IndexDefinition[];
  readonly definitionId: string;
  readonly settings: ReportSettings;
  readonly demo: boolean;
  readonly busy: boolean;
  readonly progress?: { readonly fraction: number; readonly label: string };
  readonly status?: ReportStatus;
  readonly error?: ErrorMessage;
  onDefinitionChange(id: string): void;
  onSettingsChange(settings: ReportSettings): void;
  onRun(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Two narrow fields per row fit the 320 px pane; wrap rather than clip when narrower.
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  field: { flex: "1 1 120px", minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

/**
 * Report tab: "Does diversification pay?" — the chosen index against BTC alone, ETH alone, equal
 * weight and market-cap weight over the Prices table's history, written to the Report sheet.
 */
export function ReportTab(props: ReportTabProps) {
  const styles = useStyles();
  const selected = props.definitions.find((d) => d.id === props.definitionId);
  const set = (part: Partial<ReportSettings>) =>
    props.onSettingsChange({ ...props.settings, ...part });
  // One text field of the settings: the four share their look, busy state and update.
  const textSetting = (
    key: "trendWindow" | "volTarget" | "cashRate" | "feeBps",
    label: string,
    ariaLabel: string,
    hint?: string
  ) => (
    <Field className={styles.field} label={label} hint={hint}>
      <Input
        className={styles.input}
        aria-label={ariaLabel}
        value={props.settings[key]}
        disabled={props.busy}
        onChange={(_e, d) => set({ [key]: d.value })}
      />
    </Field>
  );
  const s = props.status;
  return (
    <div className={styles.root}>
      <Caption1>
        Does diversification pay? Sets an index against BTC alone, ETH alone, equal weight of the
        same tokens and market-cap weight over the history in the Prices table: CAGR, volatility,
        Sharpe, Sortino, drawdowns, worst month, time under water, turnover and fees, correlation to
        BTC, rolling 1-year Sharpe and drawdown charts, and the diversification curve, on the{" "}
        {REPORT_SHEET} sheet.
        {props.demo && (
          <>
            {" "}
            <Badge appearance="tint" color="warning">
              demo data
            </Badge>
          </>
        )}
      </Caption1>
      <Field
        label="Index"
        hint={selected?.adaptive ? `Rule: ${selected.adaptive.rule}` : selected?.description}
      >
        <Dropdown
          aria-label="Report index"
          value={selected?.name ?? ""}
          selectedOptions={[props.definitionId]}
          disabled={props.busy}
          onOptionSelect={(_e, data) =>
            data.optionValue && props.onDefinitionChange(data.optionValue)
          }
        >
          {props.definitions.map((d) => (
            <Option key={d.id} value={d.id} text={d.name}>
              {d.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        {textSetting(
          "trendWindow",
          "Trend window (days)",
          "Trend window",
          "blank: the index's own"
        )}
        {textSetting(
          "volTarget",
          "Volatility target",
          "Volatility target",
          "e.g. 0.6; blank: the index's own"
        )}
      </div>
      <div className={styles.row}>
        {textSetting(
          "cashRate",
          "Cash rate (annual)",
          "Cash rate",
          "e.g. 0.04; earned by the cash sleeve"
        )}
        {textSetting("feeBps", "Fee (bp)", "Report fee")}
      </div>
      <Button appearance="primary" disabled={props.busy} onClick={props.onRun}>
        Write the report
      </Button>
      {props.busy && props.progress !== undefined && (
        <Field validationMessage={props.progress.label} validationState="none">
          <ProgressBar value={props.progress.fraction} />
        </Field>
      )}
      <ErrorBar error={props.error} />
      {s !== undefined && !props.busy && props.error === undefined && (
        <MessageBar intent="success">
          <MessageBarBody>
            {s.created ? "Wrote" : "Refreshed"} the {REPORT_SHEET} sheet: {s.indexName} against{" "}
            {s.strategies.slice(1).join(", ")} over {s.days} days of {s.tokens} tokens
            {s.demo ? " (demo data: simulated prices)" : ""}. {s.headline}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1>
        Every number comes from the functions the cells use (BACKTEST&rsquo;s engine, STATS&rsquo;
        statistics); the sheet shows the BACKTEST call that gives the index column. A failed run
        leaves the previous report as it was.
      </Caption1>
    </div>
  );
}

/** The status line's headline: the index's CAGR, Sharpe and max drawdown beside BTC's. */
export function reportHeadline(result: ReportResult): string {
  const [index, btc] = result.report.strategies;
  const pct = (v: unknown) => (typeof v === "number" ? `${(v * 100).toFixed(1)} %` : "n/a");
  const ratio = (v: unknown) => (typeof v === "number" ? v.toFixed(2) : "n/a");
  return (
    `${index.name}: CAGR ${pct(index.metrics.cagr)}, Sharpe ${ratio(index.metrics.sharpeRatio)}, max drawdown ${pct(index.metrics.maxDrawdown)}; ` +
    `${btc.name}: CAGR ${pct(btc.metrics.cagr)}, Sharpe ${ratio(btc.metrics.sharpeRatio)}, max drawdown ${pct(btc.metrics.maxDrawdown)}.`
  );
}

/**
 * The Report tab with its state: the chosen index (initially the Index tab's), the fields, the
 * progress while it runs, and the outcome. `run` is refreshReport (tests pass a stand-in).
 */
export function ReportPanel(props: {
  readonly definitions: readonly IndexDefinition[];
  readonly initialDefinitionId: string;
  readonly demo: boolean;
  readonly run?: typeof refreshReport;
}) {
  const [definitionId, setDefinitionId] = useState(props.initialDefinitionId);
  const [settings, setSettings] = useState<ReportSettings>({
    trendWindow: "",
    volTarget: "",
    cashRate: "",
    feeBps: "10",
  });
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number; label: string }>();
  const [status, setStatus] = useState<ReportStatus>();
  const [error, setError] = useState<ErrorMessage>();
  const run = async () => {
    const definition = props.definitions.find((d) => d.id === definitionId) ?? props.definitions[0];
    setBusy(true);
    setError(undefined);
    setProgress({ fraction: 0, label: "Starting" });
    try {
      const result = await (props.run ?? refreshReport)(definition, settings, {
        onProgress: setProgress,
      });
      setStatus({
        indexName: definition.name,
        strategies: result.report.strategies.map((s) => s.name),
        days: result.days,
        tokens: result.tokens,
        demo: result.demo,
        created: result.write.outcome === "created",
        headline: reportHeadline(result),
      });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ReportTab
      definitions={props.definitions}
      definitionId={definitionId}
      settings={settings}
      demo={props.demo}
      busy={busy}
      progress={progress}
      status={status}
      error={error}
      onDefinitionChange={setDefinitionId}
      onSettingsChange={setSettings}
      onRun={() => void run()}
    />
  );
}
