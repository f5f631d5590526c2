import { type Browser, type Page, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { seedGongUser, seedUser, seedUserGongLink } from "../test-support/seed-calls";
import { expectNoSidewaysScroll, listSeriousAxeViolations } from "./fixtures/page-checks";
import { e2eDb } from "./fixtures/db";
import { seedOwnOrganization, signInAsOwnAdmin } from "./fixtures/own-organization";
import { DEMO_PASSWORD, appAlert, signIn } from "./fixtures/users";

// People management on an organization of the spec's own: real sessions in separate browsers, real sign-ins.
let organizationId: string;
let adminEmail: string;
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.beforeAll(async () => {
  ({ organizationId, adminEmail } = await seedOwnOrganization("Peoplecorp"));
});

test.beforeEach(async ({ page }) => {
  await signInAsOwnAdmin(page, adminEmail);
});

async function addRep(name: string): Promise<{ id: string; email: string }> {
  const email = `${name.toLowerCase()}-${suffix}@peoplecorp.test`;
  const id = await seedUser(e2eDb(), { organizationId, email, name, role: "rep", passwordHash: await hashPassword(DEMO_PASSWORD) });
  return { id, email };
}

async function signedInBrowser(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

async function openRowAction(page: Page, name: string, action: string) {
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
  return page.getByRole("dialog");
}

const audited = (email: string) => e2eDb().selectFrom("audit_events").select("action").where("target", "=", email).orderBy("created_at").execute();

test("deactivating a signed-in user ends their session and refuses their sign-in; reactivating lets them back", async ({ page, browser }) => {
  const { email } = await addRep("Dora");
  const dora = await signedInBrowser(browser, email);
  await expect(dora.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });

  await page.goto("/settings/users");
  const dialog = await openRowAction(page, "Dora", "Deactivate…");
  await expect(dialog).toContainText("Dora is signed out everywhere at once and cannot sign in until reactivated.");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Dora is deactivated and signed out.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Dora/ })).toContainText("Deactivated");

  await dora.goto("/calls");
  await expect(dora).toHaveURL(/\/sign-in/);
  await signIn(dora, email);
  await expect(appAlert(dora)).toHaveText("That email and password don't match an account.");

  await openRowAction(page, "Dora", "Reactivate…");
  await page.getByRole("dialog").getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByText("Dora can sign in again.")).toBeVisible();
  await signIn(dora, email);
  await expect(dora.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });
  expect(await audited(email)).toEqual([{ action: "user.deactivated" }, { action: "user.reactivated" }]);
});

test("removing a user asks first, and Cancel keeps them", async ({ page, browser }) => {
  const { email } = await addRep("Rita");
  const rita = await signedInBrowser(browser, email);
  await expect(rita.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.goto("/settings/users");
  const dialog = await openRowAction(page, "Rita", "Remove…");
  await expect(dialog.getByRole("heading", { name: "Remove Rita?" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  await openRowAction(page, "Rita", "Remove…");
  await page.getByRole("dialog").getByRole("button", { name: "Remove user" }).click();
  await expect(page.getByText("Rita is removed.")).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0);
  await rita.goto("/calls");
  await expect(rita).toHaveURL(/\/sign-in/);
  expect(await audited(email)).toEqual([{ action: "user.removed" }]);
});

test("unlinking a rep from their Gong user asks for confirmation first", async ({ page }) => {
  const { id, email } = await addRep("Uma");
  const gongUserId = await seedGongUser(e2eDb(), { organizationId, gongId: `77${Date.now() % 1e8}`, email, firstName: "Uma", lastName: "Gong" });
  await seedUserGongLink(e2eDb(), { userId: id, organizationId, gongUserId });
  await page.goto("/settings/users");
  const linked = page.getByRole("list", { name: "Linked users" });
  await linked.getByRole("button", { name: "Unlink Uma" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Unlink Uma from Uma Gong?" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(linked.getByRole("listitem").filter({ hasText: "Uma" })).toBeVisible();

  await linked.getByRole("button", { name: "Unlink Uma" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
  await expect(page.getByRole("list", { name: "App users without a Gong user" }).getByLabel("Gong user for Uma")).toBeVisible();
});

test("a reset password is shown once and must be replaced at sign-in; a rep made admin sees the settings", async ({ page, browser }) => {
  const { email } = await addRep("Pia");
  await page.goto("/settings/users");
  const dialog = await openRowAction(page, "Pia", "Reset password…");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const oneTimePassword = await dialog.getByLabel("One-time password").textContent();
  expect(oneTimePassword).toMatch(/^[a-zA-Z2-9]{16}$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  await openRowAction(page, "Pia", "Make admin…");
  await page.getByRole("dialog").getByRole("button", { name: "Make admin" }).click();
  await expect(page.getByText("Pia is now an admin.")).toBeVisible();

  const pia = await signedInBrowser(browser, email, oneTimePassword ?? "");
  await expect(pia.getByRole("heading", { name: "Replace your one-time password" })).toBeVisible({ timeout: 20_000 });
  await pia.getByLabel("New password").fill("pia-chose-this-one");
  await pia.getByLabel("Repeat it").fill("pia-chose-this-one");
  await pia.getByRole("button", { name: "Save password" }).click();
  await expect(pia.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await expect(pia.getByRole("link", { name: "Users & links" })).toBeVisible();
  expect(await audited(email)).toEqual([{ action: "user.password_reset" }, { action: "user.role_changed" }, { action: "user.password_changed" }]);
});

test("an admin's own row has no actions, only a link to their account", async ({ page }) => {
  await page.goto("/settings/users");
  const own = page.getByRole("row", { name: /\(you\)/ });
  await expect(own.getByRole("button")).toHaveCount(0);
  await own.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
});

test("everyone has an account page from the sidebar: name, password and sign out everywhere", async ({ browser }) => {
  const { email } = await addRep("Ned");
  const ned = await signedInBrowser(browser, email);
  await ned.getByRole("link", { name: /Your account/ }).click();
  await expect(ned.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await ned.getByLabel("Name").fill("Ned Renamed");
  await ned.getByRole("button", { name: "Save name" }).click();
  await expect(ned.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(ned.getByRole("link", { name: /Your account/ })).toContainText("Ned Renamed");
  await expect(ned.getByLabel("Current password")).toBeVisible();
  await ned.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(ned).toHaveURL(/\/sign-in/);
});

test("the users and account pages have no serious accessibility violations at 1366 and 390 px, light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  await addRep("Axel");
  const violations: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      for (const path of ["/settings/users", "/account"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        violations.push(...(await listSeriousAxeViolations(page)).map((violation) => `${colorScheme} ${viewport.width}px ${violation}`));
        await expectNoSidewaysScroll(page);
      }
      await page.goto("/settings/users");
      await openRowAction(page, "Axel", "Deactivate…");
      violations.push(...(await listSeriousAxeViolations(page)).map((violation) => `${colorScheme} ${viewport.width}px dialog ${violation}`));
    }
  }
  expect(violations).toEqual([]);
});
