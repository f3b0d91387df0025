import { ChartsTab } from "../../../src/taskpane/components/ChartsTab";
import { textOf } from "../helpers/textOf";

const noop = () => undefined;
const status = { assets: 40, days: 1826, points: 30, created: 3, updated: 0, demo: true };

describe("ChartsTab", () => {
  it("offers to insert the three charts before any are drawn", () => {
    const text = textOf(<ChartsTab busy={false} drawn={false} onDraw={noop} />);
    expect(text).toMatch(/Insert charts/);
    expect(text).toMatch(/Efficient frontier/);
    expect(text).toMatch(/Index weights/);
    expect(text).toMatch(/Drawdowns/);
    expect(text).not.toMatch(/Inserted/);
  });

  it("reports what was drawn, with the demo label, and offers an update", () => {
    const text = textOf(<ChartsTab busy={false} drawn status={status} onDraw={noop} />);
    expect(text).toMatch(/Update charts/);
    expect(text).toMatch(
      /Inserted 3 charts on the Charts sheet: a frontier of 30 points over 40 tokens and 1826 days of prices \(demo data: simulated prices\)\./
    );
    const updated = textOf(
      <ChartsTab
        busy={false}
        drawn
        status={{ ...status, created: 0, updated: 3, demo: false }}
        onDraw={noop}
      />
    );
    expect(updated).toMatch(/Updated charts on the Charts sheet: .* days of prices\./);
  });

  it("shows an error in plain words, and no status while busy", () => {
    const text = textOf(
      <ChartsTab
        busy
        drawn
        status={status}
        error={{ title: "Nothing was changed", text: "Build an index first." }}
        onDraw={noop}
      />
    );
    expect(text).toMatch(/Nothing was changed Build an index first\./);
    expect(text).not.toMatch(/Inserted/);
  });
});
