// Mutation testing of the code that keeps organizations' data and identities apart (docs/TESTING.md).
// Run it with `npm run test:mutation` (scripts/test-mutation.ts), not `npx stryker run`: the wrapper prints the summary.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  // Only the tests listed there run, and for each mutant only those that reached it (coverageAnalysis perTest).
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  mutate: [
    "db/queries/call-access.ts",
    "db/queries/gong-oauth-states.ts",
    "lib/auth/**/*.ts",
    "!lib/auth/**/*.test.ts",
    "!lib/auth/**/*.d.ts",
    // Auth.js's wiring: one call, exercised by every session test but with nothing to mutate that a test could tell apart.
    "!lib/auth/index.ts",
    "lib/gong/webhook.ts",
    "lib/webhooks/**/*.ts",
    "!lib/webhooks/**/*.test.ts",
    "lib/api/authenticate-api-key.ts",
    "lib/api/resolve-api-organization.ts",
    "lib/calls/enforce-media-rate-limit.ts",
    // Outbound webhooks: the Standard Webhooks signature and the whsec_ secrets it is made with (and rotated to).
    "lib/outbound/sign-message.ts",
    "lib/outbound/endpoint-secret.ts",
  ],
  // Mutants in code that runs only at import (module constants): Stryker skips those it recognises as such. The vitest
  // runner switches a mutant on after the module has loaded (stryker-js#6144), so one it does not recognise survives
  // whatever the tests say; keep constants worth testing inside functions (docs/TESTING.md).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  ignorePatterns: [".next", ".data", "reports", "test-results", "playwright-report", "blob-report", "coverage"],
  concurrency: 2,
  timeoutMS: 30_000,
  cleanTempDir: "always",
};

export default config;
