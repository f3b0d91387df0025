import { describeCell, isErrorCell, numericDataTypeValue } from "../../../src/functions/parse/cell";
import { dayNumbers } from "../../../src/functions/parse/dates";
import { parseChoice } from "../../../src/functions/parse/options";
import { parsePriceRange } from "../../../src/functions/parse/priceRange";
import { parseBoolean, parseNumber } from "../../../src/functions/parse/scalars";
import { parseSquareMatrix } from "../../../src/functions/parse/squareMatrix";
import { parseLabels, parseVector } from "../../../src/functions/parse/vector";

/**
 * Cells as Excel passes them with allowCustomDataForDataTypeAny / allowErrorForDataTypeAny, in the
 * Excel JavaScript API's data-type JSON (Microsoft's "Use data types with custom functions").
 */
const DOUBLE = { type: "Double", basicValue: 0.25, numberFormat: "0%" };
const FORMATTED = { type: "FormattedNumber", basicValue: 42000, numberFormat: "$#,##0" };
const ENTITY = {
  type: "Entity",
  text: "Bitcoin",
  properties: { Price: { type: "Double", basicValue: 1 } },
};
const LINKED = { type: "LinkedEntity", text: "Microsoft", id: { entityId: "x" } };
const IMAGE = { type: "WebImage", address: "https://example.invalid/btc.png" };
const ERROR_TYPE = { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" };
const ERROR_OBJECT = { code: "#N/A", message: "no price" };
const ARRAY = { type: "Array", elements: [[1, 2]] };
const STRANGE = { something: 1 };

describe("describeCell names every kind Excel may pass, never [object Object]", () => {
  it.each([
    [
      ENTITY,
      /the data type "Bitcoin" \(an entity card: refer to one of its fields, e\.g\. =A2\.Price\)/,
    ],
    [LINKED, /the data type "Microsoft" \(an entity card/],
    [IMAGE, /an image \(a WebImage data type\)/],
    [ERROR_TYPE, /^the error #DIV\/0!$/],
    [ERROR_OBJECT, /^the error #N\/A$/],
    [ARRAY, /an array data type/],
    [DOUBLE, /the Double data type 0\.25/],
    [STRANGE, /a value that is not a number, text, TRUE\/FALSE or an error/],
    [[[1]], /a range where one cell was expected/],
  ])("%j", (cell, expected) => {
    expect(describeCell(cell)).toMatch(expected);
    expect(describeCell(cell)).not.toMatch(/object Object/);
  });

  it("both error shapes are errors", () => {
    expect(isErrorCell(ERROR_TYPE)).toBe(true);
    expect(isErrorCell(ERROR_OBJECT)).toBe(true);
    expect(isErrorCell(ENTITY)).toBe(false);
  });
});

describe("a data type with a basic number is read as that number", () => {
  it("numericDataTypeValue: Double and FormattedNumber only", () => {
    expect(numericDataTypeValue(DOUBLE)).toBe(0.25);
    expect(numericDataTypeValue(FORMATTED)).toBe(42000);
    expect(numericDataTypeValue(ENTITY)).toBeUndefined();
    expect(numericDataTypeValue({ type: "Double", basicValue: "1" })).toBeUndefined();
    expect(numericDataTypeValue(3)).toBeUndefined();
  });

  it("scalars", () => {
    expect(parseNumber(DOUBLE, "confidence", 0.95, { min: 0, max: 1, expected: "x" })).toEqual({
      ok: true,
      data: 0.25,
    });
  });

  it("vectors", () => {
    const parsed = parseVector([[DOUBLE], [0.75]], "weights");
    expect(parsed.ok && Array.from(parsed.data.values)).toEqual([0.25, 0.75]);
  });

  it("price ranges, with a formatted date column", () => {
    const day = { type: "FormattedNumber", basicValue: 45658, numberFormat: "yyyy-mm-dd" };
    const parsed = parsePriceRange([
      ["Date", "BTC"],
      [day, FORMATTED],
      [45659, 43000],
    ]);
    expect(parsed.ok && Array.from(parsed.data.data)).toEqual([42000, 43000]);
    expect(parsed.ok && Array.from(dayNumbers(parsed.data.dates, 2, 2))).toEqual([20089, 20090]);
  });

  it("square matrices", () => {
    const parsed = parseSquareMatrix([[DOUBLE]], "cov");
    expect(parsed.ok && Array.from(parsed.data.data)).toEqual([0.25]);
  });
});

describe("a data type without a number is a bad cell naming the cell", () => {
  it.each([
    ["an entity", ENTITY, /the data type "Bitcoin"/],
    ["an image", IMAGE, /an image/],
    ["an error data type", ERROR_TYPE, /the error #DIV\/0!; fix the source cell/],
    ["an unknown object", STRANGE, /not a number, text, TRUE\/FALSE or an error/],
  ])("%s in a price range", (_, cell, expected) => {
    const parsed = parsePriceRange([
      ["Date", "BTC"],
      [45658, 1],
      [45659, cell],
    ]);
    expect(parsed).toMatchObject({ ok: false, row: 2, column: 1 });
    expect(!parsed.ok && parsed.reason).toMatch(/^prices: cell B3 \(BTC\) holds /);
    expect(!parsed.ok && parsed.reason).toMatch(expected);
  });

  it("in a vector, a matrix, the scalars and a date column", () => {
    expect(parseVector([[1], [ENTITY]], "weights")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^weights: cell A2 holds the data type "Bitcoin"/),
    });
    expect(parseSquareMatrix([[IMAGE]], "cov")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^cov: cell A1 holds an image/),
    });
    expect(parseNumber(ENTITY, "rf", 0, { expected: "a rate" })).toMatchObject({
      reason:
        'rf must be a rate; got the data type "Bitcoin" (an entity card: refer to one of its fields, e.g. =A2.Price)',
    });
    expect(parseBoolean(ERROR_OBJECT, "asPercent", false)).toMatchObject({
      reason: "asPercent must be TRUE or FALSE; got the error #N/A",
    });
    expect(parseChoice(ARRAY, "method", ["simple"] as const, "simple")).toMatchObject({
      reason: 'method must be "simple"; got an array data type',
    });
    expect(parseLabels([[ERROR_TYPE]], "sectors")).toMatchObject({
      reason: expect.stringMatching(/sectors: cell A1 holds the error #DIV\/0!/),
    });
    expect(() => dayNumbers([45658, ENTITY], 2, 2)).toThrow(
      /the Date in row 3 holds the data type "Bitcoin"/
    );
  });
});
