import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  COINGECKO_PLAN_FACTS,
  COINGECKO_PLANS,
  type CoinGeckoPlan,
} from "../../data/coingecko/coinGeckoPlans";
import { type DataSettings, missingSavedKey } from "../../data/settings";
import type { ErrorMessage } from "../state/describeError";
import { ErrorBar } from "./ErrorBar";

export interface DataTabProps {
  readonly settings: DataSettings;
  readonly cacheSummary?: string;
  readonly saved: boolean;
  readonly error?: ErrorMessage;
  /** What Refresh all rebuilds, e.g. "Top 10, capped at 25 % (1 year)". */
  readonly refreshTarget: string;
  readonly refreshing: boolean;
  /** The last Refresh all's outcome (hidden while an error is shown). */
  readonly refreshSummary?: string;
  onRefreshAll(): void;
  onSettingsChange(settings: DataSettings): void;
  onSave(): void;
  onClearCache(): void;
}

/**
 * The CoinGecko plans a key can have, labelled with their limits (coinGeckoPlans, from CoinGecko's
 * pricing page). "pro" (a paid key saved before plans were named) is offered only while chosen.
 *
 * @example coinGeckoPlanChoices("demo")[0]; // => { plan: "demo", label: "Demo plan: 30 calls/min, the last 365 days" }
 */
export function coinGeckoPlanChoices(
  current: CoinGeckoPlan
): { readonly plan: CoinGeckoPlan; readonly label: string }[] {
  return COINGECKO_PLANS.filter((p) => p !== "public" && (p !== "pro" || current === "pro")).map(
    (plan) => {
      const facts = COINGECKO_PLAN_FACTS[plan];
      const label = facts.label.charAt(0).toUpperCase() + facts.label.slice(1);
      return { plan, label: `${label}: ${facts.callsPerMinute} calls/min, ${facts.historyText}` };
    }
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

const PROVIDERS: ReadonlyArray<{ readonly id: DataSettings["provider"]; readonly label: string }> =
  [
    { id: "demo", label: "Demo data (offline, simulated prices)" },
    { id: "coingecko", label: "CoinGecko" },
    { id: "tokenmetrics", label: "Token Metrics (API key)" },
    { id: "csv", label: "CSV (your own prices: a file or pasted text)" },
  ];

/** Reads a picked file as text (prices CSV: a date column, then one column per symbol). */
function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file);
  });
}

/** "Saved key missing: …" from "saved key missing: …" (the message starts lowercase for cells). */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Data tab: provider, API keys (kept in this browser's add-in storage, never in the workbook), cache. */
export function DataTab(props: DataTabProps) {
  const styles = useStyles();
  const s = props.settings;
  return (
    <div className={styles.root}>
      <Field label="Provider">
        <RadioGroup
          value={s.provider}
          onChange={(_e, d) =>
            props.onSettingsChange({ ...s, provider: d.value as DataSettings["provider"] })
          }
        >
          {PROVIDERS.map((p) => (
            <Radio key={p.id} value={p.id} label={p.label} />
          ))}
        </RadioGroup>
      </Field>
      {missingSavedKey(s) !== undefined && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {`${capitalise(missingSavedKey(s) as string)}. Until then HISTORY, TOP and INDEX answer #N/A with this message instead of prices.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.provider === "coingecko" && (
        <Field label="CoinGecko API key (optional)" hint="A free demo key raises the rate limit.">
          <Input
            type="password"
            aria-label="CoinGecko API key"
            value={s.coinGecko.apiKey ?? ""}
            onChange={(_e, d) =>
              props.onSettingsChange({
                ...s,
                coinGecko: {
                  ...s.coinGecko,
                  apiKey: d.value,
                  plan:
                    d.value === ""
                      ? "public"
                      : s.coinGecko.plan === "public"
                        ? "demo"
                        : s.coinGecko.plan,
                },
              })
            }
          />
        </Field>
      )}
      {s.provider === "coingecko" && (s.coinGecko.apiKey ?? "") !== "" && (
        <Field
          label="CoinGecko plan"
          hint="Sets the address (Demo: api.coingecko.com, paid: pro-api.coingecko.com), how far back history goes and how fast we call."
        >
          <Select
            aria-label="CoinGecko plan"
            value={s.coinGecko.plan}
            onChange={(_e, d) =>
              props.onSettingsChange({
                ...s,
                coinGecko: { ...s.coinGecko, plan: d.value as CoinGeckoPlan },
              })
            }
          >
            {coinGeckoPlanChoices(s.coinGecko.plan).map((c) => (
              <option key={c.plan} value={c.plan}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {s.provider === "coingecko" && (
        <Field
          label="CoinGecko base URL (optional)"
          hint="For a proxy: the address that forwards to https://api.coingecko.com/api/v3 (or pro-api for a paid plan). A proxy can add your key itself as the x-cg-demo-api-key / x-cg-pro-api-key header, so the key never travels in a URL; then leave the key empty here (calls are then paced as keyless, with 365 days of history)."
        >
          <Input
            aria-label="CoinGecko base URL"
            placeholder="https://api.coingecko.com/api/v3"
            value={s.coinGecko.baseUrl ?? ""}
            onChange={(_e, d) =>
              props.onSettingsChange({
                ...s,
                coinGecko: { ...s.coinGecko, baseUrl: d.value === "" ? undefined : d.value },
              })
            }
          />
        </Field>
      )}
      {s.provider === "csv" && (
        <Field
          label="CSV prices"
          hint="First column dates (yyyy-mm-dd, oldest first), then one column per symbol; a header row of symbols."
        >
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-label="Choose a CSV file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file === undefined) return;
              void readFileText(file).then((text) =>
                props.onSettingsChange({ ...s, csv: { text, sourceName: file.name } })
              );
            }}
          />
          <Textarea
            aria-label="CSV text"
            resize="vertical"
            placeholder={"date,BTC,ETH\n2024-01-01,42280,2352\n2024-01-02,44950,2356"}
            value={s.csv.text ?? ""}
            onChange={(_e, d) =>
              props.onSettingsChange({ ...s, csv: { text: d.value, sourceName: "pasted CSV" } })
            }
          />
          {s.csv.sourceName !== undefined && <Caption1>Source: {s.csv.sourceName}</Caption1>}
        </Field>
      )}
      {s.provider === "tokenmetrics" && (
        <Field
          label="Token Metrics base URL (optional)"
          hint="For a proxy: the address that forwards to https://api.tokenmetrics.com/v2."
        >
          <Input
            aria-label="Token Metrics base URL"
            placeholder="https://api.tokenmetrics.com/v2"
            value={s.tokenMetrics.baseUrl ?? ""}
            onChange={(_e, d) =>
              props.onSettingsChange({
                ...s,
                tokenMetrics: { ...s.tokenMetrics, baseUrl: d.value === "" ? undefined : d.value },
              })
            }
          />
        </Field>
      )}
      {s.provider === "tokenmetrics" && (
        <Field label="Token Metrics API key" required>
          <Input
            type="password"
            aria-label="Token Metrics API key"
            value={s.tokenMetrics.apiKey ?? ""}
            onChange={(_e, d) =>
              props.onSettingsChange({ ...s, tokenMetrics: { ...s.tokenMetrics, apiKey: d.value } })
            }
          />
        </Field>
      )}
      <Caption1>
        Keys are stored in this browser&rsquo;s add-in storage, never in the workbook, so sharing
        the file never shares them.
      </Caption1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onSave}>
          Save
        </Button>
        <Button onClick={props.onClearCache}>Clear price cache</Button>
      </div>
      {props.saved && (
        <MessageBar intent="success">
          <MessageBarBody>Saved. The next Build or Refresh uses these settings.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={props.error} />
      <Field
        label="Refresh all"
        hint={`Rebuilds ${props.refreshTarget} from the saved provider into Constituents and Prices, then the charts' tables and charts if you drew them. Nothing is written over your cells, and a failed refresh leaves every table as it was.`}
      >
        <div className={styles.row}>
          <Button disabled={props.refreshing} onClick={props.onRefreshAll}>
            {props.refreshing ? "Refreshing…" : "Refresh all"}
          </Button>
        </div>
      </Field>
      {props.refreshSummary !== undefined && props.error === undefined && !props.refreshing && (
        <MessageBar intent="success">
          <MessageBarBody>{props.refreshSummary}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Price cache">
        <Caption1>{props.cacheSummary ?? "…"}</Caption1>
      </Field>
    </div>
  );
}
