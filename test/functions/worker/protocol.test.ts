import { CoreError } from "../../../src/core/errors";
import { ParseFailure, toExcelError } from "../../../src/functions/boundary";
import {
  replyOf,
  reviveError,
  serialiseError,
  transferablesOf,
} from "../../../src/functions/worker/protocol";

/** What a cell shows for a thrown value (code and message), as excelBoundary maps it. */
function cellOf(error: unknown) {
  const excel = toExcelError("CORRMATRIX", error) as unknown as { code: string; message: string };
  return { code: excel.code, message: excel.message };
}

/** A value after the trip to a worker and back: structured clone, as postMessage does. */
function acrossWorker<T>(value: T): T {
  return structuredClone(value);
}

describe("the worker error protocol", () => {
  const cases: Array<[string, unknown]> = [
    [
      "ZERO_VARIANCE → #VALUE!",
      new CoreError("ZERO_VARIANCE", "prices: column 3 (SOL) has zero variance", {
        argument: "prices",
        column: 2,
        label: "SOL",
      }),
    ],
    ["NOT_AVAILABLE → #N/A", new CoreError("NOT_AVAILABLE", "no prices for XYZ yet")],
    ["a parse failure → #VALUE!", new ParseFailure('method must be "erc" or "hrp"', "value")],
    ["a parse failure of kind na → #N/A", new ParseFailure("cell C7 holds #N/A", "na")],
    ["an unexpected error → internal error", new TypeError("x is not a function")],
    ["a thrown string → internal error", "out of memory"],
  ];

  it.each(cases)("%s: the same cell error after serialise, clone and revive", (_, thrown) => {
    const revived = reviveError(acrossWorker(serialiseError(thrown)));
    expect(cellOf(revived)).toEqual(cellOf(thrown));
  });

  it("keeps a CoreError's class, code and location", () => {
    const original = new CoreError("TOO_FEW_POINTS", "window is 90 rows but there are only 40", {
      argument: "window",
      row: 4,
      column: 1,
      label: "ETH",
    });
    const revived = reviveError(acrossWorker(serialiseError(original))) as CoreError;
    expect(revived).toBeInstanceOf(CoreError);
    expect({ ...revived, message: revived.message }).toEqual({
      ...original,
      message: original.message,
    });
  });

  it("shows why the envelope exists: a cloned CoreError loses its code", () => {
    const cloned = acrossWorker(new CoreError("NOT_AVAILABLE", "gone")) as unknown as {
      code?: string;
    };
    expect(cloned.code).toBeUndefined();
  });

  it("replies with the value, or the serialised failure", () => {
    expect(replyOf(() => 42)).toEqual({ ok: true, value: 42 });
    expect(
      replyOf(() => {
        throw new CoreError("INFEASIBLE", "bounds sum above 1");
      })
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ name: "CoreError", code: "INFEASIBLE" }),
    });
  });
});

describe("transferablesOf", () => {
  it("finds whole-buffer typed arrays a few levels deep, once each", () => {
    const data = new Float64Array(6);
    const other = new Float64Array(2);
    const found = transferablesOf({ ok: true, value: { matrix: { data }, extra: [other, data] } });
    expect(found).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining([data.buffer, other.buffer]));
  });

  it("leaves out views on part of a buffer, whose owner still uses the rest", () => {
    const owner = new Float64Array(10);
    expect(transferablesOf({ data: owner.subarray(2, 5) })).toEqual([]);
    expect(transferablesOf({ data: owner.subarray(0, 5) })).toEqual([]);
  });

  it("ignores numbers, strings and null", () => {
    expect(transferablesOf({ a: 1, b: "x", c: null, d: [undefined] })).toEqual([]);
  });
});
