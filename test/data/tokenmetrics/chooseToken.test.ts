import { chooseToken, type OhlcvPoint } from "../../../src/data/tokenmetrics/chooseToken";

const point = (
  tokenId: string,
  tokenName: string,
  day: number,
  close: number,
  volume: number
): OhlcvPoint => Object.freeze({ tokenId, tokenName, symbol: "BTC", day, close, volume });

/** Two days of the captured symbol=BTC answer (token-metrics/tmai-api examples/example_usage.ipynb). */
const CAPTURED: OhlcvPoint[] = [
  point("35621", "batcat", 20014, 0.000398, 4.415917e4),
  point("3375", "Bitcoin", 20014, 68216, 3.608203e10),
  point("3375", "Bitcoin", 20013, 67440, 3.488044e10),
  point("33649", "BlackrockTradingCurrency", 20013, 0.029492, 0),
  point("39218", "Osmosis allBTC", 20013, 66905, 8.390969e5),
];

describe("chooseToken", () => {
  it("groups by TOKEN_ID and picks the most traded (Bitcoin: 68216 × 3.6e10 + 67440 × 3.5e10 dwarfs the rest)", () => {
    const choice = chooseToken(Object.freeze([...CAPTURED]));
    expect(choice?.reason).toBe("traded");
    expect(choice?.chosen.tokenId).toBe("3375");
    expect(choice?.chosen.points.map((p) => p.close)).toEqual([68216, 67440]);
    // Osmosis allBTC 66905 × 8.4e5 ≈ 5.6e10 > batcat 17.6 > Blackrock 0 (no volume).
    expect(choice?.others.map((s) => s.tokenId)).toEqual(["39218", "35621", "33649"]);
  });

  it("takes the preferred TOKEN_ID when it is among the rows, even a small one", () => {
    expect(chooseToken(CAPTURED, "35621")?.chosen.tokenName).toBe("batcat");
    expect(chooseToken(CAPTURED, "35621")?.reason).toBe("preferred");
    expect(chooseToken(CAPTURED, "999")?.chosen.tokenId).toBe("3375");
  });

  it("says 'only' for one token, undefined for none, and breaks ties by the smaller id", () => {
    expect(chooseToken(CAPTURED.filter((p) => p.tokenId === "3375"))?.reason).toBe("only");
    expect(chooseToken([])).toBeUndefined();
    const tie = chooseToken([point("50", "B", 1, NaN, 1), point("7", "A", 1, NaN, 1)]);
    expect(tie?.chosen.tokenId).toBe("7");
  });
});
