import { expect, test } from "@playwright/test";
import { appAlert, signIn } from "./fixtures/users";

test.describe("signing in", () => {
  test("an anonymous visitor is sent to sign-in and back to the page they wanted", async ({ page }) => {
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fusers$/);
    await page.getByLabel("Email").fill("admin@acme.test");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Users & links", level: 1 })).toBeVisible();
  });

  test("a wrong password gets a clear error and no session", async ({ page }) => {
    await signIn(page, "rep2@acme.test", "not-the-password");
    await expect(appAlert(page)).toHaveText("That email and password don't match an account.");
    await page.goto("/calls");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a malformed email and SQL-ish input are rejected plainly", async ({ page }) => {
    await signIn(page, "not-an-email");
    await expect(appAlert(page)).toHaveText("Enter a valid email address.");
    await signIn(page, "' OR 1=1 --@acme.test", "' OR '1'='1");
    await expect(appAlert(page)).toContainText(/don't match an account|valid email/);
    await expect(page.locator("body")).not.toContainText(/error:|stack|at .*\.js/i);
  });

  test("an admin sees the settings navigation and signs out", async ({ page }) => {
    await signIn(page, "admin@acme.test");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Calls", "Gong connection", "Webhook", "Users & links", "Sync activity"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/calls");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a rep sees only Calls and gets a 403 page for admin URLs", async ({ page }) => {
    await signIn(page, "rep1@acme.test");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Calls" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Gong connection" })).toHaveCount(0);
    for (const path of ["/settings/gong", "/settings/webhook", "/settings/users", "/settings/sync"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
  });
});
