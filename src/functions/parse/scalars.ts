import { type Parsed, invalid, ok } from "./result";
import { describeCell, isBlankCell, numericDataTypeValue } from "./cell";

/** Bounds for {@link parseNumber}; all optional. */
export interface NumberRule {
  /** Smallest allowed value (inclusive unless `aboveMin`). */
  readonly min?: number;
  /** Largest allowed value (inclusive unless `belowMax`). */
  readonly max?: number;
  readonly aboveMin?: boolean;
  readonly belowMax?: boolean;
  /** Must be a whole number. */
  readonly integer?: boolean;
  /** How to state the rule in a message, e.g. "a confidence between 0 and 1, like 0.95". */
  readonly expected: string;
}

/**
 * Parses an optional numeric argument. Omitted (null or a blank cell) gives the default; numeric
 * text such as "0.95" or "5%" is accepted because users type options as text; anything else,
 * or a number outside the rule, is a #VALUE! reason that states the rule and what was given.
 * A Double or FormattedNumber data type counts as its number (see numericDataTypeValue); an
 * Invocation in the slot (stale cached metadata) counts as omitted (see isBlankCell).
 */
export function parseNumber(
  value: unknown,
  argument: string,
  defaultValue: number,
  rule: NumberRule
): Parsed<number> {
  if (isBlankCell(value)) return ok(defaultValue);
  let number: number;
  if (typeof value === "number") {
    number = value;
  } else if (numericDataTypeValue(value) !== undefined) {
    number = numericDataTypeValue(value) as number;
  } else if (
    typeof value === "string" &&
    /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*%?\s*$/i.test(value)
  ) {
    const trimmed = value.trim();
    number = trimmed.endsWith("%") ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
  } else {
    return invalid(`${argument} must be ${rule.expected}; got ${describeCell(value)}`);
  }
  const outside =
    !Number.isFinite(number) ||
    (rule.min !== undefined && (rule.aboveMin ? number <= rule.min : number < rule.min)) ||
    (rule.max !== undefined && (rule.belowMax ? number >= rule.max : number > rule.max)) ||
    (rule.integer === true && !Number.isInteger(number));
  return outside ? invalid(`${argument} must be ${rule.expected}; got ${number}`) : ok(number);
}

/** Periods per year: 365 by default (crypto trades every day); 252, 52, 12 or any positive number. */
export function parsePeriodsPerYear(value: unknown): Parsed<number> {
  return parseNumber(value, "ppy", 365, {
    min: 0,
    aboveMin: true,
    max: 366 * 24 * 60,
    expected: "the number of periods per year, e.g. 365 (daily crypto), 252, 52 or 12",
  });
}

/** An annual rate such as the risk-free rate: a decimal (0.04) or a percentage text ("4%"). */
export function parseAnnualRate(value: unknown, argument: string): Parsed<number> {
  return parseNumber(value, argument, 0, {
    min: -1,
    aboveMin: true,
    max: 10,
    expected: "an annual rate as a decimal, e.g. 0.04 for 4 %",
  });
}

/** TRUE/FALSE, 1/0 or the words "true"/"false"/"yes"/"no"; omitted gives the default. */
export function parseBoolean(
  value: unknown,
  argument: string,
  defaultValue: boolean
): Parsed<boolean> {
  if (isBlankCell(value)) return ok(defaultValue);
  if (typeof value === "boolean") return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "true" || word === "yes") return ok(true);
    if (word === "false" || word === "no") return ok(false);
  }
  return invalid(`${argument} must be TRUE or FALSE; got ${describeCell(value)}`);
}
