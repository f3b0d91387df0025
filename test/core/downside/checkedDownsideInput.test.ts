import { checkedDownsideInput } from "../../../src/core/downside/checkedDownsideInput";
import { codeOf, panelFromRows } from "./downsideTestKit";

describe("checkedDownsideInput", () => {
  const panel = panelFromRows([0.01, 0.03, -0.02, 0.01], 2, 2);

  it("fills the defaults and computes the means", () => {
    const c = checkedDownsideInput(panel, { objective: "minrisk" }, "mincdar", true);
    expect(c.alpha).toBe(0.95);
    expect(c.riskFree).toBe(0);
    expect(c.threshold).toBe(0);
    expect(c.timeLimitSeconds).toBe(30);
    // A: (0.01 − 0.02)/2, B: (0.03 + 0.01)/2.
    expect(c.mean[0]).toBeCloseTo(-0.005, 15);
    expect(c.mean[1]).toBeCloseTo(0.02, 15);
  });

  it("throws one code per precondition, naming the argument", () => {
    expect(
      codeOf(() =>
        checkedDownsideInput(panelFromRows([0.1], 1, 1), { objective: "minrisk" }, "m", false)
      )
    ).toBe("TOO_FEW_POINTS");
    expect(
      codeOf(() =>
        checkedDownsideInput(panelFromRows([0.1, NaN], 2, 1), { objective: "minrisk" }, "m", false)
      )
    ).toBe("NON_FINITE");
    expect(
      codeOf(() => checkedDownsideInput(panel, { objective: "max" as "maxratio" }, "m", false))
    ).toBe("INVALID_ARGUMENT");
    expect(
      codeOf(() => checkedDownsideInput(panel, { objective: "minrisk", alpha: 1.5 }, "m", true))
    ).toBe("INVALID_ARGUMENT");
    expect(
      codeOf(() => checkedDownsideInput(panel, { objective: "minrisk", alpha: 1.5 }, "m", false))
    ).toBe(undefined);
    expect(
      codeOf(() =>
        checkedDownsideInput(panel, { objective: "minrisk", targetReturn: NaN }, "m", false)
      )
    ).toBe("INVALID_ARGUMENT");
    expect(() =>
      checkedDownsideInput(panel, { objective: "maxratio", targetReturn: 0.01 }, "m", false)
    ).toThrow(/targetReturn applies to "minrisk"/);
    expect(() =>
      checkedDownsideInput(
        panelFromRows([0.1, 0.2, NaN, 0.1], 2, 2),
        { objective: "minrisk" },
        "mincdar",
        false
      )
    ).toThrow(/return 2 of column 1 \(A1\) is NaN/);
  });
});
