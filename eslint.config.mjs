import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// eslint-plugin-office-addins bundles an older @typescript-eslint; its rules crash on ESLint 9.39.
// Swap in the project's typescript-eslint plugin and parser in its config blocks (one plugin
// instance per name, or ESLint refuses the config), then add typescript-eslint's recommended rules.
const withProjectTypescriptEslint = (block) =>
  block.plugins?.["@typescript-eslint"]
    ? {
        ...block,
        files: ["**/*.{js,mjs,cjs,ts,tsx}"],
        plugins: { ...block.plugins, "@typescript-eslint": tseslint.plugin },
        languageOptions: { ...block.languageOptions, parser: tseslint.parser },
      }
    : block;
const tsRecommendedRules = Object.assign(
  {},
  ...tseslint.configs.recommended.map((c) => c.rules ?? {})
);

/** ESLint 9 flat config: Microsoft's office-addins rules (React flavour) plus typescript-eslint's recommended rules. */
export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**", "test-results/**"] },
  ...officeAddins.configs.react.map(withProjectTypescriptEslint),
  { files: ["**/*.{ts,tsx}"], rules: tsRecommendedRules },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "react/react-in-jsx-scope": "off",
      // Custom functions receive what Excel passes (any[][]); the metadata generator rejects unions.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    // Layering (DESIGN.md): the math core imports nothing outside src/core but its math libraries.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/functions/**", "**/data/**", "**/taskpane/**", "react*", "@fluentui/*"] },
      ],
    },
  },
  {
    files: ["src/data/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/functions/**", "**/taskpane/**", "react*", "@fluentui/*"] },
      ],
    },
  },
];
