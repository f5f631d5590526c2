import { expect, test } from "@playwright/test";
import { STORAGE_STATE, appAlert, signIn } from "./fixtures/users";

test.describe("adding a user", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("an admin adds a rep, who signs in once with the one-time password and chooses their own", async ({ page, browser }) => {
    const email = `new-rep-${Date.now()}@acme.test`;
    await page.goto("/settings/users");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill("Nina New");
    await page.getByRole("button", { name: "Add user" }).click();
    const oneTimePassword = await page.getByLabel("One-time password").textContent();
    expect(oneTimePassword).toMatch(/^[a-zA-Z2-9]{16}$/);
    await expect(page.getByRole("cell", { name: email })).toBeVisible();

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill("Nina Again");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(appAlert(page)).toHaveText(`${email} already has an account in this organization.`);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newUser = await context.newPage();
    await signIn(newUser, email, oneTimePassword ?? "");
    await expect(newUser.getByRole("heading", { name: "Replace your one-time password" })).toBeVisible();
    await newUser.getByLabel("New password").fill("a-much-better-password");
    await newUser.getByLabel("Repeat it").fill("a-much-better-password");
    await newUser.getByRole("button", { name: "Save password" }).click();
    await expect(newUser.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
    await context.close();
  });
});

test.describe("small screens", () => {
  test.use({ storageState: STORAGE_STATE.admin, viewport: { width: 390, height: 844 } });

  test("the navigation opens from the menu button at 390 px", async ({ page }) => {
    await page.goto("/calls");
    await expect(page.getByRole("link", { name: "Gong connection" })).not.toBeInViewport();
    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("link", { name: "Gong connection" }).click();
    await expect(page.getByRole("heading", { name: "Gong connection", level: 1 })).toBeVisible();
  });
});
