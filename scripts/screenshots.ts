// npm run screenshots: docs/screenshots/{call,webhook,users}-{1366,390}-{light,dark}.png, taken in Chromium from a
// fresh stack (an embedded PostgreSQL, or a new database on DATABASE_URL's server) after connecting Gong through the
// simulator's consent page and letting the first sync bring its calls in, as a new admin would.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Page, chromium } from "@playwright/test";
import { z } from "zod";
import { createTestDatabase } from "../test-support/test-database";
import { buildIfStale } from "./build-state";
import { freePort } from "./child-processes";
import { makeTemporaryDataFolder } from "./postgres/temporary-data-folder";
import { generateSecrets } from "./local-secrets";
import { pickShowcaseCall, prepareWebhook, waitForFirstSync } from "./screenshot-setup";
import { DEMO_PASSWORD } from "./seed-demo";
import { startStack } from "./stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = z
  .object({ SCREENSHOTS_DIR: z.string().default(path.join(root, "docs", "screenshots")), CHROMIUM_PATH: z.string().default("/usr/bin/chromium") })
  .parse(process.env);
const VIEWPORTS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** The call page with a sentence being played: the player pinned, the sentence marked, scrolled back to the top. */
async function showCall(page: Page, callId: string) {
  await page.goto(`/calls/${callId}`);
  if (await page.getByRole("tab", { name: "Transcript" }).isVisible()) await page.getByRole("tab", { name: "Transcript" }).click();
  await page.locator("#transcript > li > button").nth(3).click();
  await page.locator("#transcript [data-current]").waitFor();
  await page.keyboard.press("k");
  if (await page.getByRole("tab", { name: "Summary" }).isVisible()) await page.getByRole("tab", { name: "Summary" }).click();
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
}

async function capture(browser: Browser, appUrl: string, callId: string) {
  mkdirSync(env.SCREENSHOTS_DIR, { recursive: true });
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ baseURL: appUrl, viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await signInAsAdmin(page);
      const shots: [string, () => Promise<unknown>][] = [
        ["call", () => showCall(page, callId)],
        ["webhook", () => page.goto("/settings/webhook")],
        ["users", () => page.goto("/settings/users")],
      ];
      for (const [name, open] of shots) {
        await open();
        await settle(page);
        const file = path.join(env.SCREENSHOTS_DIR, `${name}-${viewport.width}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${path.relative(root, file)}`);
      }
      await context.close();
    }
  }
}

async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Calls", level: 1 }).waitFor({ timeout: 30_000 });
}

async function main() {
  if (!buildIfStale(root)) process.exit(1);
  // A small company syncs in seconds; the simulator reads this from the environment it inherits.
  process.env.GONG_SIMULATOR_CALLS ??= "60";
  process.env.GONG_SIMULATOR_LOG ??= "none";
  const dataDir = makeTemporaryDataFolder("callbridge-screenshots-");
  const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
  const [appPort, simulatorPort, executorPort] = [await freePort(), await freePort(), await freePort()];
  const stack = await startStack({
    root, appPort, databaseUrl: database?.url, dataDir, embeddedDatabasePort: 0, secrets: generateSecrets(),
    simulatorPort, executorPort, workerPort: null, quiet: true,
  });
  const browser = await chromium.launch({ executablePath: existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined });
  try {
    const page = await browser.newPage({ baseURL: stack.appUrl });
    await signInAsAdmin(page);
    // Connecting starts on a same-origin POST, as the Connect button sends it.
    const start = await page.request.post("/api/gong/oauth/start", { form: { email: "admin@acme.test" }, maxRedirects: 0 });
    await page.goto(start.headers().location!);
    await page.getByRole("button", { name: "Approve" }).click();
    await waitForFirstSync(stack.databaseUrl);
    await prepareWebhook(page, stack.simulatorUrl!);
    await page.close();
    await capture(browser, stack.appUrl, await pickShowcaseCall(stack.databaseUrl));
  } finally {
    await browser.close();
    await stack.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
