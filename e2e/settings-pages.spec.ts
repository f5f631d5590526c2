import { type Browser, expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { connectGong } from "./fixtures/gong-connection";
import { expectNoSidewaysScroll, listSeriousAxeViolations } from "./fixtures/page-checks";
import { STORAGE_STATE } from "./fixtures/users";

// Not the API reference: it is the same for every organization, and trends.spec's every-page check covers it.
const PAGES = ["/calls", "/settings/gong", "/settings/webhook", "/settings/sync", "/settings/trackers", "/settings/api"];

/**
 * The admin pages as Acme's admin sees them after a real connection and syncs (trends.spec checks every page for an
 * organization of seeded rows): axe's serious findings, and sideways scrolling on a phone.
 */
async function checkPages(browser: Browser, viewport: { width: number; height: number }, colorScheme: "light" | "dark"): Promise<string[]> {
  const run = await e2eDb().selectFrom("sync_runs").select("id").orderBy("created_at", "desc").limit(1).executeTakeFirstOrThrow();
  const context = await browser.newContext({ storageState: STORAGE_STATE.admin, viewport, colorScheme });
  const page = await context.newPage();
  const findings: string[] = [];
  for (const path of [...PAGES, `/settings/sync/runs/${run.id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (viewport.width < 500) await expectNoSidewaysScroll(page);
    findings.push(...(await listSeriousAxeViolations(page)).map((finding) => `${viewport.width}px ${colorScheme} ${finding}`));
  }
  await context.close();
  return findings;
}

test.describe("the admin pages (after connect-gong.spec, which needs Acme never connected)", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: STORAGE_STATE.admin });
  test.setTimeout(150_000);

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ storageState: STORAGE_STATE.admin });
    await connectGong(page);
    await page.close();
  });

  test("at 1366 px have no serious accessibility findings", async ({ browser }) => {
    expect(await checkPages(browser, { width: 1366, height: 900 }, "light")).toEqual([]);
  });

  test("at 390 px, light and dark, have none either and never scroll sideways", async ({ browser }) => {
    expect([...(await checkPages(browser, { width: 390, height: 844 }, "light")), ...(await checkPages(browser, { width: 390, height: 844 }, "dark"))]).toEqual([]);
  });
});
