import { defineConfig } from "@playwright/test";
import { freePortBlock } from "./scripts/child-processes";
import { findChromium } from "./test-support/chromium";

// The app, simulator, executor and worker listen on four ports from E2E_PORT on. Chosen once in the main process
// (workers inherit it through the environment), among ports found free.
process.env.E2E_PORT ??= String(await freePortBlock(4));
const baseURL = `http://localhost:${process.env.E2E_PORT}`;
process.env.E2E_SIMULATOR_URL = `http://localhost:${Number(process.env.E2E_PORT) + 1}`;
// A system Chromium or Chrome when there is one, else Playwright's own (`npm test` says how to get one if neither).
const browser = findChromium();

export default defineConfig({
  testDir: "e2e",
  // Without DATABASE_URL, an embedded PostgreSQL for the run first; the product's stack then starts on it.
  globalSetup: ["./test-support/database-server-setup.ts", "./e2e/global-setup.ts"],
  // Always: a stray `.only` would otherwise narrow a local run silently.
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  // One worker: the specs share one organization, and several connect or disconnect its Gong.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: browser.found ? browser.executablePath : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
});
