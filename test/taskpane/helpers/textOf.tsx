import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";

/** Server-renders a component in the Fluent theme and returns its visible text (tags and styles stripped). */
export function textOf(element: ReactElement): string {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>{element}</FluentProvider>
  );
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}
