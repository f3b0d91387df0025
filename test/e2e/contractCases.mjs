/**
 * What Excel would pass to each custom function, and what the cell must then show. Every id in
 * functions.json must have cases here (the contract test fails otherwise). `expect` is either
 * { rows, cols } for a spill of that shape, or { error: "#VALUE!" | "#N/A", message: RegExp }.
 */
const PRICES = [
  ["BTC", "ETH", "SOL"],
  [100, 10, ""],
  [110, 11, ""],
  [99, 12.1, 20],
  [120, 12, 22],
];

const DATED = [
  ["Date", "BTC", "ETH", "FLAT"],
  [45000, 100, "", 5],
  [45001, 120, 10, 5],
  [45002, 90, 12, 5],
  [45003, 130, 9, 5],
  [45004, 117, 15, 5],
  [45005, 140, 14, 5],
];

const COV = [
  ["", "BTC", "ETH", "PAXG"],
  ["BTC", 0.04, 0, 0],
  ["ETH", 0, 0.16, 0],
  ["PAXG", 0, 0, 0.04],
];
const WAVES = [["A", "B", "C", "D"]];
for (let t = 0, p = [100, 100, 100, 100]; t < 60; t++) {
  p = p.map((x, j) => x * (1 + 0.01 * (j + 1) * Math.sin(t * (j + 2) * 0.7) + 0.002 * j));
  WAVES.push([...p]);
}

const HISTORY = [["Date", "BTC", "ETH"]];
for (let t = 0; t < 120; t++)
  HISTORY.push([
    45292 + t,
    100 * 1.001 ** t * (1 + 0.02 * Math.sin(t)),
    50 * 1.002 ** t * (1 + 0.03 * Math.cos(t)),
  ]);

/**
 * 30 days of prices for 520 assets: a correlation matrix of 521 × 521 cells, about 5 MB as JSON,
 * more than Excel carries to a cell (office-js #4654), so the function must refuse it clearly.
 */
const WIDE = [Array.from({ length: 520 }, (_, j) => `T${j}`)];
for (let t = 0; t < 30; t++)
  WIDE.push(WIDE[0].map((_, j) => 100 + j + 10 * Math.sin((t + 1) * (j + 1) * 0.37)));

/*
 * Builders for the functions whose cases differ in a field or two: each names the arguments it is
 * given and passes null (an empty argument, as Excel sends it) for every other parameter, keeping
 * the argument count its cases always had.
 */

/** The fixed weights of the adaptive BACKTEST cases. */
const HALVES = [[0.5, 0.5]];

/**
 * BACKTEST(HISTORY, weightsOrMethod, , , , lookback, output, , adaptive, cashRate): ten arguments.
 */
const adaptiveBacktest = (
  adaptive,
  { weightsOrMethod = HALVES, lookback = null, output = null, cashRate = null } = {}
) => [HISTORY, weightsOrMethod, null, null, null, lookback, output, null, adaptive, cashRate];

/** RISKWEIGHTS(prices, method, maxWeight, minWeight, estimator, groups, groupCaps, , ): nine. */
const riskWeightsArgs = (
  prices,
  method,
  { maxWeight = null, minWeight = null, estimator = null, groups = null, groupCaps = null } = {}
) => [prices, method, maxWeight, minWeight, estimator, groups, groupCaps, null, null];

/**
 * EFFFRONTIER(prices, points, , maxWeight, , , , , ): nine arguments, and riskMeasure as a tenth
 * only when given.
 */
const frontierArgs = (prices, points, { maxWeight = null, riskMeasure } = {}) => {
  const args = [prices, points, null, maxWeight, null, null, null, null, null];
  return riskMeasure === undefined ? args : [...args, riskMeasure];
};

/** Market caps matching COV's three assets. */
const COV_CAPS = [[2], [1], [1]];

/**
 * BLACKLITTERMAN(prices, marketCaps, views, riskAversion, uncertainty, tau, estimator, , , output):
 * ten arguments.
 */
const blackLittermanArgs = (
  prices,
  marketCaps,
  views,
  { riskAversion = null, uncertainty = null, tau = null, estimator = null, output = null } = {}
) => [prices, marketCaps, views, riskAversion, uncertainty, tau, estimator, null, null, output];

/** COVMATRIX(prices, estimator, , , ): five arguments. */
const covArgs = (prices, estimator) => [prices, estimator, null, null, null];

export const contractCases = {
  RISKCONTRIB: [
    {
      name: "ERC weights on a labelled covariance",
      args: [[[0.4], [0.2], [0.4]], COV, null, null],
      expect: { rows: 5, cols: 5 },
    },
    {
      name: "too few weights",
      args: [[[0.5, 0.5]], COV, null, null],
      expect: { error: "#VALUE!", message: /weights has 2 values/ },
    },
  ],
  PORTSTATS: [
    {
      name: "metrics of an equal-weight portfolio",
      args: [[[0.25, 0.25, 0.25, 0.25]], WAVES, null, null, null, null],
      expect: { rows: 14, cols: 2 },
    },
    {
      name: "an unknown asset in labelled weights",
      args: [[["Z"], [1]], WAVES, null, null, null, null],
      expect: { error: "#VALUE!", message: /weights/ },
    },
  ],
  DIVCURVE: [
    {
      name: "the curve in volatility order",
      args: [COV, null, "lowvol"],
      expect: { rows: 4, cols: 5 },
    },
    {
      name: "an unknown order",
      args: [COV, null, "random"],
      expect: { error: "#VALUE!", message: /order must be/ },
    },
  ],
  COMPARE: [
    {
      name: "against an index",
      args: [
        [
          ["BTC", "ETH"],
          [0.6, 0.4],
        ],
        [
          ["BTC", "ETH", "PAXG"],
          [0.5, 0.3, 0.2],
        ],
        COV,
        null,
      ],
      expect: { rows: 7, cols: 4 },
    },
    {
      name: "no index weights",
      args: [[[1, 0, 0]], [[""]], COV, null],
      expect: { error: "#VALUE!", message: /indexWeights is empty/ },
    },
  ],
  REBALANCE: [
    {
      name: "trades outside a 5-point band",
      args: [
        [[0.8, 2]],
        [
          ["BTC", "ETH"],
          [100, 10],
        ],
        [[0.5, 0.5]],
        0.05,
        null,
        10,
        null,
        null,
      ],
      expect: { rows: 9, cols: 12 },
    },
    {
      name: "targets summing to 1.1",
      args: [
        [[1, 2]],
        [
          ["BTC", "ETH"],
          [100, 10],
        ],
        [[0.5, 0.6]],
        null,
        null,
        null,
        null,
        null,
      ],
      expect: { error: "#VALUE!", message: /sum/ },
    },
  ],
  DISCRETE: [
    {
      name: "units for a budget",
      args: [
        [
          ["A", "B"],
          [0.5, 0.5],
        ],
        [
          ["A", "B"],
          [30, 20],
        ],
        100,
        null,
      ],
      expect: { rows: 4, cols: 5 },
    },
    {
      name: "a negative budget",
      args: [[[1]], [[10]], -5, null],
      expect: { error: "#VALUE!", message: /budget must be/ },
    },
  ],
  BACKTEST: [
    {
      name: "equity curves for fixed weights",
      args: [HISTORY, [[0.5, 0.5]], null, null, null, null, null, null],
      expect: { rows: 121, cols: 4 },
    },
    {
      name: "statistics of a re-estimated ERC",
      args: [HISTORY, "erc", "monthly", null, 10, 30, "stats", null],
      expect: { rows: 10, cols: 4, allowErrors: true },
    },
    {
      name: "an unknown method",
      args: [HISTORY, "momentum", null, null, null, null, null, null],
      expect: { error: "#VALUE!", message: /weightsOrMethod must be/ },
    },
    {
      name: "adaptive trend and volatility target with a cash rate: weights and a Cash column",
      args: adaptiveBacktest("trend 20; voltarget 0.6", { output: "weights", cashRate: 0.04 }),
      expect: { rows: 4, cols: 4 },
    },
    {
      name: "adaptive regime switch on a method: equity from the day the rule has its history",
      args: adaptiveBacktest("regime volatility 0.8 40", {
        weightsOrMethod: "erc",
        lookback: 30,
        output: "equity",
      }),
      expect: { rows: 51, cols: 4 },
    },
    {
      name: "an adaptive moving average longer than the history",
      args: adaptiveBacktest("trend 500"),
      expect: { error: "#VALUE!", message: /adaptive: "trend 500" needs 499 rows of returns/ },
    },
    {
      name: "an adaptive volatility target of 0",
      args: adaptiveBacktest("voltarget 0"),
      expect: { error: "#VALUE!", message: /adaptive: "voltarget 0": target must be/ },
    },
    {
      name: "an unknown adaptive word",
      args: adaptiveBacktest("trend 20 fast"),
      expect: { error: "#VALUE!", message: /"fast" is not an option of trend/ },
    },
    {
      name: "a cash rate that is text",
      args: adaptiveBacktest("trend 20", { cashRate: "four percent" }),
      expect: { error: "#VALUE!", message: /cashRate must be an annual rate/ },
    },
    {
      name: "adaptive momentum tilt, all assets one tier: weights with a Cash column of 0",
      args: adaptiveBacktest("momentum 10 0.5", { output: "weights" }),
      expect: { rows: 5, cols: 4 },
    },
    {
      name: "an adaptive momentum strength above 1",
      args: adaptiveBacktest("momentum 10 2"),
      expect: { error: "#VALUE!", message: /adaptive: "momentum 10 2": strength must be from 0/ },
    },
  ],
  RISKWEIGHTS: [
    {
      name: "ERC from a labelled covariance",
      args: riskWeightsArgs(COV, null),
      expect: { rows: 4, cols: 2 },
    },
    {
      name: "min variance with a sector cap",
      args: riskWeightsArgs(COV, "minvar", {
        groups: [["C"], ["C"], ["G"]],
        groupCaps: [["G", 0.25]],
      }),
      expect: { rows: 4, cols: 2 },
    },
    {
      name: "max Sharpe from prices",
      args: riskWeightsArgs(WAVES, "maxsharpe", { maxWeight: 0.5, estimator: "ledoitwolf" }),
      expect: { rows: 5, cols: 2 },
    },
    {
      name: "infeasible floors",
      args: riskWeightsArgs(COV, "minvar", { minWeight: 0.5 }),
      expect: { error: "#VALUE!", message: /lower bounds sum to 1.5/ },
    },
    {
      name: "bounds on ERC",
      args: riskWeightsArgs(COV, "erc", { maxWeight: 0.3 }),
      expect: { error: "#VALUE!", message: /apply to "minvar"/ },
    },
    {
      name: "HERC from prices, denoised covariance",
      args: riskWeightsArgs(WAVES, "herc", { estimator: "denoised" }),
      expect: { rows: 5, cols: 2 },
    },
    {
      name: "NCO (long-only) from prices, Gerber covariance with its threshold",
      args: riskWeightsArgs(WAVES, "nco", { estimator: "gerber 0.7" }),
      expect: { rows: 5, cols: 2 },
    },
    {
      name: "bounds on HERC",
      args: riskWeightsArgs(WAVES, "herc", { maxWeight: 0.4 }),
      expect: {
        error: "#VALUE!",
        message: /"herc" cannot honour maxWeight, minWeight or group caps/,
      },
    },
    {
      name: "min CVaR at 90 % from prices (HiGHS loads in the worker or the page)",
      args: riskWeightsArgs(WAVES, "mincvar 0.9", { maxWeight: 0.6 }),
      expect: { rows: 5, cols: 2 },
    },
    {
      name: "max mean-CDaR with a group cap",
      args: riskWeightsArgs(WAVES, "meancdar", {
        groups: [["X"], ["X"], ["Y"], ["Y"]],
        groupCaps: [["X", 0.5]],
      }),
      expect: { rows: 5, cols: 2 },
    },
    {
      name: "CVaR level outside (0, 1)",
      args: riskWeightsArgs(WAVES, "mincvar 1.2"),
      expect: {
        error: "#VALUE!",
        message: /must be strictly between 0 and 1, e.g. "mincvar 0.95"/,
      },
    },
    {
      name: "min CVaR on a covariance matrix",
      args: riskWeightsArgs(COV, "mincvar"),
      expect: { error: "#VALUE!", message: /needs the price history/ },
    },
  ],
  EFFFRONTIER: [
    {
      name: "frontier from prices",
      args: frontierArgs(WAVES, 5),
      expect: { rows: 1 + 5 + 1, cols: 8, atLeast: true },
    },
    {
      name: "a covariance has no returns",
      args: frontierArgs(COV, 5),
      expect: { error: "#VALUE!", message: /needs expected returns/ },
    },
    {
      name: "CVaR frontier at 90 % (HiGHS in the worker or the page)",
      args: frontierArgs(WAVES, 4, { riskMeasure: "cvar 0.9" }),
      expect: { rows: 1 + 4, cols: 8, atLeast: true },
    },
    {
      name: "CDaR frontier with a cap",
      args: frontierArgs(WAVES, 3, { maxWeight: 0.6, riskMeasure: "cdar" }),
      expect: { rows: 1 + 3 + 1, cols: 8, atLeast: true },
    },
    {
      name: "an unknown risk measure",
      args: frontierArgs(WAVES, 4, { riskMeasure: "volatility" }),
      expect: { error: "#VALUE!", message: /riskMeasure must be "variance"/ },
    },
  ],
  CAPWEIGHTS: [
    {
      name: "25 % cap",
      args: [
        [
          ["BTC", "ETH", "BNB", "SOL", "XRP"],
          [50, 20, 15, 10, 5],
        ],
        0.25,
        null,
      ],
      expect: { rows: 6, cols: 2 },
    },
    {
      name: "a cap below 1/n",
      args: [[[1, 2, 3]], 0.2, null],
      expect: { error: "#VALUE!", message: /at least 1\/3/ },
    },
  ],
  TIERS: [
    {
      name: "labelled tiers",
      args: [
        [
          ["A", 5],
          ["B", 50],
          ["C", 1],
        ],
        [[1, 2]],
      ],
      expect: { rows: 3, cols: 2 },
    },
    {
      name: "text market cap",
      args: [
        [
          ["A", 5],
          ["B", "big"],
        ],
        null,
      ],
      expect: { error: "#VALUE!", message: /holds text "big"/ },
    },
  ],
  BLACKLITTERMAN: [
    {
      name: "table from a labelled covariance, δ given",
      args: blackLittermanArgs(COV, COV_CAPS, [["ETH", "20%"]], { riskAversion: 2.5 }),
      expect: { rows: 4, cols: 5 },
    },
    {
      name: "implied δ from the first column, relative view, posterior returns",
      args: blackLittermanArgs(
        HISTORY,
        [
          ["BTC", "ETH"],
          [3, 1],
        ],
        [["ETH", "BTC", 0.05]],
        { output: "returns" }
      ),
      expect: { rows: 3, cols: 2 },
    },
    {
      name: "posterior covariance from prices",
      args: blackLittermanArgs(
        WAVES,
        [[4, 3, 2, 1]],
        [
          ["asset", "return"],
          ["D", 0.3],
        ],
        { riskAversion: 3, estimator: "ledoitwolf", output: "cov" }
      ),
      expect: { rows: 5, cols: 5 },
    },
    {
      name: "Idzorek weights, a desktop-blank confidence ignores its view",
      args: blackLittermanArgs(
        COV,
        COV_CAPS,
        [
          ["ETH", 0, 0.2, 0.6],
          ["PAXG", 0, 0.1, 0],
        ],
        { riskAversion: 2.5, uncertainty: "idzorek", output: "weights" }
      ),
      expect: { rows: 4, cols: 2 },
    },
    {
      name: "a view on an unknown asset",
      args: blackLittermanArgs(COV, COV_CAPS, [["DOGE", 0.5]], { riskAversion: 2.5 }),
      expect: { error: "#VALUE!", message: /asset "DOGE" is not among the assets/ },
    },
    {
      name: "contradictory views",
      args: blackLittermanArgs(
        COV,
        COV_CAPS,
        [
          ["ETH", "BTC", 0.05],
          ["BTC", "ETH", 0.02],
        ],
        { riskAversion: 2.5 }
      ),
      expect: { error: "#VALUE!", message: /contradict each other/ },
    },
    {
      name: "a confidence outside [0, 1]",
      args: blackLittermanArgs(COV, COV_CAPS, [["ETH", "", 0.2, 1.5]], {
        riskAversion: 2.5,
        uncertainty: "idzorek",
      }),
      expect: { error: "#VALUE!", message: /confidence 1.5 is outside \[0, 1\]/ },
    },
    {
      name: "caps of the wrong length",
      args: blackLittermanArgs(COV, [[2], [1]], [["ETH", 0.2]], { riskAversion: 2.5 }),
      expect: { error: "#VALUE!", message: /marketCaps has 2 caps but prices have 3 assets/ },
    },
    {
      name: "riskAversion text that is not implied",
      args: blackLittermanArgs(COV, COV_CAPS, [["ETH", 0.2]], { riskAversion: "high" }),
      expect: { error: "#VALUE!", message: /riskAversion must be a number above 0/ },
    },
    {
      name: "tau of 0",
      args: blackLittermanArgs(COV, COV_CAPS, [["ETH", 0.2]], { riskAversion: 2.5, tau: 0 }),
      expect: { error: "#VALUE!", message: /tau must be a number above 0 and at most 1/ },
    },
  ],
  CLUSTERS: [
    { name: "cluster order", args: [WAVES, null, null], expect: { rows: 5, cols: 3 } },
    { name: "merge table", args: [WAVES, "average", "merges"], expect: { rows: 4, cols: 5 } },
    {
      name: "an unknown linkage",
      args: [WAVES, "centroid", null],
      expect: { error: "#VALUE!", message: /linkage must be/ },
    },
  ],
  STATS: [
    {
      name: "metrics × assets with benchmark rows",
      args: [PRICES, 365, 0.04, null, null, null],
      expect: { rows: 21, cols: 4 },
    },
    {
      name: "a constant asset shows errors in its ratio cells only",
      args: [DATED, 12, null, "none", null, null],
      expect: { rows: 18, cols: 4, allowErrors: true },
    },
    {
      name: "an unknown benchmark",
      args: [PRICES, null, null, "DOGE", null, null],
      expect: { error: "#VALUE!", message: /benchmark must be an asset name/ },
    },
    {
      name: "periods per year of 0",
      args: [PRICES, 0, null, null, null, null],
      expect: { error: "#VALUE!", message: /ppy must be/ },
    },
  ],
  DRAWDOWN: [
    {
      name: "max drawdown and time under water",
      args: [DATED, null, null],
      expect: { rows: 3, cols: 4 },
    },
    { name: "the drawdown series", args: [DATED, "series", null], expect: { rows: 7, cols: 3 } },
    {
      name: "the worst episodes with dates",
      args: [DATED, "episodes", 1],
      expect: { rows: 3, cols: 8 },
    },
    {
      name: "a bad top",
      args: [DATED, "episodes", 0],
      expect: { error: "#VALUE!", message: /top must be/ },
    },
  ],
  VAR: [
    {
      name: "every method per asset",
      args: [PRICES, null, 0.95, null],
      expect: { rows: 6, cols: 4 },
    },
    {
      name: "a portfolio from labelled weights",
      args: [
        DATED,
        [
          ["BTC", "ETH"],
          [0.5, 0.5],
        ],
        0.9,
        "historical",
      ],
      expect: { rows: 3, cols: 2 },
    },
    {
      name: "a confidence of 95 (not 0.95)",
      args: [PRICES, null, 95, null],
      expect: { error: "#VALUE!", message: /confidence must be a level between 0 and 1/ },
    },
  ],
  CORRMATRIX: [
    {
      name: "a result over Excel's 5 MB cap is a clear #VALUE!, not a cell stuck on #BUSY!",
      args: [WIDE, null, null, null],
      expect: {
        error: "#VALUE!",
        message:
          /^the result is about \d+\.\d MB \(271,441 cells\), more than Excel passes to a cell/,
      },
    },
    {
      name: "labelled pearson matrix",
      args: [PRICES, null, null, null],
      expect: { rows: 4, cols: 4, allowErrors: true },
    },
    {
      name: "kendall, unlabelled",
      args: [
        [
          [1, 2],
          [2, 1],
          [3, 3],
          [2, 5],
          [4, 4],
        ],
        "kendall",
        null,
        null,
      ],
      expect: { rows: 2, cols: 2 },
    },
    {
      name: "a misspelt method",
      args: [PRICES, "pearsn", null, null],
      expect: {
        error: "#VALUE!",
        message: /method must be "pearson", "spearman", "kendall" or "ewm"/,
      },
    },
  ],
  COVMATRIX: [
    {
      name: "Ledoit-Wolf matrix",
      args: covArgs(
        DATED.map((r) => r.slice(0, 3)),
        "ledoitwolf"
      ),
      expect: { rows: 3, cols: 3 },
    },
    {
      name: "an unknown estimator",
      args: covArgs(PRICES, "shrunk"),
      expect: { error: "#VALUE!", message: /estimator must be/ },
    },
    {
      name: "denoised",
      args: covArgs(WAVES, "denoised"),
      expect: { rows: 5, cols: 5 },
    },
    {
      name: "detoned",
      args: covArgs(WAVES, "detoned"),
      expect: { rows: 5, cols: 5 },
    },
    {
      name: "Gerber with a threshold",
      args: covArgs(WAVES, "gerber 0.3"),
      expect: { rows: 5, cols: 5 },
    },
    {
      name: "semicovariance below a benchmark",
      args: covArgs(WAVES, "semi 0.001"),
      expect: { rows: 5, cols: 5 },
    },
    {
      name: "a Gerber threshold outside (0, 1)",
      args: covArgs(WAVES, "gerber 1.5"),
      expect: { error: "#VALUE!", message: /the Gerber threshold after "gerber" must be/ },
    },
    {
      name: "too few dates to denoise",
      args: covArgs(WAVES.slice(0, 6), "denoised"),
      expect: { error: "#VALUE!", message: /got 4 observations for 4 assets/ },
    },
  ],
  CORRTO: [
    {
      name: "one row of correlations to BTC",
      args: [DATED.map((r) => r.slice(0, 3)), "BTC", null],
      expect: { rows: 2, cols: 2 },
    },
    {
      name: "a rolling series",
      args: [DATED.map((r) => r.slice(0, 3)), 1, 3],
      expect: { rows: 6, cols: 2 },
    },
  ],
  AVGCORR: [
    {
      name: "one number",
      args: [DATED.map((r) => r.slice(0, 3)), null],
      expect: { rows: 1, cols: 1 },
    },
    {
      name: "a window of 2 is too short",
      args: [PRICES, 2],
      expect: { error: "#VALUE!", message: /window must be a whole number of rows ≥ 3/ },
    },
  ],
  NEARESTCORR: [
    {
      name: "repairs an indefinite matrix",
      args: [
        [
          ["", "X", "Y", "Z"],
          ["X", 1, 0.9, -0.9],
          ["Y", 0.9, 1, 0.9],
          ["Z", -0.9, 0.9, 1],
        ],
      ],
      expect: { rows: 4, cols: 4 },
    },
    {
      name: "text inside the matrix",
      args: [
        [
          [1, "x"],
          [0, 1],
        ],
      ],
      expect: { error: "#VALUE!", message: /every entry must be a number/ },
    },
    {
      name: "an entry far outside [-1, 1]",
      args: [
        [
          [1, 1e308],
          [1e308, 1],
        ],
      ],
      expect: { error: "#VALUE!", message: /is 1e\+308; a correlation lies between −1 and 1/ },
    },
  ],
  ALIGN: [
    {
      name: "common dates with a Date column",
      args: [
        [
          ["Date", "A", "B"],
          [1, 5, ""],
          [2, 6, 7],
          [3, 8, 9],
        ],
        null,
      ],
      expect: { rows: 3, cols: 3 },
    },
    {
      name: "gaps filled with the previous price",
      args: [[["A"], [1], [""], [3]], "previous"],
      expect: { rows: 4, cols: 1 },
    },
    {
      name: "an unknown option",
      args: [[[1], [2]], "drop"],
      expect: { error: "#VALUE!", message: /missing must be/ },
    },
    {
      name: "no complete row",
      args: [
        [
          ["A", "B"],
          [1, ""],
          ["", 2],
        ],
        null,
      ],
      expect: { error: "#VALUE!", message: /no row has a price for every asset/ },
    },
  ],
  RETURNS: [
    {
      name: "labelled prices spill returns under the header",
      args: [PRICES, null, null],
      expect: { rows: 4, cols: 3 },
    },
    {
      name: "log returns without a header",
      args: [[[1], [2], [4]], "LOG", null],
      expect: { rows: 2, cols: 1 },
    },
    {
      name: "web blanks (null) and desktop blanks (0) before listing",
      args: [
        [
          ["A", "B"],
          [1, null],
          [2, 0],
          [3, 5],
          [4, 6],
        ],
        null,
        null,
      ],
      expect: { rows: 4, cols: 2 },
    },
    {
      name: "text in the data",
      args: [[[1], ["x"], [2]], null, null],
      expect: { error: "#VALUE!", message: /cell A2 holds text "x"/ },
    },
    {
      name: "an error cell passed in",
      args: [[[1], [{ code: "#N/A" }], [2]], null, null],
      expect: { error: "#VALUE!", message: /holds the error #N\/A/ },
    },
    {
      name: "a gap inside a series",
      args: [[["A"], [1], [""], [2]], null, null],
      expect: { error: "#VALUE!", message: /fill="previous"/ },
    },
    {
      name: "an unknown method",
      args: [PRICES, "geometric", null],
      expect: { error: "#VALUE!", message: /method must be "simple" or "log"/ },
    },
    {
      name: "a single row",
      args: [[[1, 2]], null, null],
      expect: { error: "#VALUE!", message: /at least two rows/ },
    },
    {
      name: "an empty range",
      args: [[[""]], null, null],
      expect: { error: "#VALUE!", message: /no prices|empty/ },
    },
  ],
  HISTORY: [
    {
      name: "a row of demo tickers spills a Date column and one column per symbol",
      args: [[["BTC", "eth"]], 30, null],
      expect: { rows: 31, cols: 3 },
    },
    {
      name: "one cell with comma-separated tickers, days omitted (365)",
      args: [[["BTC,SOL"]], null, "demo"],
      expect: { rows: 366, cols: 3 },
    },
    {
      name: "no symbols",
      args: [[[""]], 30, null],
      expect: { error: "#VALUE!", message: /symbols is empty/ },
    },
    {
      name: "a number instead of a ticker",
      args: [[["BTC", 5]], 30, null],
      expect: { error: "#VALUE!", message: /symbols: cell 2 holds 5/ },
    },
    {
      name: "days of 0",
      args: [[["BTC"]], 0, null],
      expect: { error: "#VALUE!", message: /days must be a whole number of days/ },
    },
    {
      name: "days beyond the demo history",
      args: [[["BTC"]], 100000, null],
      expect: { error: "#VALUE!", message: /serves at most \d+ days/ },
    },
    {
      name: "an unknown symbol is not available",
      args: [[["BTC", "NOPE"]], 30, null],
      expect: { error: "#N/A", message: /Demo data has no token NOPE/ },
    },
    {
      name: "an unknown provider",
      args: [[["BTC"]], 30, "yahoo"],
      expect: { error: "#VALUE!", message: /provider must be "demo"/ },
    },
  ],
  TOP: [
    {
      name: "the ten largest demo tokens",
      args: [10, null],
      expect: { rows: 11, cols: 6 },
    },
    {
      name: "the Layer 2 sector (three demo tokens)",
      args: [10, "Layer 2"],
      expect: { rows: 4, cols: 6 },
    },
    {
      name: "n of 0",
      args: [0, null],
      expect: { error: "#VALUE!", message: /n must be a whole number from 1 to 250/ },
    },
    {
      name: "an unknown category",
      args: [5, "Casinos"],
      expect: { error: "#N/A", message: /no category "Casinos"/ },
    },
  ],
  INDEX: [
    {
      name: "top 10 capped at 25 %: six columns",
      args: ["top10-capped25", null],
      expect: { rows: 11, cols: 6 },
    },
    {
      name: "risk parity weights only",
      args: ["TOP20-ERC", "weights"],
      expect: { rows: 21, cols: 2 },
    },
    {
      name: "an adaptive index (trend filtered risk parity): 20 tokens and the CASH row",
      args: ["top20-erc-trend200", null],
      expect: { rows: 22, cols: 6 },
    },
    {
      name: "an adaptive index typed in upper case, weights only (momentum barbell, no cash)",
      args: ["BARBELL-MOMENTUM", "weights"],
      expect: { rows: 41, cols: 2 },
    },
    {
      name: "an unknown index lists the built-in ones",
      args: ["top5", null],
      expect: { error: "#VALUE!", message: /no index "top5"; use one of top10-capped25/ },
    },
    {
      name: "an unknown output",
      args: ["top10-equal", "chart"],
      expect: { error: "#VALUE!", message: /output must be "constituents" or "weights"/ },
    },
  ],
};
