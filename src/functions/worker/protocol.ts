import { CoreError, type CoreErrorCode, isCoreError } from "../../core/errors";
import { ParseFailure } from "../boundary";

/**
 * What crosses the worker boundary when a background job fails: the fields a `CoreError` carries
 * (code, message, where), or the name and message of anything else. Structured clone would drop
 * the class and the custom fields of an Error, so the worker sends this plain object instead and
 * the pane rebuilds the error before it reaches excelBoundaryAsync, which then shows the same
 * #VALUE!/#N/A message as a call that ran on the pane's thread.
 */
export interface SerialisedError {
  readonly name: string;
  readonly message: string;
  readonly code?: CoreErrorCode;
  readonly argument?: string;
  readonly row?: number;
  readonly column?: number;
  readonly label?: string;
  /** A ParseFailure's kind ("value" → #VALUE!, "na" → #N/A). */
  readonly kind?: "value" | "na";
}

/** A background job's answer: its value, or the error it threw. */
export type JobReply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SerialisedError };

/**
 * The plain-object form of a thrown value, keeping a CoreError's code and location and a
 * ParseFailure's kind.
 * Complexity: O(1).
 * @example serialiseError(new CoreError("ZERO_VARIANCE", "BTC never moves")).code; // => "ZERO_VARIANCE"
 */
export function serialiseError(error: unknown): SerialisedError {
  if (isCoreError(error)) {
    return {
      name: "CoreError",
      message: error.message,
      code: error.code,
      argument: error.argument,
      row: error.row,
      column: error.column,
      label: error.label,
    };
  }
  if (error instanceof ParseFailure) {
    return { name: "ParseFailure", message: error.message, kind: error.kind };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

/**
 * The error a serialised one stands for: a real CoreError or ParseFailure (so the boundary maps it
 * exactly as on the pane's thread), else an Error with the original name and message.
 * Complexity: O(1).
 */
export function reviveError(serialised: SerialisedError): Error {
  if (serialised.name === "CoreError" && serialised.code !== undefined) {
    return new CoreError(serialised.code, serialised.message, {
      argument: serialised.argument,
      row: serialised.row,
      column: serialised.column,
      label: serialised.label,
    });
  }
  if (serialised.name === "ParseFailure" && serialised.kind !== undefined) {
    return new ParseFailure(serialised.message, serialised.kind);
  }
  const error = new Error(serialised.message);
  error.name = serialised.name;
  return error;
}

/** Runs a job and captures its result or failure as a reply that structured clone keeps intact. */
export function replyOf<T>(run: () => T): JobReply<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: serialiseError(error) };
  }
}

/**
 * As {@link replyOf}, for a job that may return a promise (downsideWeights awaits the LP solver):
 * the reply is made once the promise settles, so structured clone sees the value, never a promise.
 * Complexity: that of the job.
 */
export async function replyOfAsync<T>(run: () => T | Promise<T>): Promise<JobReply<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: serialiseError(error) };
  }
}

/**
 * The ArrayBuffers behind the typed arrays inside a job's input or reply (plain objects and arrays,
 * a few levels deep), to post as transferables: the receiver then owns the memory and nothing is
 * copied. A typed array that is a view on part of a larger buffer is left out, because moving the
 * buffer would detach memory its owner still uses; structured clone copies that one instead.
 * Complexity: O(number of fields visited), at most 4 levels deep.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  collect(value, 0, found);
  return [...found];
}

const MAX_DEPTH = 4;

function collect(value: unknown, depth: number, found: Set<ArrayBuffer>): void {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return;
  if (ArrayBuffer.isView(value)) {
    if (spansWholeBuffer(value)) found.add(value.buffer as ArrayBuffer);
    return;
  }
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) collect(child, depth + 1, found);
}

/**
 * Whether a typed array covers all of a plain ArrayBuffer (not a SharedArrayBuffer, not part of a
 * larger buffer): only then may its buffer move to another thread without detaching memory some
 * other view still uses. Checked by tag rather than instanceof, which fails across realms.
 */
export function spansWholeBuffer(view: ArrayBufferView): boolean {
  const buffer = view.buffer;
  return (
    Object.prototype.toString.call(buffer) === "[object ArrayBuffer]" &&
    view.byteOffset === 0 &&
    view.byteLength === buffer.byteLength
  );
}
