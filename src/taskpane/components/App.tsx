import { useEffect, useState } from "react";
import {
  Badge,
  Body1,
  Caption1,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FunctionList, type FunctionSummary } from "./FunctionList";

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
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** The task pane's first screen: what Diversify is, where its data comes from, and its functions. */
export function App(props: { host: string | null }) {
  const styles = useStyles();
  const [functions, setFunctions] = useState<FunctionSummary[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);

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
      <Card>
        <CardHeader
          header={<Subtitle2 as="h2">Start with a formula</Subtitle2>}
          action={<Badge appearance="tint">demo data by default</Badge>}
        />
        <Body1 as="p">
          Select a range of prices (dates down, assets across, names in the first row) and type:
        </Body1>
        <code className={styles.code}>=DIVERSIFY.RETURNS(Prices!B1:K1500)</code>
        <Caption1 as="p">Results spill into the cells below and to the right.</Caption1>
      </Card>
      {loadError !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{loadError}</MessageBarBody>
        </MessageBar>
      )}
      {functions !== undefined && <FunctionList functions={functions} />}
    </main>
  );
}
