import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): those that exercise the mutated files, and no
 * others, so a run fits on a small machine. A new test of these files belongs here too.
 */
export const MUTATION_TEST_FILES = [
  "db/queries/call-access.integration.test.ts",
  "db/queries/call-access-team.integration.test.ts",
  "lib/auth/*.test.ts",
  "app/(dashboard)/admin-actions.integration.test.ts",
  "app/api/calls/[[]id]/media/route.integration.test.ts",
  "lib/gong/webhook.test.ts",
  "lib/gong/webhook-key-cache.test.ts",
  "lib/gong/webhook.integration.test.ts",
  "lib/webhooks/*.test.ts",
  "lib/api/api-key-principal.integration.test.ts",
  "lib/api/api-keys.integration.test.ts",
  "lib/api/platform-keys.integration.test.ts",
  "lib/api/roll-api-key.integration.test.ts",
  "db/queries/gong-oauth-states.integration.test.ts",
  "lib/outbound/sign-message.test.ts",
  "lib/outbound/endpoint-secret.test.ts",
];

// Not mergeConfig: it would append these to the base config's include (every test) instead of replacing it.
// A generous timeout: the machine is busy with Stryker's checker and runners, and a slow test is not a failed one.
export default defineConfig({ ...base, test: { ...base.test, include: MUTATION_TEST_FILES, testTimeout: 120_000, hookTimeout: 180_000 } });
