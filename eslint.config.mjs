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
    rules: {
      // Unused names are errors, except those deliberately prefixed with _ (e.g. destructured-away fields).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
];
