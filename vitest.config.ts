import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("./test-support/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**", ".stryker-tmp/**"],
    environment: "node",
    // Without DATABASE_URL, one embedded PostgreSQL for the run; each test file creates its own database on it.
    globalSetup: ["./test-support/database-server-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at once even on 2 cores (Vitest's default there is one): most of a file's time is spent waiting on
    // PostgreSQL, child processes and loopback HTTP, so the second core would otherwise sit idle (measured: 682 s → 453 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // next-auth's ESM imports "next/server" without an extension, which Node alone does not resolve; through Vite it
    // does, so tests can run Auth.js for real (test-support/signed-in-request.ts).
    server: { deps: { inline: ["next-auth"] } },
    // Always: a stray `.only` would otherwise narrow a local run silently.
    allowOnly: false,
  },
});
