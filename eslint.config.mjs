import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const clientForbidden = ["@/db", "@/db/*", "@/lib/gong", "@/lib/gong/*", "@/lib/crypto/*", "@/lib/auth/session", "@/inngest/*"];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".stryker-tmp/**", "reports/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: clientForbidden }] },
  },
  {
    files: ["lib/gong/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/db", "@/db/*", "@/inngest/*", "next", "next/*"] }],
    },
  },
  {
    files: ["db/queries/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "@/lib/auth", "@/lib/auth/*", "@/lib/gong/*"] }],
    },
  },
  {
    files: ["inngest/functions/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["next", "next/*"] }] },
  },
  {
    files: ["gong-simulator/**/*.ts", "inngest-executor/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@/*", "../app/*", "../lib/*", "../db/*", "../inngest/*", "../../app/*", "../../lib/*", "../../db/*", "../../inngest/*"] },
      ],
    },
  },
  {
    files: ["db/migrations/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/*", "../*"] }] },
  },
];

export default config;
