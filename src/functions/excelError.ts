/**
 * Creates the error object Excel shows in a cell. In Excel (and the browser contract tests) this is
 * the runtime's `CustomFunctions.Error`; in plain Node, where the runtime is absent (benchmarks,
 * scripts), an object of the same shape, so the functions stay callable everywhere.
 */
export type ExcelErrorKind = "value" | "na";

/** The shape shared by CustomFunctions.Error and the Node fallback. */
export interface ExcelErrorLike {
  readonly code: string;
  readonly message?: string;
}

/** `#VALUE!` or `#N/A` with a message (the only two codes whose message Excel shows). */
export function makeExcelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  // Excel truncates long tooltips; keep the start, which names the argument and the position.
  const text = message.length > 250 ? message.slice(0, 249) + "…" : message;
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const code =
      kind === "na"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, text);
  }
  const fallback = new Error(text) as Error & { code: string };
  fallback.name = "CustomFunctions.Error";
  fallback.code = kind === "na" ? "#N/A" : "#VALUE!";
  return fallback as unknown as CustomFunctions.Error;
}
