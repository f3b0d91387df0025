import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { checkRequirementSets, hostIsSetSupported } from "./excel/requirementSets";
import { writeOwnedTables } from "./excel/writeOwnedTables";
import { createPaneContext } from "./state/paneContext";

/* The shared runtime loads this page (and the custom functions with it) when the workbook opens,
 * even with the pane closed; Office.onReady waits for the host before rendering. */
function render(host: string | null): void {
  const container = document.getElementById("container");
  if (container === null) return;
  // Checked once at start-up: a part whose requirement set this Excel lacks says so and stays off.
  const requirements = host === null ? [] : checkRequirementSets(hostIsSetSupported()).messages;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} context={createPaneContext()} requirementNotices={requirements} />
    </FluentProvider>
  );
}

/* Under the browser tests' Office double (never in Excel), expose the writer so the suite can
 * measure a write larger than the demo universe allows (5 years × 50 symbols). */
const testWindow = window as unknown as { __fakeWorkbook?: unknown; __diversifyWriter?: unknown };
if (testWindow.__fakeWorkbook !== undefined) testWindow.__diversifyWriter = writeOwnedTables;

if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host === null ? null : String(info.host)));
} else {
  render(null);
}
