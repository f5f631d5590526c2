import { type Browser, type Page, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { seedUser } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { DEMO_PASSWORD, STORAGE_STATE, appAlert, signIn } from "./fixtures/users";

// Real sessions in separate browsers: ending them must sign the other browsers out on their next request.
const suffix = Date.now().toString(36);

async function addAcmeRep(name: string): Promise<string> {
  const db = e2eDb();
  const acme = await db.selectFrom("organizations").select("id").where("name", "=", "Acme").executeTakeFirstOrThrow();
  const email = `${name.toLowerCase()}-${suffix}@acme.test`;
  await seedUser(db, { organizationId: acme.id, email, name, role: "rep", passwordHash: await hashPassword(DEMO_PASSWORD) });
  return email;
}

async function signedInBrowser(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/calls");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("changing a password asks for the current one and ends the user's other sessions, not this one", async ({ browser }) => {
  const email = await addAcmeRep("Petra");
  const here = await signedInBrowser(browser, email);
  const elsewhere = await signedInBrowser(browser, email);
  await here.goto("/account/password");
  await here.getByLabel("Current password").fill("not-my-password");
  await here.getByLabel("New password").fill("a-brand-new-password");
  await here.getByLabel("Repeat it").fill("a-brand-new-password");
  await here.getByRole("button", { name: "Save password" }).click();
  await expect(appAlert(here)).toHaveText("That isn't your current password.");
  await here.getByLabel("Current password").fill(DEMO_PASSWORD);
  await here.getByLabel("New password").fill("a-brand-new-password");
  await here.getByLabel("Repeat it").fill("a-brand-new-password");
  await here.getByRole("button", { name: "Save password" }).click();
  await expect(here.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await here.reload();
  await expect(here.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await expectSignedOut(elsewhere);
  await signIn(elsewhere, email, "a-brand-new-password");
  await expect(elsewhere.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
});

test("sign out everywhere ends the user's sessions in every browser", async ({ browser }) => {
  const email = await addAcmeRep("Sven");
  const here = await signedInBrowser(browser, email);
  const elsewhere = await signedInBrowser(browser, email);
  await here.goto("/account/password");
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/sign-in/);
  await expectSignedOut(here);
  await expectSignedOut(elsewhere);
});

test.describe("an admin", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("ends a user's sessions from the users page, and it is recorded", async ({ page, browser }) => {
    const email = await addAcmeRep("Ulla");
    const rep = await signedInBrowser(browser, email);
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "End Ulla's sessions" }).click();
    await expect(page.getByText("Ulla is signed out everywhere.")).toBeVisible();
    await expectSignedOut(rep);
    const audit = await e2eDb().selectFrom("audit_events").select(["action", "details"]).where("target", "=", email).execute();
    expect(audit).toContainEqual({ action: "user.sessions_ended", details: { self: false } });
    // The admin's own session is untouched.
    await page.goto("/calls");
    await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  });
});
