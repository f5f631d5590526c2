import { expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { STORAGE_STATE } from "./fixtures/users";

async function createKey(page: import("@playwright/test").Page, name: string, expires?: string): Promise<string> {
  await page.getByLabel("Key name").fill(name);
  if (expires) await page.getByLabel("Expires").selectOption({ label: expires });
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByLabel("New API key").textContent()) ?? "";
  expect(key).toMatch(/^cb_org_[\w-]{43}$/);
  return key;
}

test.describe("API keys", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("an admin creates a key shown once, uses it, sees its last use and revokes it, and the secret goes with it", async ({ page, request }) => {
    const name = `Warehouse ${Date.now()}`;
    await page.goto("/settings/api");
    await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();
    const key = await createKey(page, name);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(key.slice(0, 11));
    await expect(row).toContainText("Never");

    const files = await request.get("/api/v1/files", { headers: { authorization: `Bearer ${key}` } });
    expect(files.status()).toBe(200);

    // Revoked while its secret is still on screen: the "Copy it now" box goes, there is nothing left worth copying.
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");
    await expect(page.getByLabel("New API key")).toHaveCount(0);
    await expect(page.getByText("Copy it now")).toHaveCount(0);
    const refused = await request.get("/api/v1/files", { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(401);
    await expect(page.getByRole("listitem").filter({ hasText: `revoked the key “${name}”` })).toBeVisible();
  });

  test("a key rolls to a new secret while the old one works for the overlap chosen, and a key past its expiry is refused", async ({ page, request }) => {
    const name = `Rolling ${Date.now()}`;
    await page.goto("/settings/api");
    const oldKey = await createKey(page, name, "In 30 days");
    await page.getByRole("button", { name: "Done" }).click();
    const rows = page.getByRole("row").filter({ hasText: name });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(/next mo\.|in 4 wk\.|in 30 days/);

    await rows.getByRole("button", { name: `Roll ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Roll “${name}”?` });
    await dialog.getByLabel("Old secret keeps working for").selectOption({ label: "1 hour" });
    await expect(dialog).toContainText("For 1 hour after you roll; then it is refused.");
    await dialog.getByRole("button", { name: "Roll key" }).click();
    const newKey = (await dialog.getByLabel("Rolled API key").textContent()) ?? "";
    expect(newKey).toMatch(/^cb_org_[\w-]{43}$/);
    await expect(dialog).toContainText("The old secret works until");
    await dialog.getByRole("button", { name: "Done" }).click();

    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: oldKey.slice(0, 11) })).toContainText("in 1 hr");
    for (const key of [oldKey, newKey]) {
      expect((await request.get("/api/v1/files", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);
    }
    const stored = await e2eDb().selectFrom("api_keys").select(["prefix", "expires_at"]).where("name", "=", name).execute();
    const newExpiry = stored.find((row) => newKey.startsWith(row.prefix))?.expires_at;
    expect(newExpiry && new Date(newExpiry).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);

    // The overlap ends: the old secret is refused, as a key past its expiry is.
    await e2eDb().updateTable("api_keys").set({ expires_at: new Date(Date.now() - 1_000) }).where("prefix", "=", oldKey.slice(0, 11)).execute();
    expect((await request.get("/api/v1/files", { headers: { authorization: `Bearer ${oldKey}` } })).status()).toBe(401);
    await page.reload();
    await expect(rows.filter({ hasText: oldKey.slice(0, 11) })).toContainText("Expired");
    await expect(page.getByRole("listitem").filter({ hasText: `rolled the key “${name}”` })).toBeVisible();
  });

  test("the API reference: two columns, this instance's URL in copyable curl examples, example responses, Markdown rendered", async ({ page, baseURL }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/settings/api");
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    for (const id of ["createOAuthUrl", "deleteFiles", "updateUsers", "getFile"]) await expect(page.locator(`section#${id}`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Delete calls" })).toBeVisible();

    // Markdown is rendered: inline code is code, no literal backticks anywhere.
    expect(await page.getByRole("main").innerText()).not.toContain("`");
    await expect(page.getByRole("main").locator("code", { hasText: "Authorization: Bearer <key>" }).first()).toBeVisible();

    const deleteFiles = page.locator("section#deleteFiles");
    const request = deleteFiles.getByRole("figure").filter({ hasText: "Request" });
    await expect(request).toContainText(`curl -X POST "${new URL(baseURL!).origin}/api/v1/delete_files"`);
    await expect(request).toContainText('-d \'{"call_ids":["123"]}\'');
    await request.getByRole("button", { name: /^Copy POST \/api\/v1\/delete_files request/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`${new URL(baseURL!).origin}/api/v1/delete_files`);
    await expect(deleteFiles.getByRole("figure").filter({ hasText: "Response 202" })).toContainText('"sync_run_id"');

    // Side by side on a desktop: the request sits to the right of the description.
    const description = await deleteFiles.getByRole("heading", { name: "Delete calls" }).boundingBox();
    const sample = await request.boundingBox();
    expect(sample!.x).toBeGreaterThan(description!.x + description!.width / 2);
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
