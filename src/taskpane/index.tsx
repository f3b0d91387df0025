import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

/* The shared runtime loads this page (and the custom functions with it) when the workbook opens,
 * even with the pane closed; Office.onReady waits for the host before rendering. */
function render(host: string | null): void {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host === null ? null : String(info.host)));
} else {
  render(null);
}
