import { CoreError } from "../../../src/core/errors";
import { DataError } from "../../../src/data/dataError";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import { describeError } from "../../../src/taskpane/state/describeError";
import { PaneError } from "../../../src/taskpane/state/paneError";

describe("describeError", () => {
  it("gives every kind of failure a title and a sentence with what to do", () => {
    expect(describeError(new PaneError("Add a Units column."))).toEqual({
      title: "Nothing was changed",
      text: "Add a Units column.",
    });
    expect(describeError(new SheetWriteError("clash", "Rename that table.")).text).toBe(
      "Rename that table."
    );
    const network = describeError(new DataError("network", "Could not reach CoinGecko"));
    expect(network.title).toBe("Could not reach the data provider");
    expect(network.text).toMatch(/demo data.*Your tables were left as they were\.$/);
    expect(describeError(new DataError("badKey", "Refused")).text).toMatch(
      /Check the API key in the Data tab/
    );
    expect(describeError(new DataError("cancelled", "x")).title).toBe("Cancelled");
    expect(describeError(new CoreError("INFEASIBLE", "cap is below 1/N; use 0.2")).text).toBe(
      "cap is below 1/N; use 0.2. Nothing was written."
    );
    const odd = describeError("boom");
    expect(odd.title).toBe("Something went wrong");
    expect(odd.text).toMatch(/^boom\. Nothing was written; try again/);
    expect(describeError(new Error("")).text).toMatch(/^unknown error/);
  });
});
