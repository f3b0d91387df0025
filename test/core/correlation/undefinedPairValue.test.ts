import fc from "fast-check";
import { undefinedPairValue } from "../../../src/core/correlation/undefinedPairValue";

const context = {
  argument: "returns",
  labels: ["BTC", "ETH", "SOL"],
  minOverlap: 3,
  policy: "throw" as const,
};

describe("undefinedPairValue", () => {
  it("returns NaN under the 'nan' policy, whatever the reason (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.nat(2),
        fc.boolean(),
        fc.constantFrom("few", "zero"),
        fc.nat(10),
        (i, j, same, reason, n) => {
          expect(
            undefinedPairValue(
              { ...context, policy: "nan" },
              i,
              j,
              same,
              reason as "few" | "zero",
              n
            )
          ).toBeNaN();
        }
      ),
      { numRuns: 50 }
    );
  });

  it("names both assets when their overlap is too short", () => {
    expect(() => undefinedPairValue(context, 0, 2, false, "few", 2)).toThrow(
      'returns: column 1 (BTC) and column 3 (SOL) have 2 rows in common; correlation needs at least 3; use a longer range or pass onUndefinedPair="nan"'
    );
  });

  it("names the asset alone when it has too few values of its own", () => {
    expect(() => undefinedPairValue(context, 2, 2, true, "few", 1)).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS", column: 2, label: "SOL" })
    );
  });

  it("names the constant asset and the overlap it is constant on", () => {
    expect(() => undefinedPairValue(context, 1, 0, false, "zero", 40)).toThrow(
      "returns: column 2 (ETH) has zero variance over the 40 rows it shares with column 1 (BTC); remove it or use a longer window"
    );
    expect(() => undefinedPairValue(context, 1, 0, true, "zero", 40)).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE", label: "ETH" })
    );
  });

  it("does not modify its context", () => {
    const frozen = Object.freeze({ ...context, labels: Object.freeze([...context.labels]) });
    undefinedPairValue({ ...frozen, policy: "nan" }, 0, 1, false, "few", 1);
    expect(frozen.labels).toEqual(["BTC", "ETH", "SOL"]);
  });
});
