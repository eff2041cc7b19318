// ESLint flat config: Next's rules (React, hooks, a11y, Core Web Vitals) and typescript-eslint's strict set.
// `npm run lint` runs it with --max-warnings 0, then Prettier, knip and the OpenAPI lint.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      ".data-*/**",
      "reports/**",
      "test-results/**",
      "playwright-report/**",
      "db/migrations/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.strict,
  {
    // Tests and benchmarks may assert presence with `!`: a wrong guess fails the test, which is what it is for.
    files: ["tests/**", "scripts/bench/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    files: ["*.config.mjs"],
    rules: { "import/no-anonymous-default-export": "off" },
  },
  {
    rules: {
      // Every dynamic delete in the tree removes a key from a Record used as a dictionary, which is what it is for.
      "@typescript-eslint/no-dynamic-delete": "off",
      // Unused names are errors, except those deliberately prefixed with _ (e.g. destructured-away fields).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
];
