import { expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { connectGong } from "./fixtures/gong-connection";
import { expectNoSidewaysScroll, listSeriousAxeViolations } from "./fixtures/page-checks";
import { STORAGE_STATE } from "./fixtures/users";

const PAGES = ["/calls", "/settings/gong", "/settings/webhook", "/settings/sync", "/settings/trackers", "/settings/api", "/settings/api/reference"];

test.describe("the admin pages at 1366 and 390 px, light and dark", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("have no serious accessibility findings and never scroll sideways", async ({ browser, page }) => {
    test.setTimeout(180_000);
    await connectGong(page);
    const run = await e2eDb().selectFrom("sync_runs").select("id").orderBy("created_at", "desc").limit(1).executeTakeFirstOrThrow();
    const paths = [...PAGES, `/settings/sync/runs/${run.id}`];
    const findings: string[] = [];
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ storageState: STORAGE_STATE.admin, viewport, colorScheme });
        const tab = await context.newPage();
        for (const path of paths) {
          await tab.goto(path);
          await expect(tab.getByRole("heading", { level: 1 })).toBeVisible();
          await tab.waitForLoadState("networkidle");
          if (viewport.width === 390) await expectNoSidewaysScroll(tab);
          findings.push(...(await listSeriousAxeViolations(tab)).map((finding) => `${viewport.width}px ${colorScheme} ${finding}`));
        }
        await context.close();
      }
    }
    expect(findings).toEqual([]);
  });
});
