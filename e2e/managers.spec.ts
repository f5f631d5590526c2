import { type Browser, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { upsertGongUsers } from "../db/queries/gong-users";
import { seedCall, seedConnection, seedUser, seedUserGongLink } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { seedOwnOrganization, signInAsOwnAdmin } from "./fixtures/own-organization";
import { DEMO_PASSWORD, signIn } from "./fixtures/users";

// Managers see their team (issue 24), on an organization of the spec's own: Mona manages Rafe in Gong; Ezra is elsewhere.
let organizationId: string;
let adminEmail: string;
const ids: Record<string, string> = {};
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const email = (name: string) => `${name}-${suffix}@teamcorp.test`;

const gongUser = (gongId: string, name: string, managerGongId: string | null) => ({
  gong_id: gongId, email: email(name.toLowerCase()), email_aliases: [], first_name: name, last_name: "Gong", title: null, active: true, manager_gong_id: managerGongId,
});

test.beforeAll(async () => {
  ({ organizationId, adminEmail } = await seedOwnOrganization("Teamcorp"));
  const db = e2eDb();
  const connectionId = await seedConnection(db, organizationId);
  await upsertGongUsers(db, organizationId, [gongUser("6100", "Mona", null), gongUser("6101", "Rafe", "6100"), gongUser("6102", "Ezra", null)]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [name, gongId] of [["Mona", "6100"], ["Rafe", "6101"]] as const) {
    const userId = await seedUser(db, { organizationId, email: email(name.toLowerCase()), name, role: "rep", passwordHash });
    const gong = await db.selectFrom("gong_users").select("id").where("organization_id", "=", organizationId).where("gong_id", "=", gongId).executeTakeFirstOrThrow();
    await seedUserGongLink(db, { userId, organizationId, gongUserId: gong.id });
  }
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  const party = (gongId: string, name: string) => ({ gongId: `p${gongId}`, userGongId: gongId, name, affiliation: "Internal" as const });
  ids.rafe = await seedCall(db, { organizationId, connectionId, gongId: "61001", title: "Rafe renewal call", startedAt: day(1), parties: [party("6101", "Rafe Gong")] });
  ids.ezra = await seedCall(db, { organizationId, connectionId, gongId: "61002", title: "Ezra discovery call", startedAt: day(2), parties: [party("6102", "Ezra Gong")] });
  ids.mona = await seedCall(db, { organizationId, connectionId, gongId: "61003", title: "Mona pipeline review", startedAt: day(3), parties: [party("6100", "Mona Gong")] });
});

async function signedInAs(browser: Browser, name: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email(name));
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });
  return page;
}

test("a manager sees their team's calls and can filter to them; the admin sees who manages whom, and turning it off takes the calls away", async ({ page, browser }) => {
  const mona = await signedInAs(browser, "mona");
  await expect(mona.getByRole("link", { name: "Rafe renewal call" })).toBeVisible();
  await expect(mona.getByRole("link", { name: "Mona pipeline review" })).toBeVisible();
  await expect(mona.getByRole("link", { name: "Ezra discovery call" })).toHaveCount(0);
  await mona.getByLabel("My team").check();
  await mona.getByRole("button", { name: "Search" }).click();
  await expect(mona).toHaveURL(/team=1/);
  await expect(mona.getByRole("link", { name: "Rafe renewal call" })).toBeVisible();
  await expect(mona.getByRole("link", { name: "Mona pipeline review" })).toHaveCount(0);

  const rafe = await signedInAs(browser, "rafe");
  await expect(rafe.getByLabel("My team")).toHaveCount(0);
  await expect(rafe.getByRole("link", { name: "Mona pipeline review" })).toHaveCount(0);

  await signInAsOwnAdmin(page, adminEmail);
  await page.goto("/settings/users");
  const linked = page.getByRole("list", { name: "Linked users" });
  const monaRow = linked.getByRole("listitem").filter({ hasText: "Gong: Mona Gong" });
  await expect(monaRow).toContainText("Team of 1");
  await expect(monaRow).toContainText("Sees Mona Gong's team");
  await expect(linked.getByRole("listitem").filter({ hasText: "Gong: Rafe Gong" })).toContainText("Reports to Mona Gong");

  await page.getByLabel("Managers see their team's calls").uncheck();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved: managers no longer see their team's calls.")).toBeVisible();
  const response = await mona.goto(`/calls/${ids.rafe}`);
  expect(response?.status()).toBe(404);
  await mona.goto("/calls");
  await expect(mona.getByRole("link", { name: "Mona pipeline review" })).toBeVisible();
  await expect(mona.getByRole("link", { name: "Rafe renewal call" })).toHaveCount(0);

  await page.getByLabel("Managers see their team's calls").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved: managers now see their team's calls.")).toBeVisible();
  await mona.goto(`/calls/${ids.rafe}`);
  await expect(mona.getByRole("heading", { name: "Rafe renewal call", level: 1 })).toBeVisible();
  const audit = await e2eDb().selectFrom("audit_events").select("details").where("organization_id", "=", organizationId).where("action", "=", "organization.managers_see_team_changed").orderBy("created_at").execute();
  expect(audit).toEqual([{ details: { from: true, to: false } }, { details: { from: false, to: true } }]);
});
