/**
 * How Excel hands a single cell to a custom function: a number, a string (text or "" for an empty
 * cell in some hosts), a boolean, null (an empty cell on the web, or an omitted argument), an
 * error value when `allowErrorForDataTypeAny` is set, or, with `allowCustomDataForDataTypeAny`, a
 * data type as the Excel JavaScript API writes it (`{type: "Double", basicValue: 1.5,
 * numberFormat}`, `{type: "FormattedNumber", basicValue}`, `{type: "Entity", text, properties}`,
 * `{type: "Error", basicValue: "#N/A"}`, `{type: "WebImage", address}` …; Microsoft's "Use data
 * types with custom functions in Excel").
 */
export type ExcelCell = unknown;

/**
 * True for what Excel passes for an empty cell: null, undefined or "" (and whitespace-only text),
 * and for an Invocation object (see {@link isInvocationLike}) where an optional argument was
 * expected: while Excel still runs on a cached functions.json that lacks a new optional parameter
 * (it caches it up to a day, office-js #2777/#4722) that slot receives the Invocation, which must
 * read as "omitted", not as a bad value. Only objects reach the Invocation test, so the usual
 * number and text cells cost what they did.
 */
export function isBlankCell(cell: ExcelCell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.trim() === "";
  return typeof cell === "object" && isInvocationLike(cell);
}

/** Members of CustomFunctions.Invocation (and its streaming and cancelable kinds). */
const INVOCATION_KEYS = [
  "functionName",
  "address",
  "parameterAddresses",
  "setResult",
  "onCanceled",
  "isInValuePreview",
] as const;

/**
 * True for what looks like a CustomFunctions.Invocation rather than a cell: a non-array object
 * with an Invocation member (functionName, address, parameterAddresses, setResult, onCanceled,
 * isInValuePreview) and neither a data type's `type` nor an error's `code` (a WebImage data type
 * also has an `address`).
 *
 * Complexity: O(1).
 *
 * @example isInvocationLike({ functionName: "DIVERSIFY.VAR", address: "Sheet1!B2" }); // => true
 */
export function isInvocationLike(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if ("type" in value || "code" in value) return false;
  return INVOCATION_KEYS.some((key) => key in value);
}

/** True when the cell is an Excel error passed in (e.g. #N/A in a source range), either shape. */
export function isErrorCell(cell: ExcelCell): boolean {
  if (typeof cell !== "object" || cell === null) return false;
  if ("code" in cell && typeof (cell as { code: unknown }).code === "string") return true;
  return (cell as { type?: unknown }).type === "Error";
}

/**
 * The number a data type stands for when it has one: the `basicValue` of a Double or
 * FormattedNumber (a number with a number format, as HISTORY's dates would be if formatted), so
 * such cells are read as the number they show. Undefined for every other value; callers ask only
 * after the plain-number check failed, keeping that path fast.
 *
 * Complexity: O(1).
 *
 * @example numericDataTypeValue({ type: "FormattedNumber", basicValue: 0.25, numberFormat: "0%" }); // => 0.25
 */
export function numericDataTypeValue(cell: ExcelCell): number | undefined {
  if (typeof cell !== "object" || cell === null) return undefined;
  const { type, basicValue } = cell as { type?: unknown; basicValue?: unknown };
  if ((type === "Double" || type === "FormattedNumber") && typeof basicValue === "number") {
    return basicValue;
  }
  return undefined;
}

/**
 * Describes a cell value in words for an error message ("text \"abc\"", "TRUE", "the error
 * #N/A", "the data type \"Bitcoin\" (an entity)"); never "[object Object]", whatever Excel passed.
 */
export function describeCell(cell: ExcelCell): string {
  if (typeof cell === "string")
    return `text "${cell.length > 30 ? cell.slice(0, 27) + "…" : cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "object" && cell !== null) return describeObjectCell(cell);
  return "an unreadable value";
}

/** The slow path of {@link describeCell}: errors of either shape and data types. */
function describeObjectCell(cell: object): string {
  if (Array.isArray(cell)) return "a range where one cell was expected";
  if ("code" in cell && typeof (cell as { code: unknown }).code === "string") {
    return `the error ${(cell as { code: string }).code}`;
  }
  const { type, basicValue, text } = cell as {
    type?: unknown;
    basicValue?: unknown;
    text?: unknown;
  };
  const shown = typeof text === "string" ? text : typeof basicValue === "string" ? basicValue : "";
  const name = shown.length > 30 ? shown.slice(0, 27) + "…" : shown;
  switch (type) {
    case "Error":
      return `the error ${typeof basicValue === "string" ? basicValue : "#VALUE!"}`;
    case "Entity":
    case "LinkedEntity":
      return `the data type "${name}" (an entity card: refer to one of its fields, e.g. =A2.Price)`;
    case "WebImage":
      return "an image (a WebImage data type)";
    case "Array":
      return "an array data type";
    case "String":
    case "Boolean":
    case "Double":
    case "FormattedNumber":
      return `the ${type} data type ${typeof basicValue === "string" ? `"${name}"` : String(basicValue)}`;
    default:
      return typeof type === "string"
        ? `a ${type} data type`
        : "a value that is not a number, text, TRUE/FALSE or an error";
  }
}

/** Excel's A1 column letters for a 0-based column index (0 → "A", 26 → "AA"). */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** True for an omitted argument or a range that is a single blank cell (what Excel passes for either). */
export function isOmitted(value: unknown): boolean {
  if (Array.isArray(value)) {
    return (
      value.length === 0 ||
      (value.length === 1 &&
        (!Array.isArray(value[0])
          ? isBlankCell(value[0])
          : value[0].length <= 1 && isBlankCell(value[0][0])))
    );
  }
  return isBlankCell(value);
}
