import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DataSettings } from "../../data/settings";
import type { ErrorMessage } from "../state/describeError";
import { ErrorBar } from "./ErrorBar";

export interface DataTabProps {
  readonly settings: DataSettings;
  readonly cacheSummary?: string;
  readonly saved: boolean;
  readonly error?: ErrorMessage;
  onSettingsChange(settings: DataSettings): void;
  onSave(): void;
  onClearCache(): void;
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
  ];

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
      <Field label="Price cache">
        <Caption1>{props.cacheSummary ?? "…"}</Caption1>
      </Field>
    </div>
  );
}
