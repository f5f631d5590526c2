import { expect, test } from "@playwright/test";
import { seedCall, seedConnection } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { seedOwnOrganization, signInAsOwnAdmin } from "./fixtures/own-organization";

// Umbrella is this spec's own organization, with three calls, two of which mention a rival.
let umbrella: Awaited<ReturnType<typeof seedOwnOrganization>>;

test.beforeAll(async () => {
  const db = e2eDb();
  umbrella = await seedOwnOrganization("Umbrella");
  const connectionId = await seedConnection(db, umbrella.organizationId);
  const call = (gongId: string, title: string, text: string, daysAgo: number) =>
    seedCall(db, {
      organizationId: umbrella.organizationId, connectionId, gongId, title, startedAt: new Date(Date.now() - daysAgo * 86_400_000), durationSeconds: 600,
      segments: [{ speakerId: "1", startMs: 0, endMs: 4_000, text }],
    });
  await call("95001", "Umbrella renewal", "Honestly, Hexacorp quoted us less. Hexacorp also bundles support.", 1);
  await call("95002", "Umbrella onboarding", "Welcome aboard; let's set up your workspace.", 2);
  await call("95003", "Umbrella expansion", "We looked at Hexacorp last year.", 3);
});

test("trackers are a list with hit counts, edited in a dialog, deleted only once confirmed, and filter the calls list", async ({ page }) => {
  await signInAsOwnAdmin(page, umbrella.adminEmail);
  await page.goto("/settings/trackers");
  const trackers = page.getByRole("table", { name: "Trackers" });
  // No always-open forms: the list holds no text fields until a dialog opens.
  await expect(trackers.getByRole("row").filter({ hasText: "Competitors" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);

  await page.getByRole("button", { name: "Add tracker" }).click();
  const add = page.getByRole("dialog", { name: "Add a tracker" });
  const name = add.getByLabel("Name");
  await expect(name).toHaveAttribute("placeholder", /^e\.g\. /);
  await expect(add.getByLabel("Keywords")).toHaveAttribute("placeholder", /^e\.g\. /);
  await name.fill("Rivals");
  await add.getByLabel("Keywords").fill("Hexacorp");
  await add.getByRole("button", { name: "Add tracker" }).click();
  await expect(add).toBeHidden();

  // Counted in the background: two calls, three mentions.
  const rivals = trackers.getByRole("row").filter({ hasText: "Rivals" });
  await expect(async () => {
    await page.reload();
    await expect(rivals.getByRole("link", { name: "2 calls mention Rivals" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(rivals).toContainText("3");

  await rivals.getByRole("link", { name: "2 calls mention Rivals" }).click();
  await expect(page).toHaveURL(/\/calls\?tracker=[0-9a-f-]{36}$/);
  await expect(page.getByLabel("Tracker")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByRole("link", { name: "Umbrella renewal" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Umbrella expansion" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Umbrella onboarding" })).toHaveCount(0);

  await page.goto("/settings/trackers");
  await rivals.getByRole("button", { name: "Edit tracker Rivals" }).click();
  const edit = page.getByRole("dialog", { name: "Edit “Rivals”" });
  await expect(edit.getByLabel("Keywords")).toHaveValue("Hexacorp");
  await edit.getByLabel("Keywords").fill("Hexacorp, workspace");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(async () => {
    await page.reload();
    await expect(rivals.getByRole("link", { name: "3 calls mention Rivals" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await rivals.getByRole("button", { name: "Delete tracker Rivals" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete the tracker “Rivals”?" });
  await expect(confirm).toContainText("3 with hits now");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(rivals).toBeVisible();
  expect(await e2eDb().selectFrom("trackers").select("id").where("organization_id", "=", umbrella.organizationId).where("name", "=", "Rivals").execute()).toHaveLength(1);

  await rivals.getByRole("button", { name: "Delete tracker Rivals" }).click();
  await confirm.getByRole("button", { name: "Delete tracker" }).click();
  await expect(confirm).toBeHidden();
  await expect(rivals).toHaveCount(0);
  expect(await e2eDb().selectFrom("trackers").select("id").where("organization_id", "=", umbrella.organizationId).where("name", "=", "Rivals").execute()).toHaveLength(0);
});
