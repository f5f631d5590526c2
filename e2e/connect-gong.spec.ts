import { type Page, expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { openGongConsent } from "./fixtures/gong-connection";
import { simulatorRequestCount } from "./fixtures/gong-simulator";
import { STORAGE_STATE, appAlert } from "./fixtures/users";

const ALL_SCOPES = [
  "api:calls:read:basic",
  "api:calls:read:extensive",
  "api:calls:read:transcript",
  "api:calls:read:media-url",
  "api:users:read",
  "api:workspaces:read",
  "api:library:read",
];

/** Acme's connection; other specs connect organizations of their own. */
async function storedConnection() {
  return e2eDb()
    .selectFrom("gong_connections")
    .innerJoin("organizations", "organizations.id", "gong_connections.organization_id")
    .selectAll("gong_connections")
    .where("organizations.name", "=", "Acme")
    .executeTakeFirst();
}

async function consent(page: Page, decision: "Approve" | "Deny", untick: string[] = []) {
  await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
  for (const scope of untick) await page.getByLabel(scope, { exact: true }).uncheck();
  await page.getByRole("button", { name: decision }).click();
}

test.describe("connecting Gong", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: STORAGE_STATE.admin });

  test("denying consent shows why and stores nothing", async ({ page }) => {
    const before = await storedConnection();
    await openGongConsent(page);
    await consent(page, "Deny");
    await expect(appAlert(page)).toHaveText("Gong access was not granted, so nothing was connected.");
    expect(await storedConnection()).toEqual(before);
  });

  test("an admin connects through Gong's consent page and sees every scope granted", async ({ page }) => {
    await page.goto("/settings/gong");
    await page.getByLabel("Gong account email").fill("admin@acme.test");
    await page.getByRole("button", { name: "Connect Gong" }).click();
    await consent(page, "Approve");
    await expect(page.getByRole("status").filter({ hasText: "Gong is connected." })).toBeVisible();
    await expect(page.getByText("Connected", { exact: true })).toBeVisible();
    for (const scope of ALL_SCOPES) await expect(page.getByRole("row", { name: `${scope} granted` })).toBeVisible();
    await expect(page.getByText("Every scope Callbridge needs was granted.")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Gong API requests today" })).toBeVisible();

    const stored = await storedConnection();
    expect(stored?.status).toBe("connected");
    expect(stored?.granted_scopes.sort()).toEqual([...ALL_SCOPES].sort());
    expect(stored?.access_token_encrypted?.split(".")).toHaveLength(5);
    expect(await page.content()).not.toContain(stored?.access_token_encrypted ?? "unreachable");
  });

  test("reconnecting with two scopes unticked shows them missing", async ({ page }) => {
    await page.goto("/settings/gong");
    await page.getByRole("button", { name: "Disconnect" }).waitFor();
    await openGongConsent(page);
    await consent(page, "Approve", ["api:calls:read:media-url", "api:library:read"]);
    await expect(page.getByRole("row", { name: "api:calls:read:media-url missing" })).toBeVisible();
    await expect(page.getByRole("row", { name: "api:library:read missing" })).toBeVisible();
    await expect(page.getByText("Without api:calls:read:media-url recordings cannot be played.")).toBeVisible();
    await expect(page.getByRole("row", { name: "api:calls:read:transcript granted" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Reconnect Gong" })).toBeVisible();
  });

  test("settings are saved with an audit entry", async ({ page }) => {
    await page.goto("/settings/gong");
    await page.getByLabel("Auto-sync").selectOption("12");
    await page.getByLabel("Include speaker labels").uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Auto-sync")).toHaveValue("12");
    await expect(page.getByLabel("Include speaker labels")).not.toBeChecked();
    await expect(page.getByText("Ada Admin changed the sync settings")).toBeVisible();
    await page.getByLabel("Include speaker labels").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  });

  test("disconnecting destroys the tokens and Gong hears nothing more", async ({ page }) => {
    await page.goto("/settings/gong");
    await page.getByRole("button", { name: "Disconnect" }).click();
    const dialog = page.getByRole("dialog", { name: "Disconnect Gong?" });
    await expect(dialog).toContainText("stops every running sync");
    await dialog.getByRole("button", { name: "Disconnect", exact: true }).click();
    await expect(page.getByText("Disconnected", { exact: true })).toBeVisible();
    await expect(page.getByText("Company Settings → Ecosystem → Connected apps → Callbridge → Revoke")).toBeVisible();

    const stored = await storedConnection();
    expect(stored?.status).toBe("revoked");
    expect(stored?.access_token_encrypted).toBeNull();
    expect(stored?.refresh_token_encrypted).toBeNull();
    const before = await simulatorRequestCount();
    await page.waitForTimeout(3_000);
    expect(await simulatorRequestCount()).toBe(before);
  });
});

test.describe("a rep", () => {
  test.use({ storageState: STORAGE_STATE.rep1 });

  test("cannot reach the connection page or start OAuth", async ({ page }) => {
    expect((await page.goto("/settings/gong"))?.status()).toBe(403);
    const start = await page.request.post("/api/gong/oauth/start", { maxRedirects: 0 });
    expect(start.status()).toBe(403);
  });
});
