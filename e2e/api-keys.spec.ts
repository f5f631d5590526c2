import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./fixtures/users";

test.describe("API keys", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("an admin creates a key shown once, uses it, sees its last use and revokes it", async ({ page, request }) => {
    const name = `Warehouse ${Date.now()}`;
    await page.goto("/settings/api");
    await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByLabel("New API key").textContent()) ?? "";
    expect(key).toMatch(/^cb_org_[\w-]{43}$/);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(key.slice(0, 11));
    await expect(row).toContainText("Never");

    const files = await request.get("/api/v1/files", { headers: { authorization: `Bearer ${key}` } });
    expect(files.status()).toBe(200);
    await page.reload();
    await expect(page.getByLabel("New API key")).toHaveCount(0);
    await expect(row).not.toContainText("Never");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");
    const refused = await request.get("/api/v1/files", { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(401);
    await expect(page.getByRole("listitem").filter({ hasText: `revoked the key “${name}”` })).toBeVisible();
  });

  test("the API reference lists every endpoint with an example", async ({ page }) => {
    await page.goto("/settings/api");
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    for (const path of ["/api/v1/integrations/oauth_url", "/api/v1/delete_files", "/api/v1/update_users", "/api/v1/files/{id}"]) {
      await expect(page.getByRole("heading", { name: new RegExp(path.replace(/[{}/]/g, "\\$&")) })).toBeVisible();
    }
    await expect(page.getByText('-d \'{"call_ids":["123"]}\'')).toBeVisible();
  });
});

test.describe("the API over HTTP", () => {
  test("serves its OpenAPI document without a key and answers unknown endpoints in its error shape", async ({ request }) => {
    const document = await request.get("/api/v1/openapi.json");
    expect(document.status()).toBe(200);
    expect(await document.json()).toMatchObject({ openapi: "3.1.0", paths: expect.objectContaining({ "/api/v1/delete_files": expect.anything() }) });
    const unknown = await request.post("/api/v1/nope", { data: {} });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
    const anonymous = await request.post("/api/v1/delete_files", { data: { call_ids: ["1"] } });
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
});

test.describe("API keys for reps", () => {
  test.use({ storageState: STORAGE_STATE.rep1 });

  test("a rep cannot open the API page", async ({ page }) => {
    const response = await page.goto("/settings/api");
    expect(response?.status()).toBe(403);
  });
});
