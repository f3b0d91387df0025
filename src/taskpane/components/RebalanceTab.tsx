import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ErrorMessage } from "../state/describeError";
import { ErrorBar } from "./ErrorBar";

/** The text of the three inputs, as typed (validated on submit). */
export interface RebalanceInputs {
  /** Percent, e.g. "5" for ±5 points. */
  readonly bandPercent: string;
  /** Currency. */
  readonly minTrade: string;
  /** Basis points. */
  readonly feeBps: string;
}

export interface RebalanceTabProps {
  readonly inputs: RebalanceInputs;
  readonly busy: boolean;
  readonly demo: boolean;
  readonly summary?: string;
  readonly notice?: string;
  readonly error?: ErrorMessage;
  onInputsChange(inputs: RebalanceInputs): void;
  onRun(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  inputs: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  input: { width: "100%", minWidth: 0 },
});

/** Rebalance tab: band, minimum trade and fee; suggests trades from Holdings to the index weights. */
export function RebalanceTab(props: RebalanceTabProps) {
  const styles = useStyles();
  const set = (part: Partial<RebalanceInputs>) =>
    props.onInputsChange({ ...props.inputs, ...part });
  return (
    <div className={styles.root}>
      <Caption1>
        Type your units in the Holdings table (Symbol, Units). Trades bring every token outside the
        band back to its weight in the Constituents table, at the last prices of the Prices table.
      </Caption1>
      <div className={styles.inputs}>
        <Field label="Band ± %">
          <Input
            className={styles.input}
            aria-label="Band (percent)"
            inputMode="decimal"
            value={props.inputs.bandPercent}
            onChange={(_e, d) => set({ bandPercent: d.value })}
          />
        </Field>
        <Field label="Min trade">
          <Input
            className={styles.input}
            aria-label="Minimum trade"
            inputMode="decimal"
            value={props.inputs.minTrade}
            onChange={(_e, d) => set({ minTrade: d.value })}
          />
        </Field>
        <Field label="Fee (bps)">
          <Input
            className={styles.input}
            aria-label="Fee (basis points)"
            inputMode="decimal"
            value={props.inputs.feeBps}
            onChange={(_e, d) => set({ feeBps: d.value })}
          />
        </Field>
      </div>
      <Button appearance="primary" disabled={props.busy} onClick={props.onRun}>
        Suggest trades
      </Button>
      <ErrorBar error={props.error} />
      {props.notice !== undefined && (
        <MessageBar intent="info">
          <MessageBarBody>{props.notice}</MessageBarBody>
        </MessageBar>
      )}
      {props.summary !== undefined && (
        <MessageBar intent="success">
          <MessageBarBody>
            {props.summary} Trades are in the Rebalance table
            {props.demo ? " (priced with demo data)." : "."}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
