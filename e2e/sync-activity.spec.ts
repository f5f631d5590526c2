import { expect, test } from "@playwright/test";
import { connectGong } from "./fixtures/gong-connection";
import { STORAGE_STATE } from "./fixtures/users";

test.describe("sync activity", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("connecting backfills, the run shows live progress, and Sync now starts a manual run", async ({ page }) => {
    await connectGong(page);
    await page.goto("/settings/sync");
    const runs = page.getByRole("table").first();
    await expect(runs.getByRole("row").filter({ hasText: "Backfill" }).first().getByText("succeeded")).toBeVisible({ timeout: 60_000 });
    await expect(runs.getByRole("progressbar").first()).toBeVisible();

    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Sync Sales now" })).toBeChecked();
    await page.getByRole("checkbox", { name: "Sync Customer Success now" }).uncheck();
    await page.getByLabel("From").fill("2020-01-01");
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByText("Sync started for 1 workspace.")).toBeVisible();
    await expect(runs.getByRole("row").filter({ hasText: "Manual" }).first().getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  });

  test("a rep cannot see sync activity", async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE_STATE.rep1 });
    const page = await context.newPage();
    expect((await page.goto("/settings/sync"))?.status()).toBe(403);
    expect((await page.request.get("/api/sync-runs")).status()).toBe(403);
    await context.close();
  });
});
