/** Jest: unit, property and contract tests under test/ (browser tests run separately, see scripts/test.mjs). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  setupFiles: [
    "<rootDir>/test/setup/customFunctionsGlobal.ts",
    "<rootDir>/test/setup/fastCheckSeed.ts",
  ],
  transform: {
    // Type checking is `npm run typecheck` (tsc), so tests compile file by file: much faster.
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", jsx: "react-jsx" }, diagnostics: false },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
