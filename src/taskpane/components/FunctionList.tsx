import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

/** The part of a functions.json entry the pane shows. */
export interface FunctionSummary {
  readonly name: string;
  readonly description?: string;
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly optional?: boolean }>;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalS },
  signature: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** `DIVERSIFY.RETURNS(prices, [method])` from a metadata entry. */
export function signatureOf(fn: FunctionSummary): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `DIVERSIFY.${fn.name}(${params})`;
}

/** The available custom functions with their signatures and descriptions. */
export function FunctionList(props: { functions: readonly FunctionSummary[] }) {
  const styles = useStyles();
  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">Functions ({props.functions.length})</Subtitle2>} />
      <ul className={styles.list}>
        {props.functions.map((fn) => (
          <li key={fn.name} className={styles.item}>
            <Body1 className={styles.signature}>{signatureOf(fn)}</Body1>
            <br />
            <Caption1>{fn.description}</Caption1>
          </li>
        ))}
      </ul>
    </Card>
  );
}
