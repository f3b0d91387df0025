import { RebalanceTab } from "../../../src/taskpane/components/RebalanceTab";
import { textOf } from "../helpers/textOf";

const noop = () => undefined;
const inputs = { bandPercent: "5", minTrade: "10", feeBps: "10" };

describe("RebalanceTab", () => {
  it("shows a notice or an error instead of a summary", () => {
    const text = textOf(
      <RebalanceTab
        inputs={inputs}
        busy={false}
        demo={false}
        notice="Created the Holdings table."
        error={{ title: "Nothing was changed", text: "Holdings lists BTC twice (row 2)." }}
        onInputsChange={noop}
        onRun={noop}
      />
    );
    expect(text).toMatch(/Created the Holdings table\./);
    expect(text).toMatch(/Nothing was changed Holdings lists BTC twice \(row 2\)\./);
    expect(text).not.toMatch(/Trades are in the Rebalance table/);
  });

  it("shows the inputs, and the summary with its demo label", () => {
    const text = textOf(
      <RebalanceTab
        inputs={{ bandPercent: "5", minTrade: "10", feeBps: "10" }}
        busy={false}
        demo
        summary="Portfolio 400: 2 trades."
        onInputsChange={noop}
        onRun={noop}
      />
    );
    expect(text).toMatch(/Band ± %/);
    expect(text).toMatch(/Fee \(bps\)/);
    expect(text).toMatch(
      /Portfolio 400: 2 trades\. Trades are in the Rebalance table \(priced with demo data\)\./
    );
  });
});
