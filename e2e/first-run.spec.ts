import { expect, test } from "@playwright/test";
import { seedConnection, seedGongUser, seedUser, seedUserGongLink } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { seedOwnOrganization, signInAsOwnAdmin } from "./fixtures/own-organization";

// Initech is this spec's own organization: a new one, as an admin finds it the first time.
let initech: Awaited<ReturnType<typeof seedOwnOrganization>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  initech = await seedOwnOrganization("Initech");
});

test("a new admin gets a setup checklist on the calls page, which goes away once every step is done", async ({ page }) => {
  const db = e2eDb();
  await signInAsOwnAdmin(page, initech.adminEmail);
  const checklist = page.getByRole("region", { name: "Set up Callbridge" });
  await expect(checklist).toContainText("0 of 4 done");
  await expect(checklist.getByRole("link", { name: "Connect Gong" })).toHaveAttribute("href", "/settings/gong");
  await expect(checklist.getByRole("listitem")).toHaveText([/Connect Gong/, /Set up the webhook/, /Link users to Gong/, /Invite reps/]);

  const connectionId = await seedConnection(db, initech.organizationId);
  await db
    .insertInto("webhook_deliveries")
    .values({ organization_id: initech.organizationId, connection_id: connectionId, outcome: "test", http_status: 200, is_test: true, auth: "jwt" })
    .execute();
  await page.reload();
  await expect(checklist).toContainText("2 of 4 done");
  await expect(checklist.getByText("Connect Gong (done)")).toBeVisible();
  await expect(checklist.getByRole("link", { name: "Link users" })).toBeVisible();

  const gongUserId = await seedGongUser(db, { organizationId: initech.organizationId, gongId: `77${Date.now() % 1e9}`, email: initech.adminEmail });
  await seedUserGongLink(db, { userId: initech.adminId, organizationId: initech.organizationId, gongUserId });
  await seedUser(db, { organizationId: initech.organizationId, email: `rep-${Date.now()}@initech.test`, name: "Ian Rep", role: "rep" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test("while Gong is disconnected every page says so, and the connection page says to turn off the rule too", async ({ page }) => {
  await e2eDb().updateTable("gong_connections").set({ status: "revoked", revoked_at: new Date() }).where("organization_id", "=", initech.organizationId).execute();
  await signInAsOwnAdmin(page, initech.adminEmail);
  for (const path of ["/calls", "/settings/webhook", "/settings/sync"]) {
    await page.goto(path);
    const banner = page.getByRole("status").filter({ hasText: "Gong is disconnected" });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole("link", { name: "Reconnect Gong" })).toHaveAttribute("href", "/settings/gong");
  }
  await page.goto("/settings/gong");
  await expect(page.getByRole("status").filter({ hasText: "Gong is disconnected" })).toHaveCount(0);
  await expect(page.getByText("Turn off the “New call” rule that sends calls here")).toBeVisible();
});
