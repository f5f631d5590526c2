import { expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { connectGong } from "./fixtures/gong-connection";
import { STORAGE_STATE } from "./fixtures/users";

test.describe("quarantined calls", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("the sync activity page lists a quarantined call with its failing field, and Retry stores it", async ({ page }) => {
    test.slow(); // a whole first backfill runs before the quarantine is set up
    await connectGong(page);
    const db = e2eDb();
    // Other specs seed calls of other organizations (and of this one, with other dates): take one this connection synced.
    const { connection_id } = await db
      .selectFrom("gong_connections")
      .innerJoin("users", "users.organization_id", "gong_connections.organization_id")
      .select("gong_connections.id as connection_id")
      .where("users.email", "=", "admin@acme.test")
      .executeTakeFirstOrThrow();
    const synced = () => db.selectFrom("calls").select(["gong_id", "organization_id", "connection_id"]).where("connection_id", "=", connection_id);
    await expect.poll(async () => (await synced().limit(1).execute()).length, { timeout: 60_000 }).toBe(1);
    // The first backfill must be over, or it would store the call again (and let its quarantine go) under the test.
    const unfinished = () => db.selectFrom("sync_runs").select("id").where("status", "in", ["queued", "running"]).execute();
    await expect.poll(async () => (await unfinished()).length, { timeout: 120_000 }).toBe(0);
    const call = await synced().orderBy("started_at", "desc").limit(1).executeTakeFirstOrThrow();
    // As a sync leaves a call Gong sent with a numeric speaker id: not stored, quarantined with where it failed.
    await db.deleteFrom("calls").where("gong_id", "=", call.gong_id).execute();
    await db
      .insertInto("quarantined_gong_records")
      .values({ organization_id: call.organization_id, connection_id: call.connection_id, gong_id: call.gong_id, source: "call", field_path: "parties[1].speakerId", value_type: "number" })
      .execute();

    await page.goto("/settings/sync");
    const row = page.getByRole("row").filter({ hasText: call.gong_id });
    await expect(row).toContainText("parties[1].speakerId");
    await expect(row).toContainText("number");
    await row.getByRole("button", { name: `Retry call ${call.gong_id}` }).click();
    await expect(page.getByText("Retry queued.")).toBeVisible();

    // Gong sends the call readable this time: it is stored and leaves the list.
    await expect.poll(async () => (await db.selectFrom("calls").select("id").where("gong_id", "=", call.gong_id).execute()).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await db.selectFrom("quarantined_gong_records").select("gong_id").where("gong_id", "=", call.gong_id).execute()).length).toBe(0);
    await page.reload();
    await expect(page.getByText("Nothing quarantined")).toBeVisible();
  });
});
