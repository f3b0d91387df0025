import { blackLitterman as coreBlackLitterman } from "../../src/core/bayesian/blackLitterman";
import { marketImpliedRiskAversion } from "../../src/core/bayesian/marketImpliedRiskAversion";
import { parseViews } from "../../src/core/bayesian/parseViews";
import { covarianceMatrix } from "../../src/core/covariance/covarianceMatrix";
import { pricePanelFromColumns } from "../../src/core/panel/pricePanelFromColumns";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import { blackLitterman } from "../../src/functions/bayesian";
import { rejectionOf } from "../helpers/excelErrorOf";

type Methods = Record<string, (...args: unknown[]) => unknown>;

/**
 * workerpool replaced by a fake pool that runs the real worker entry on structured clones, as
 * postMessage would (the pattern of test/functions/worker/backgroundPool.test.ts), so the
 * worker path is exercised; without a page (the other tests) the pool is never used.
 */
const mockWorkerpool = { methods: {} as Methods, jobs: [] as Array<{ params: unknown[] }> };

jest.mock("workerpool", () => {
  const actual = jest.requireActual("workerpool");
  return {
    ...actual,
    worker: (methods: Methods) => {
      mockWorkerpool.methods = methods;
    },
    pool: () => ({
      exec(method: string, params: unknown[], options: { transfer?: ArrayBuffer[] } = {}) {
        mockWorkerpool.jobs.push({ params });
        return new actual.Promise((resolve: (v: unknown) => void) => {
          const received = structuredClone(params, { transfer: options.transfer ?? [] });
          setTimeout(() => {
            const answer = mockWorkerpool.methods[method](...received) as {
              message: unknown;
              transfer: ArrayBuffer[];
            };
            resolve(structuredClone(answer.message, { transfer: answer.transfer }));
          }, 0);
        });
      },
    }),
  };
});

/** Loads the pool and this catalogue file as a browser page with a Web Worker would see them. */
function loadInPage(): typeof import("../../src/functions/bayesian") {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.document = { currentScript: { src: "https://addin.example/app/functions.js" } };
  scope.Worker = function Worker() {};
  scope.navigator = { hardwareConcurrency: 2 };
  let loaded!: typeof import("../../src/functions/bayesian");
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    require("../../src/functions/worker/backgroundWorker");
    loaded = require("../../src/functions/bayesian");
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  delete scope.document;
  return loaded;
}

/** Calls BLACKLITTERMAN as Excel does: an omitted argument arrives as null, any cell as any type. */
const bl = blackLitterman as (...args: unknown[]) => Promise<unknown[][]>;

// Uncorrelated assets with volatilities 20 %, 40 %, 20 %, as COVMATRIX would spill them.
const COV = [
  ["", "BTC", "ETH", "PAXG"],
  ["BTC", 0.04, 0, 0],
  ["ETH", 0, 0.16, 0],
  ["PAXG", 0, 0, 0.04],
];
const CAPS = [[2], [1], [1]];

// 120 days of three assets; the first (the market for "implied") drifts up so δ is positive.
const PRICES: Array<Array<string | number>> = [["BTC", "ETH", "SOL"]];
for (let t = 0, p = [100, 50, 20]; t < 120; t++) {
  p = p.map((x, j) => x * (1 + 0.004 + 0.02 * (j + 1) * Math.sin(t * (j + 2) * 0.7 + j)));
  PRICES.push([...p]);
}
const PRICE_CAPS = [
  ["BTC", "ETH", "SOL"],
  [1200, 400, 80],
];

/** The core's result on the same prices: sample covariance, δ from the first column unless given. */
function coreOnPrices(
  views: unknown[][],
  options: {
    riskAversion?: number;
    uncertainty?: "helitterman" | "idzorek";
    tau?: number;
    covariance?: Parameters<typeof covarianceMatrix>[1];
  } = {}
) {
  const rows = PRICES.length - 1;
  const labels = PRICES[0] as string[];
  const data = new Float64Array(rows * labels.length);
  labels.forEach((_, j) => {
    for (let t = 0; t < rows; t++) data[j * rows + t] = PRICES[t + 1][j] as number;
  });
  const panel = pricePanelFromColumns(data, rows, { labels });
  const { matrix } = covarianceMatrix(returnsFromPrices(panel), {
    periodsPerYear: 365,
    ...options.covariance,
  });
  return coreBlackLitterman(matrix, parseViews(views, labels), {
    marketCaps: [1200, 400, 80],
    riskAversion: options.riskAversion,
    marketPrices: options.riskAversion === undefined ? data.subarray(0, rows) : undefined,
    uncertainty: options.uncertainty,
    tau: options.tau,
  });
}

function column(out: unknown[][], c: number): number[] {
  return out.slice(1).map((row) => row[c] as number);
}

function expectNoNonFinite(out: unknown[][]): void {
  for (const row of out)
    for (const cell of row) {
      expect(cell).not.toBeNull();
      if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      expect(typeof cell === "object").toBe(false);
    }
}

describe("BLACKLITTERMAN", () => {
  it("matches a hand-worked case: one absolute view on uncorrelated assets", async () => {
    // w = (0.5, 0.25, 0.25), π = δΣw = 2·(0.02, 0.04, 0.01); ETH view 20 %, ω = τσ² = 0.008,
    // μ_ETH = 0.08 + 0.008 · (0.2 − 0.08) / 0.016 = 0.14; Σ_BL,ETH = 0.16 + 0.008 − 0.004 = 0.164.
    const out = await bl(COV, CAPS, [["ETH", 0.2]], 2);
    expect(out[0]).toEqual([
      "Asset",
      "Market weight",
      "Prior return",
      "Posterior return",
      "Weight",
    ]);
    expect(out.map((row) => row[0])).toEqual(["Asset", "BTC", "ETH", "PAXG"]);
    [0.5, 0.25, 0.25].forEach((w, i) => expect(column(out, 1)[i]).toBeCloseTo(w, 14));
    [0.04, 0.08, 0.02].forEach((p, i) => expect(column(out, 2)[i]).toBeCloseTo(p, 14));
    [0.04, 0.14, 0.02].forEach((m, i) => expect(column(out, 3)[i]).toBeCloseTo(m, 14));
    // Weights ∝ Σ_BL⁻¹ μ_BL (He–Litterman), normalised to sum 1.
    const raw = [0.04 / 0.042, 0.14 / 0.164, 0.02 / 0.042];
    const sum = raw.reduce((a, b) => a + b);
    raw.forEach((r, i) => expect(column(out, 4)[i]).toBeCloseTo(r / sum, 12));

    const cov = await bl(COV, CAPS, [["ETH", 0.2]], 2, null, null, null, null, null, "cov");
    expect(cov[0]).toEqual(["", "BTC", "ETH", "PAXG"]);
    expect(cov[2][2]).toBeCloseTo(0.164, 14);
    expect(cov[1][1]).toBeCloseTo(0.042, 14);
    expect(cov[1][2]).toBe(0);
  });

  it("equals the core on prices, with δ implied by the first column, for each output", async () => {
    const views = [
      ["asset", "over", "return", "confidence"],
      ["SOL", "", 0.4, 0.6],
      ["ETH", "BTC", 0.05, 0.3],
    ];
    for (const uncertainty of ["helitterman", "idzorek"] as const) {
      const core = coreOnPrices(views, { uncertainty });
      const table = await bl(PRICES, PRICE_CAPS, views, null, uncertainty);
      expect(table).toHaveLength(4);
      table.forEach((row) => expect(row).toHaveLength(5));
      core.labels.forEach((label, i) => {
        expect(table[i + 1][0]).toBe(label);
        expect(table[i + 1][1]).toBeCloseTo(core.marketWeights?.[i] as number, 14);
        expect(table[i + 1][2]).toBeCloseTo(core.prior[i], 12);
        expect(table[i + 1][3]).toBeCloseTo(core.mu[i], 12);
        expect(table[i + 1][4]).toBeCloseTo(core.weights[i], 10);
      });
      const returns = await bl(
        PRICES,
        PRICE_CAPS,
        views,
        "implied",
        uncertainty,
        null,
        null,
        null,
        null,
        "returns"
      );
      expect(returns[0]).toEqual(["Asset", "Posterior return"]);
      expect(returns.slice(1).map((row) => row[0])).toEqual(["BTC", "ETH", "SOL"]);
      column(returns, 1).forEach((mu, i) => expect(mu).toBeCloseTo(core.mu[i], 12));
      const cov = await bl(
        PRICES,
        PRICE_CAPS,
        views,
        null,
        uncertainty,
        null,
        null,
        null,
        null,
        "COV"
      );
      expect(cov).toHaveLength(4);
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++)
          expect(cov[i + 1][j + 1]).toBeCloseTo(core.cov.data[i * 3 + j], 12);
      const weights = await bl(
        PRICES,
        PRICE_CAPS,
        views,
        null,
        uncertainty,
        null,
        null,
        null,
        null,
        "weights"
      );
      expect(weights[0]).toEqual(["Asset", "Weight"]);
      column(weights, 1).forEach((w, i) => expect(w).toBeCloseTo(core.weights[i], 10));
    }
  });

  it("uses the δ it is given, τ, the estimator and riskFree as the core does", async () => {
    const views = [["SOL", 0.4]];
    const core = coreOnPrices(views, { riskAversion: 3, tau: 0.2 });
    const out = await bl(PRICES, PRICE_CAPS, views, 3, null, 0.2);
    column(out, 3).forEach((mu, i) => expect(mu).toBeCloseTo(core.mu[i], 12));
    // riskFree shifts every prior return by r_f (δ given, so it does not change δ).
    const shifted = await bl(PRICES, PRICE_CAPS, views, 3, null, 0.2, null, null, 0.03);
    column(shifted, 2).forEach((p, i) => expect(p).toBeCloseTo(column(out, 2)[i] + 0.03, 12));
    // The implied δ uses the first column's prices, ppy and riskFree.
    const market = PRICES.slice(1).map((row) => row[0] as number);
    const delta = marketImpliedRiskAversion(market, 252, 0.01);
    const implied = await bl(PRICES, PRICE_CAPS, views, "Implied", null, null, null, 252, 0.01);
    const given = await bl(PRICES, PRICE_CAPS, views, delta, null, null, null, 252, 0.01);
    column(implied, 3).forEach((mu, i) => expect(mu).toBeCloseTo(column(given, 3)[i], 12));
    // Another estimator gives another covariance, so other numbers.
    const shrunk = await bl(PRICES, PRICE_CAPS, views, 3, null, 0.2, "ledoitwolf");
    expect(column(shrunk, 3)[0]).not.toBeCloseTo(column(out, 3)[0], 6);
  });

  it('takes COVMATRIX\'s estimator forms with their number ("gerber 0.7"), as the core estimates them', async () => {
    const views = [["SOL", 0.4]];
    const core = coreOnPrices(views, {
      riskAversion: 3,
      covariance: { estimator: "gerber", threshold: 0.7 },
    });
    const out = await bl(PRICES, PRICE_CAPS, views, 3, null, null, "Gerber 0.7");
    column(out, 3).forEach((mu, i) => expect(mu).toBeCloseTo(core.mu[i], 12));
    expect(
      await rejectionOf(bl(PRICES, PRICE_CAPS, views, 3, null, null, "gerber 2"))
    ).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/strictly between 0 and 1/),
    });
  });

  it("reads what Excel passes: nulls, desktop zeros for blanks, text 40%, labelled caps in any order", async () => {
    const reference = await bl(COV, CAPS, [["ETH", 0.2]], 2);
    // Caps as a labelled column in another order; text numbers; an Invocation in an optional slot.
    const invocation = { functionName: "DIVERSIFY.BLACKLITTERMAN", address: "Sheet1!A1" };
    const again = await bl(
      COV,
      [
        ["PAXG", 1],
        ["BTC", 2],
        ["ETH", 1],
      ],
      [
        ["ETH", "20%"],
        [null, null],
        [0, 0],
      ],
      "2",
      null,
      invocation,
      null,
      null,
      null,
      null
    );
    expect(again).toEqual(reference);
    // Desktop passes a blank "over" and a blank confidence as 0: the view is absolute, and under
    // idzorek a confidence of 0 ignores it (posterior = prior), with no Infinity anywhere.
    const ignored = await bl(COV, CAPS, [["eth", 0, 0.2, 0]], 2, "idzorek");
    expectNoNonFinite(ignored);
    column(ignored, 3).forEach((mu, i) => expect(mu).toBeCloseTo(column(ignored, 2)[i], 15));
    // A return formatted as a number data type counts as its number.
    const typed = await bl(
      COV,
      CAPS,
      [["ETH", { type: "FormattedNumber", basicValue: 0.2, numberFormat: "0%" }]],
      2
    );
    expect(typed).toEqual(reference);
    // "60%" confidence as text, and a full-confidence view holds exactly.
    const sure = await bl(COV, CAPS, [["ETH", "", "20%", "100%"]], 2, "IDZOREK");
    expect(column(sure, 3)[1]).toBeCloseTo(0.2, 14);
    const some = await bl(COV, CAPS, [["ETH", "", "20%", "60%"]], 2, "idzorek");
    // Idzorek: the view moves μ 60 % of the way from π (0.08) to the view (0.2).
    expect(column(some, 3)[1]).toBeCloseTo(0.08 + 0.6 * 0.12, 14);
  });

  it("spills unlabelled prices as bare columns for returns and weights, a labelled table otherwise", async () => {
    const bare = PRICES.slice(1);
    const views = [["Asset 3", 0.4]];
    const returns = await bl(
      bare,
      [[1200, 400, 80]],
      views,
      3,
      null,
      null,
      null,
      null,
      null,
      "returns"
    );
    expect(returns).toHaveLength(3);
    returns.forEach((row) => expect(row).toHaveLength(1));
    const weights = await bl(
      bare,
      [[1200, 400, 80]],
      views,
      3,
      null,
      null,
      null,
      null,
      null,
      "weights"
    );
    expect(weights).toHaveLength(3);
    expect((weights as number[][]).reduce((a, [w]) => a + w, 0)).toBeCloseTo(1, 12);
    const table = await bl(bare, [[1200, 400, 80]], views, 3);
    expect(table.map((row) => row[0])).toEqual(["Asset", "Asset 1", "Asset 2", "Asset 3"]);
    const cov = await bl(bare, [[1200, 400, 80]], views, 3, null, null, null, null, null, "cov");
    expect(cov[0]).toEqual(["", "Asset 1", "Asset 2", "Asset 3"]);
  });

  describe("refuses bad input with #VALUE! naming the argument and the fix", () => {
    const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
      [
        "an unknown view asset",
        () => bl(COV, CAPS, [["DOGE", 0.5]], 2),
        /views: row 1: asset "DOGE" is not among the assets \(BTC, ETH, PAXG\)/,
      ],
      [
        "contradictory views",
        () =>
          bl(
            COV,
            CAPS,
            [
              ["ETH", "BTC", 0.05],
              ["BTC", "ETH", 0.02],
            ],
            2
          ),
        /rows 1 and 2 contradict each other: ETH over BTC by 0.05 and BTC over ETH by 0.02/,
      ],
      [
        "a confidence above 1",
        () => bl(COV, CAPS, [["ETH", "", 0.2, 1.5]], 2, "idzorek"),
        /confidence 1.5 is outside \[0, 1\]/,
      ],
      [
        "a negative confidence",
        () => bl(COV, CAPS, [["ETH", "", 0.2, "-10%"]], 2, "idzorek"),
        /confidence -0.1 is outside \[0, 1\]/,
      ],
      [
        "too few caps",
        () => bl(COV, [[2], [1]], [["ETH", 0.2]], 2),
        /marketCaps has 2 caps but prices have 3 assets \(BTC, ETH, PAXG\); give one cap per asset/,
      ],
      [
        "a cap for an unknown asset",
        () =>
          bl(
            COV,
            [
              ["BTC", "ETH", "DOGE"],
              [2, 1, 1],
            ],
            [["ETH", 0.2]],
            2
          ),
        /marketCaps: "DOGE" is not among the prices' assets/,
      ],
      [
        "a missing cap",
        () =>
          bl(
            COV,
            [
              ["BTC", 2],
              ["ETH", 1],
            ],
            [["ETH", 0.2]],
            2
          ),
        /marketCaps has no cap for PAXG/,
      ],
      [
        "a negative cap",
        () => bl(COV, [[2], [-1], [1]], [["ETH", 0.2]], 2),
        /marketCaps: cell A2 is -1; it must not be negative/,
      ],
      [
        "riskAversion text that is not implied",
        () => bl(COV, CAPS, [["ETH", 0.2]], "high"),
        /riskAversion must be a number above 0 \(2 to 3 is usual\) or "implied".*got text "high"/,
      ],
      [
        "a riskAversion of 0",
        () => bl(COV, CAPS, [["ETH", 0.2]], 0),
        /riskAversion must be a number above 0.*got 0/,
      ],
      [
        "tau of 0",
        () => bl(COV, CAPS, [["ETH", 0.2]], 2, null, 0),
        /tau must be a number above 0 and at most 1.*got 0/,
      ],
      [
        "a negative tau",
        () => bl(COV, CAPS, [["ETH", 0.2]], 2, null, -0.05),
        /tau must be a number above 0 and at most 1.*got -0.05/,
      ],
      [
        "tau above 1",
        () => bl(COV, CAPS, [["ETH", 0.2]], 2, null, 2),
        /tau must be a number above 0 and at most 1.*got 2/,
      ],
      [
        "implied δ from a covariance matrix",
        () => bl(COV, CAPS, [["ETH", 0.2]]),
        /riskAversion "implied" needs prices .* give riskAversion as a number/,
      ],
      [
        "idzorek without confidences",
        () => bl(COV, CAPS, [["ETH", 0.2]], 2, "idzorek"),
        /views have no confidences, which Idzorek's method needs/,
      ],
      [
        "an unknown uncertainty",
        () => bl(COV, CAPS, [["ETH", 0.2]], 2, "bayes"),
        /uncertainty must be "helitterman" or "idzorek"; got "bayes"/,
      ],
      [
        "an unknown output",
        () => bl(COV, CAPS, [["ETH", 0.2]], 2, null, null, null, null, null, "omega"),
        /output must be "table", "returns", "cov" or "weights"; got "omega"/,
      ],
      [
        "an unknown estimator",
        () => bl(PRICES, PRICE_CAPS, [["SOL", 0.4]], 2, null, null, "magic"),
        /estimator must be .*; got "magic"/,
      ],
      [
        "an error value in the views",
        () => bl(COV, CAPS, [["ETH", { type: "Error", basicValue: "#N/A" }]], 2),
        /views: cell B1 holds the error #N\/A; fix the source cell/,
      ],
      [
        "an entity card in the views",
        () => bl(COV, CAPS, [[{ type: "Entity", text: "Ethereum", properties: {} }, 0.2]], 2),
        /views: cell A1 holds the data type "Ethereum" \(an entity card/,
      ],
      [
        "views of one column",
        () => bl(COV, CAPS, [["ETH"]], 2),
        /views has 1 column; give asset \| return/,
      ],
      [
        "a view return that is text",
        () => bl(COV, CAPS, [["ETH", "lots"]], 2),
        /views: row 1 \(ETH\): return is "lots", not a number/,
      ],
    ];
    it.each(cases)("%s", async (_, call, message) => {
      const error = await rejectionOf(call());
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    });
  });

  it("implies δ from a market listed late over its own prices only", async () => {
    // Blanks (desktop zeros) before the market's first price: "not listed yet".
    const late = PRICES.map((row, t) => (t >= 1 && t <= 20 ? [0, ...row.slice(1)] : [...row]));
    const market = PRICES.slice(21).map((row) => row[0] as number);
    const delta = marketImpliedRiskAversion(market, 365, 0);
    const implied = await bl(late, PRICE_CAPS, [["SOL", 0.4]]);
    const given = await bl(late, PRICE_CAPS, [["SOL", 0.4]], delta);
    expect(implied).toEqual(given);
  });

  it("states an implied δ that cannot be had in terms of the arguments", async () => {
    // The market falls: its mean return is below riskFree, so δ would be negative.
    const falling: Array<Array<string | number>> = [["BTC", "ETH"]];
    for (let t = 0; t < 30; t++)
      falling.push([100 * 0.99 ** t * (1 + 0.01 * (t % 2)), 50 + (t % 3)]);
    const error = await rejectionOf(bl(falling, [[2, 1]], [["ETH", 0.2]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /^riskAversion "implied" \(market: first column, BTC\): the market's annualised mean return .* is not above riskFree 0.*give riskAversion directly/
    );
    // A gap inside the market series is refused as in every price range.
    const gap = PRICES.map((row) => [...row]);
    gap[10][0] = "";
    const gapError = await rejectionOf(bl(gap, PRICE_CAPS, [["SOL", 0.4]]));
    expect(gapError.message).toMatch(/^prices: column 1 \(BTC\), row 11 is empty between prices/);
  });

  describe("in a page with a Web Worker", () => {
    afterEach(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      delete scope.Worker;
      delete scope.navigator;
    });

    it("estimates a large covariance in the worker and gives the inline result", async () => {
      // 100 assets × 3,100 returns: above the 15 ms off-thread threshold of estimateCovarianceMs.
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
      const level = new Array<number>(100).fill(100);
      const range: unknown[][] = [level.map((_, j) => `A${j + 1}`)];
      for (let t = 0; t <= 3100; t++)
        range.push(level.map((p, j) => (level[j] = p * (1 + 0.04 * (random() - 0.5)))));
      const caps = [level.map((_, j) => 100 - j)];
      const views = [
        ["A3", "", 0.4],
        ["A5", "A1", "5%"],
      ];
      mockWorkerpool.jobs = [];
      const page = loadInPage() as unknown as { blackLitterman: typeof bl };
      const inWorker = await page.blackLitterman(range, caps, views, 2.5);
      expect(mockWorkerpool.jobs).toHaveLength(1);
      expect(mockWorkerpool.jobs[0].params[0]).toBe("covariance");
      expect(inWorker).toEqual(await bl(range, caps, views, 2.5));
      expect(inWorker).toHaveLength(101);
    });
  });
});
