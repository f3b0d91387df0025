import { CoreError } from "../../core/errors";
import { DataError } from "../../data/dataError";
import { SheetWriteError } from "../excel/sheetWriteError";
import { PaneError } from "./paneError";

/** What the MessageBar shows: a title and a sentence saying what to do. */
export interface ErrorMessage {
  readonly title: string;
  readonly text: string;
}

const DATA_TITLES: Record<string, string> = {
  badKey: "The data provider refused the API key",
  quota: "The data provider's request limit was reached",
  providerDown: "The data provider is not working right now",
  notFound: "The data provider does not have this",
  timeout: "The data provider did not answer",
  badResponse: "The data provider sent something unexpected",
  network: "Could not reach the data provider",
};

const DATA_ADVICE: Record<string, string> = {
  badKey: "Check the API key in the Data tab.",
  quota:
    "The provider's request limit was reached; wait a minute and try again, or use the demo data.",
  providerDown: "The provider is having trouble; try again later or switch to the demo data.",
  notFound: "",
  timeout: "The provider did not answer in time; check your connection and try again.",
  badResponse: "The provider answered something unexpected; try again later.",
  network: "You can also switch to the demo data in the Data tab; it works offline.",
  cancelled: "",
};

/**
 * Turns any failure into the MessageBar's words: the pane's own and the sheet writer's messages
 * as they are; data-provider errors with advice per kind; core errors (bad weights, too few
 * prices) with their message, which already says what and where; anything else as an unexpected
 * error with a way out. Never an empty message.
 *
 * @example describeError(new DataError("badKey", "Token Metrics refused the key")).title; // => "The data provider refused the request"
 */
export function describeError(error: unknown): ErrorMessage {
  if (error instanceof PaneError) return { title: "Nothing was changed", text: error.message };
  if (error instanceof SheetWriteError) {
    return {
      title: error.kind === "cancelled" ? "Cancelled" : "The workbook was not changed",
      text: error.message,
    };
  }
  if (error instanceof DataError) {
    if (error.kind === "cancelled") return { title: "Cancelled", text: "Nothing was written." };
    const advice = DATA_ADVICE[error.kind] ?? "";
    return {
      title: DATA_TITLES[error.kind] ?? "The data provider refused the request",
      text: `${error.message}.${advice === "" ? "" : ` ${advice}`} Your tables were left as they were.`.replace(
        /\.\./g,
        "."
      ),
    };
  }
  if (error instanceof CoreError) {
    return {
      title: "The numbers do not allow this",
      text: `${error.message}. Nothing was written.`.replace(/\.\./g, "."),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: "Something went wrong",
    text: `${message || "unknown error"}. Nothing was written; try again, and reload the add-in if it persists.`,
  };
}
