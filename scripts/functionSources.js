/**
 * The files that declare @customfunction JSDoc: the metadata plugin reads them to generate
 * functions.json and appends their CustomFunctions.associate calls at build time. The metadata
 * contract test reads this same list, so a new catalogue file is added here once.
 */
const functionSourceFiles = [
  "./src/functions/returns.ts",
  "./src/functions/risk.ts",
  "./src/functions/dependence.ts",
  "./src/functions/construction.ts",
  "./src/functions/diagnostics.ts",
  "./src/functions/rebalancing.ts",
  "./src/functions/data.ts",
  "./src/functions/bayesian.ts",
];

module.exports = { functionSourceFiles };
