import { type Parsed, invalid, ok } from "./result";
import { isBlankCell, describeCell } from "./cell";

/**
 * Parses an optional option-word argument, case-insensitively, against the allowed words.
 * An omitted argument (null, or a blank cell) gives the default.
 *
 * @example parseChoice("LOG", "method", ["simple", "log"], "simple"); // => {ok: true, data: "log"}
 */
export function parseChoice<T extends string>(
  value: unknown,
  argument: string,
  choices: readonly T[],
  defaultChoice: T
): Parsed<T> {
  if (isBlankCell(value)) return ok(defaultChoice);
  if (typeof value !== "string") {
    return invalid(`${argument} must be ${listChoices(choices)}; got ${describeCell(value)}`);
  }
  const word = value.trim().toLowerCase();
  const match = choices.find((choice) => choice === word);
  if (match === undefined) {
    return invalid(`${argument} must be ${listChoices(choices)}; got "${value}"`);
  }
  return ok(match);
}

/** `"a", "b" or "c"` for an error message. */
export function listChoices(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `"${choice}"`);
  if (quoted.length === 1) return quoted[0];
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}
