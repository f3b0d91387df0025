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

export const contractCases = {
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
};
