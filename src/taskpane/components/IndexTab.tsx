import {
  Badge,
  Button,
  Caption1,
  Card,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  OptionGroup,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { IndexDefinition } from "../../data/indices/indexDefinitions";
import type { ErrorMessage } from "../state/describeError";
import { ErrorBar } from "./ErrorBar";

/** History lengths offered for the Prices table. */
export const HISTORY_CHOICES: ReadonlyArray<{ readonly days: number; readonly label: string }> = [
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: 730, label: "2 years" },
  { days: 1826, label: "5 years" },
];

/** The last successful build, for the status line. */
export interface IndexStatus {
  readonly indexName: string;
  readonly constituents: number;
  readonly days: number;
  readonly asOf: string;
  readonly source: string;
  readonly demo: boolean;
  readonly created: boolean;
  /** The Analysis sheet's outcome, when it was asked for. */
  readonly analysis?: string;
  /** Which coin each ambiguous ticker resolved to (see RefreshResult.resolutions). */
  readonly resolutions?: readonly string[];
}

export interface IndexTabProps {
  readonly definitions: readonly IndexDefinition[];
  readonly providerName: string;
  readonly demo: boolean;
  readonly definitionId: string;
  readonly historyDays: number;
  readonly busy: boolean;
  readonly progress?: { readonly fraction: number; readonly label: string };
  /** The last build's outcome (hidden while an error is shown). */
  readonly status?: IndexStatus;
  /** True once the tables exist, so the button says Refresh. */
  readonly built: boolean;
  readonly error?: ErrorMessage;
  /** Also write the Analysis sheet of formulas. */
  readonly analysis: boolean;
  onAnalysisChange(analysis: boolean): void;
  onDefinitionChange(id: string): void;
  onHistoryChange(days: number): void;
  onBuild(): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  option: { display: "flex", flexDirection: "column" },
});

/**
 * What the Index field says under the list: the chosen index's description, and for an adaptive
 * one its rule in BACKTEST's words and where the freed weight goes.
 * @param definition the chosen index, if any
 * @returns the hint text ("" when none is chosen)
 */
export function indexHint(definition: IndexDefinition | undefined): string {
  if (definition === undefined) return "";
  if (definition.adaptive === undefined) return definition.description;
  return (
    `${definition.description}. Adaptive: rule "${definition.adaptive.rule}" (as in ` +
    "DIVERSIFY.BACKTEST's adaptive argument), applied to prices up to the as-of date; " +
    "weight the rule does not invest is the CASH row (cash sleeve) of the Constituents table."
  );
}

/** Index tab: choose an index and a history length, Build/Refresh writes Constituents and Prices. */
export function IndexTab(props: IndexTabProps) {
  const styles = useStyles();
  const selected = props.definitions.find((d) => d.id === props.definitionId);
  const history = HISTORY_CHOICES.find((h) => h.days === props.historyDays);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Caption1>Provider: {props.providerName}</Caption1>
        {props.demo && (
          <Badge appearance="tint" color="warning">
            demo data
          </Badge>
        )}
      </div>
      <Field label="Index" hint={indexHint(selected)}>
        <Dropdown
          aria-label="Index"
          value={selected?.name ?? ""}
          selectedOptions={[props.definitionId]}
          disabled={props.busy}
          onOptionSelect={(_e, data) =>
            data.optionValue && props.onDefinitionChange(data.optionValue)
          }
        >
          <OptionGroup label="Indices">
            {props.definitions
              .filter((d) => d.adaptive === undefined)
              .map((d) => (
                <Option key={d.id} value={d.id} text={d.name}>
                  {d.name}
                </Option>
              ))}
          </OptionGroup>
          {props.definitions.some((d) => d.adaptive !== undefined) && (
            <OptionGroup label="Adaptive indices (rule on prices, rest in cash)">
              {props.definitions
                .filter((d) => d.adaptive !== undefined)
                .map((d) => (
                  <Option key={d.id} value={d.id} text={d.name}>
                    <span className={styles.option}>
                      <span>{d.name}</span>
                      <Caption1>{d.description}</Caption1>
                    </span>
                  </Option>
                ))}
            </OptionGroup>
          )}
        </Dropdown>
      </Field>
      <Field label="History for the Prices table">
        <Dropdown
          aria-label="History"
          value={history?.label ?? `${props.historyDays} days`}
          selectedOptions={[String(props.historyDays)]}
          disabled={props.busy}
          onOptionSelect={(_e, data) =>
            data.optionValue && props.onHistoryChange(Number(data.optionValue))
          }
        >
          {HISTORY_CHOICES.map((h) => (
            <Option key={h.days} value={String(h.days)}>
              {h.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        label="Also write an Analysis sheet (our formulas on these tables, a correlation heat map)"
        checked={props.analysis}
        disabled={props.busy}
        onChange={(_e, d) => props.onAnalysisChange(d.checked === true)}
      />
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onBuild}>
          {props.built ? "Refresh index" : "Build index"}
        </Button>
        {props.busy && <Button onClick={props.onCancel}>Cancel</Button>}
      </div>
      {props.busy && props.progress !== undefined && (
        <Field validationMessage={props.progress.label} validationState="none">
          <ProgressBar value={props.progress.fraction} aria-label="Progress" />
        </Field>
      )}
      <ErrorBar error={props.error} />
      {props.status !== undefined && !props.busy && (
        <MessageBar intent="success">
          <MessageBarBody>
            {props.status.created ? "Wrote" : "Refreshed"} {props.status.indexName}:{" "}
            {props.status.constituents} tokens in the Constituents table and {props.status.days}{" "}
            days in the Prices table, as of {props.status.asOf}
            {props.status.demo
              ? " (demo data: simulated prices, not market data)."
              : ` (${props.status.source}).`}
            {props.status.analysis !== undefined && ` ${props.status.analysis}`}
            {(props.status.resolutions ?? []).length > 0 &&
              ` Tickers shared by several coins: ${(props.status.resolutions ?? []).join("; ")}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <Card appearance="subtle">
        <Caption1>
          Tables are written on the Constituents and Prices sheets. Refresh resizes them in place,
          so your formulas (e.g. =DIVERSIFY.STATS(Prices[[BTC]:[ETH]])) keep working. If a refresh
          fails, the previous data stays.
        </Caption1>
      </Card>
    </div>
  );
}
