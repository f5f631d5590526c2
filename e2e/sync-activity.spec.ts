import { sql } from "kysely";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { connectGong } from "./fixtures/gong-connection";
import { simulatorControl, simulatorRequestCount } from "./fixtures/gong-simulator";
import { STORAGE_STATE } from "./fixtures/users";

const runsTable = (page: import("@playwright/test").Page) => page.getByRole("table", { name: "Sync runs" });

test.describe("sync activity", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: STORAGE_STATE.admin });

  test("connecting lands on the first sync, followed live, with the API budget spending as it runs", async ({ page }) => {
    await connectGong(page);
    const firstSync = page.getByRole("status", { name: "Gong is connected" });
    await expect(firstSync.getByRole("progressbar", { name: "Backfill progress" })).toBeVisible();
    await expect(firstSync.getByRole("link", { name: "Open the run" })).toHaveAttribute("href", /\/settings\/sync\/runs\/[0-9a-f-]{36}$/);
    // The budget bar is live: it counts the sync's Gong requests without a reload.
    const budget = page.getByRole("progressbar", { name: "Gong API requests today" });
    const before = Number(await budget.getAttribute("aria-valuenow"));
    await expect(async () => expect(Number(await budget.getAttribute("aria-valuenow"))).toBeGreaterThan(before)).toPass({ timeout: 30_000 });
    await expect(firstSync).toContainText("succeeded", { timeout: 60_000 });
    await expect(firstSync.getByRole("link", { name: "See the calls" })).toBeVisible();
  });

  test("a run opens to its steps; Last synced moves when a run ends, and a re-sync counts the transcripts it finds stored", async ({ page }) => {
    const db = e2eDb();
    // As if Sales were last synced two days ago: the page must show the new time once the run ends, without a reload.
    await sql`update gong_workspaces set last_synced_at = now() - interval '2 days' where name = 'Sales'`.execute(db);
    await page.goto("/settings/sync");
    const sales = page.getByRole("row").filter({ hasText: "Sales" }).filter({ has: page.getByRole("checkbox", { name: "Sync Sales now" }) });
    await expect(sales).toContainText("2 days ago");
    await page.getByRole("checkbox", { name: "Sync Customer Success now" }).uncheck();
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByText("Sync started for 1 workspace.")).toBeVisible();
    const manual = runsTable(page).getByRole("row").filter({ hasText: "Manual" }).first();
    await expect(manual.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
    await expect(sales).toContainText("just now");
    // Every Sales call was stored with its transcript by the backfill: this run finds them, it does not report 0.
    const transcripts = Number((await manual.getByRole("cell").nth(4).innerText()).split("\n")[0]!.replace(/,/g, ""));
    expect(transcripts).toBeGreaterThan(0);

    await manual.getByRole("link", { name: "Manual" }).click();
    await expect(page.getByRole("heading", { name: "Manual run", level: 1 })).toBeVisible();
    const steps = page.getByRole("list", { name: "Steps" });
    await expect(steps.getByRole("listitem").filter({ hasText: "Workspace Sales (done)" })).toContainText(/\d+ pages? · \d+ of \d+ calls/);
    await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  });

  test("cancelling a run stops its workflow: no more Gong requests, and the executor's runs end cancelled", async ({ page }) => {
    await simulatorControl("faults", { latencyMs: 2_500 });
    try {
      await page.goto("/settings/sync");
      await page.getByRole("button", { name: "Sync now" }).click();
      await expect(page.getByText("Sync started for 2 workspaces.")).toBeVisible();
      const started = await e2eDb().selectFrom("sync_runs").select("id").where("kind", "=", "manual").orderBy("created_at", "desc").executeTakeFirstOrThrow();
      const runId = started.id;
      await runsTable(page).getByRole("row").filter({ hasText: /queued|running/ }).getByRole("link", { name: "Manual" }).click();
      await expect(page).toHaveURL(new RegExp(`/settings/sync/runs/${runId}$`));
      await expect(page.getByRole("heading", { name: "Manual run", level: 1 })).toBeVisible();
      await expect(page.getByRole("list", { name: "Steps" }).getByRole("listitem").first()).toBeVisible({ timeout: 30_000 });

      await page.getByRole("button", { name: "Cancel run" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancel this manual run?" });
      await expect(dialog).toContainText("no more pages are read from Gong");
      await dialog.getByRole("button", { name: "Cancel run" }).click();
      await expect(page.getByText("cancelled", { exact: true })).toBeVisible();
      await expect(page.getByText("Cancelled by Ada Admin.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);

      const executorRuns = () =>
        sql<{ function_id: string; status: string }>`
          select function_id, status from inngest_executor.runs
          where event -> 'data' ->> 'runId' = ${runId} and function_id in ('callbridge-sync-gong-calls', 'callbridge-sync-gong-workspace')`.execute(e2eDb());
      await expect(async () => {
        const { rows } = await executorRuns();
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((row) => row.status !== "cancelled" && row.status !== "completed")).toEqual([]);
        expect(rows.find((row) => row.function_id === "callbridge-sync-gong-calls")?.status).toBe("cancelled");
      }).toPass({ timeout: 15_000 });
      // A step in flight when the cancel came runs to its end, and its Gong requests take 2.5 s each here, so its
      // last may be answered several seconds later; after it, no request comes for a while. An uncancelled run
      // would go on asking page after page, each answered within 3 s of the one before.
      await expect(async () => {
        const settled = await simulatorRequestCount();
        await page.waitForTimeout(4_000);
        expect(await simulatorRequestCount()).toBe(settled);
      }).toPass({ timeout: 30_000 });
      const stored = await e2eDb().selectFrom("sync_runs").select(["status", "finished_at"]).where("id", "=", runId).executeTakeFirstOrThrow();
      expect(stored.status).toBe("cancelled");
    } finally {
      await simulatorControl("faults", { latencyMs: 0 });
    }
  });

  test("a rep cannot see sync activity or a run", async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE_STATE.rep1 });
    const page = await context.newPage();
    expect((await page.goto("/settings/sync"))?.status()).toBe(403);
    expect((await page.request.get("/api/sync-runs")).status()).toBe(403);
    const run = await e2eDb().selectFrom("sync_runs").select("id").limit(1).executeTakeFirstOrThrow();
    expect((await page.goto(`/settings/sync/runs/${run.id}`))?.status()).toBe(403);
    expect((await page.request.get(`/api/sync-runs/${run.id}`)).status()).toBe(403);
    await context.close();
  });
});
