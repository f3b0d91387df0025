import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ErrorMessage } from "../state/describeError";
import { ErrorBar } from "./ErrorBar";

/** The last successful run, for the status line. */
export interface ChartsStatus {
  readonly assets: number;
  readonly days: number;
  readonly points: number;
  readonly created: number;
  readonly updated: number;
  readonly demo: boolean;
}

export interface ChartsTabProps {
  readonly busy: boolean;
  /** True once the charts exist (this session), so the button says Update. */
  readonly drawn: boolean;
  readonly status?: ChartsStatus;
  readonly error?: ErrorMessage;
  onDraw(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Charts tab: the efficient frontier, the index weights and the drawdowns, on the Charts sheet. */
export function ChartsTab(props: ChartsTabProps) {
  const styles = useStyles();
  const s = props.status;
  return (
    <div className={styles.root}>
      <Caption1>
        Draws three charts on the Charts sheet from the Prices and Constituents tables:
      </Caption1>
      <ul className={styles.list}>
        <li>
          <Caption1>
            Efficient frontier: annualised volatility against return of the long-only portfolios of
            the index&rsquo;s tokens (table Frontier).
          </Caption1>
        </li>
        <li>
          <Caption1>Index weights: one bar per token (table Constituents).</Caption1>
        </li>
        <li>
          <Caption1>
            Drawdowns: each token&rsquo;s fall from its running peak (table Drawdowns).
          </Caption1>
        </li>
      </ul>
      <Button appearance="primary" disabled={props.busy} onClick={props.onDraw}>
        {props.drawn ? "Update charts" : "Insert charts"}
      </Button>
      <ErrorBar error={props.error} />
      {s !== undefined && !props.busy && (
        <MessageBar intent="success">
          <MessageBarBody>
            {s.created > 0 ? `Inserted ${s.created}` : "Updated"}
            {s.created > 0 && s.updated > 0 ? ` and updated ${s.updated}` : ""} charts on the Charts
            sheet: a frontier of {s.points} points over {s.assets} tokens and {s.days} days of
            prices
            {s.demo ? " (demo data: simulated prices)." : "."}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1>
        The charts are found again by name: Update redraws them from the current tables and keeps
        where you put them. Build or refresh the index first.
      </Caption1>
    </div>
  );
}
