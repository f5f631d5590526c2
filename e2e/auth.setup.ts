import { expect, test as setup } from "@playwright/test";
import { STORAGE_STATE, signIn } from "./fixtures/users";

setup("sign in as the demo admin", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await page.context().storageState({ path: STORAGE_STATE.admin });
});

setup("sign in as a demo rep", async ({ page }) => {
  await signIn(page, "rep1@acme.test");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await page.context().storageState({ path: STORAGE_STATE.rep1 });
});
