import { type Page, expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";
import { connectGong } from "./fixtures/gong-connection";
import { simulatorControl } from "./fixtures/gong-simulator";
import { STORAGE_STATE, appAlert } from "./fixtures/users";

type Rule = { id: string; publicKey: string };
type SimulatorDelivery = { status: string; attempts: Array<{ status: number | null }> };

const CALL_TITLE = `Webhook e2e ${Date.now()} <> Globex`;
const deliveriesTable = (page: Page) => page.getByRole("table", { name: "Recent deliveries" });
const health = (page: Page) => page.getByRole("status", { name: "Webhook health" });

async function storedAuth(): Promise<string | undefined> {
  const row = await e2eDb()
    .selectFrom("gong_connections")
    .innerJoin("organizations", "organizations.id", "gong_connections.organization_id")
    .select("gong_connections.webhook_auth")
    .where("organizations.name", "=", "Acme")
    .executeTakeFirst();
  return row?.webhook_auth;
}

/** The switch takes effect only through Save and its warning. */
async function switchAuth(page: Page, to: "URL includes key" | "Signed JWT header") {
  await page.getByLabel(to).check();
  await page.getByRole("button", { name: "Save method" }).click();
  const dialog = page.getByRole("dialog", { name: `Switch to “${to}”?` });
  await dialog.getByRole("button", { name: "Switch now" }).click();
  await expect(dialog).toBeHidden();
}

test.describe("new calls by webhook", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: STORAGE_STATE.admin, permissions: ["clipboard-read", "clipboard-write"] });

  let rule: Rule | undefined;

  test.afterAll(async () => {
    if (rule) await fetch(`${process.env.E2E_SIMULATOR_URL}/__sim/rules/${rule.id}`, { method: "DELETE" });
  });

  test("the admin copies the URL, saves the rule's public key and sees Gong's test delivery", async ({ page }) => {
    await connectGong(page);
    await page.goto("/settings/webhook");
    await expect(page.getByRole("heading", { name: "Webhook" })).toBeVisible();
    await expect(page.getByLabel("Signed JWT header")).toBeChecked();
    await expect(health(page)).toContainText("Waiting for setup");

    await page.getByRole("button", { name: "Copy Destination URL" }).click();
    await expect(page.getByRole("button", { name: "Copied Destination URL" })).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/webhooks\/gong\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Destination URL")).toHaveValue(url);

    rule = await simulatorControl<Rule>("rules", { url, auth: "jwt" });

    const keyField = page.getByLabel("Gong public key");
    await keyField.fill("-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA\n-----END RSA PUBLIC KEY-----");
    await page.getByRole("button", { name: "Save public key" }).click();
    await expect(appAlert(page)).toContainText("That doesn't look like a Gong public key");

    await keyField.fill(rule.publicKey);
    await page.getByRole("button", { name: "Save public key" }).click();
    await expect(page.getByText(`A public key is saved (ends …${rule.publicKey.slice(-8)})`)).toBeVisible();

    const delivery = await simulatorControl<SimulatorDelivery>(`rules/${rule.id}/test`, {});
    expect(delivery.status).toBe("delivered");
    await expect(deliveriesTable(page).getByText("Test received ✓")).toBeVisible();
    await expect(health(page)).toContainText("Receiving deliveries");
  });

  test("once Gong delivers, the setup folds away and a new call's row names the call, links it, and opens to its checks", async ({ page }) => {
    test.skip(!rule, "needs the rule from the previous test");
    await page.goto("/settings/webhook");
    await expect(page.getByText("Done: the rule delivers.")).toBeVisible();
    await expect(page.getByLabel("Gong public key")).toBeHidden();
    await expect(page.getByText("Keep this page open")).toHaveCount(0);

    const call = await simulatorControl<{ id: string; rulesFired: number }>("calls", {
      title: CALL_TITLE,
      primaryUserEmail: "rep1@acme.test",
      participants: ["cfo@globex.example"],
      transcriptDelaySeconds: 0,
    });
    expect(call.rulesFired).toBeGreaterThanOrEqual(1);
    const row = deliveriesTable(page).getByRole("row").filter({ hasText: "Accepted" }).first();
    // The row names the call once it is synced, and links to it.
    await expect(row.getByRole("link", { name: CALL_TITLE })).toHaveAttribute("href", /^\/calls\/[0-9a-f-]{36}$/, { timeout: 30_000 });

    await row.getByRole("button", { name: /^Details of the delivery/ }).click();
    const detail = page.getByRole("dialog", { name: "Webhook delivery" });
    await expect(detail).toContainText("Verified and accepted");
    await expect(detail).toContainText("Signed JWT header");
    await expect(detail.getByRole("list", { name: "Checks" }).getByRole("listitem")).toContainText([
      /Connection.*: passed/, /Content-Length.*: passed/, /Public key.*: passed/, /Authorization.*: passed/, /Signature.*: passed/,
      /exp.*: passed/, /body_sha256.*: passed/, /webhook_url.*: passed/, /Payload.*: passed/, /Sync queued.*: passed/,
    ]);
    await detail.getByRole("button", { name: "Sync this call again" }).click();
    await detail.getByRole("link", { name: "Follow the run" }).click();
    await expect(page.getByRole("heading", { name: "Single call run", level: 1 })).toBeVisible();
    await expect(page.getByText("succeeded", { exact: true })).toBeVisible({ timeout: 30_000 });
  });

  test("switching the authentication method needs Save and a warning: one click changes nothing", async ({ page }) => {
    test.skip(!rule, "needs the live rule from the first test");
    await page.goto("/settings/webhook");
    await page.getByText("Set up the rule in Gong").click();
    await page.getByLabel("URL includes key").check();
    await expect(page.getByText("Not saved. Deliveries are still checked with “Signed JWT header”.")).toBeVisible();
    await page.waitForTimeout(500);
    expect(await storedAuth()).toBe("jwt");
    // The live rule still delivers, signed, and is accepted.
    expect((await simulatorControl<SimulatorDelivery>(`rules/${rule!.id}/test`, {})).status).toBe("delivered");

    await page.getByRole("button", { name: "Save method" }).click();
    const dialog = page.getByRole("dialog", { name: "Switch to “URL includes key”?" });
    await expect(dialog).toContainText("rejects deliveries sent with “Signed JWT header” (HTTP 401)");
    await expect(dialog).toContainText("The rule is live");
    await dialog.getByRole("button", { name: "Keep “Signed JWT header”" }).click();
    expect(await storedAuth()).toBe("jwt");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByLabel("Signed JWT header")).toBeChecked();
    expect(await storedAuth()).toBe("jwt");
  });

  test("the new call appears in the calls list with its transcript", async ({ page }) => {
    test.skip(!rule, "needs the call from the earlier test");
    await page.goto("/calls");
    const link = page.getByRole("link", { name: CALL_TITLE });
    await expect(async () => {
      await page.reload();
      await expect(link).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await link.click();
    await expect(page.getByRole("heading", { name: CALL_TITLE })).toBeVisible();
    await expect(page.getByRole("list", { name: "Transcript" }).getByRole("listitem").first()).toBeVisible();
  });

  test("the URL-key alternative: a keyed URL, Gong's test through it, a regenerated key, and health from the last delivery", async ({ page }) => {
    await page.goto("/settings/webhook");
    await page.getByText("Set up the rule in Gong").click();
    await switchAuth(page, "URL includes key");
    expect(await storedAuth()).toBe("url-key");
    const keyedField = page.getByLabel("Destination URL with key");
    await expect(keyedField).toHaveValue(/\/api\/webhooks\/gong\/[0-9a-f-]{36}\?key=[\w-]{32}$/);
    const keyedUrl = await keyedField.inputValue();

    const keyRule = await simulatorControl<Rule>("rules", { url: keyedUrl, auth: "url-key" });
    try {
      expect((await simulatorControl<SimulatorDelivery>(`rules/${keyRule.id}/test`, {})).status).toBe("delivered");
      await expect(deliveriesTable(page).getByText("Test received ✓").first()).toBeVisible();

      await page.getByRole("button", { name: "Regenerate key" }).click();
      const dialog = page.getByRole("dialog", { name: "Regenerate the URL key?" });
      await dialog.getByRole("button", { name: "Regenerate key" }).click();
      await expect(dialog).toBeHidden();
      await expect(keyedField).not.toHaveValue(keyedUrl);
      const stale = await simulatorControl<SimulatorDelivery>(`rules/${keyRule.id}/test`, {});
      expect(stale.attempts.at(-1)?.status).toBe(401);
      await expect(health(page)).toContainText("Last delivery rejected");
      await expect(health(page)).toContainText("Wrong or missing key in the URL");
      const rejected = deliveriesTable(page).getByRole("row").filter({ hasText: "Rejected" }).first();
      await rejected.getByRole("button", { name: /^Details of the delivery/ }).click();
      const detail = page.getByRole("dialog", { name: "Webhook delivery" });
      await expect(detail.getByRole("listitem").filter({ hasText: "key The key query parameter" })).toContainText(": failed");
      await expect(detail.getByRole("listitem").filter({ hasText: "Payload" })).toContainText(": not reached");
      await page.keyboard.press("Escape");
    } finally {
      await fetch(`${process.env.E2E_SIMULATOR_URL}/__sim/rules/${keyRule.id}`, { method: "DELETE" });
      await switchAuth(page, "Signed JWT header");
      await expect(page.getByLabel("Destination URL", { exact: true })).toBeVisible();
    }
  });
});

test.describe("on a phone", () => {
  test.use({ storageState: STORAGE_STATE.admin, viewport: { width: 390, height: 844 }, permissions: ["clipboard-read", "clipboard-write"] });

  test("copying the URL leaves nothing over the public key's inline error", async ({ page }) => {
    await page.goto("/settings/webhook");
    await page.getByText("Set up the rule in Gong").click();
    await page.getByRole("button", { name: "Copy Destination URL" }).click();
    await page.getByLabel("Gong public key").fill("not a key");
    // Where a phone user's thumb leaves it: the form at the bottom of the screen, where toasts appear. (A DOM click,
    // since Playwright's own would first scroll the button out from under anything covering it.)
    const save = page.getByRole("button", { name: "Save public key" });
    await save.evaluate((button) => button.scrollIntoView({ block: "end" }));
    await save.evaluate((button: HTMLButtonElement) => button.click());
    const error = page.locator("#gong-public-key-error");
    await expect(error).toContainText("doesn't look like a Gong public key");
    // What is drawn at the error's centre is the error itself, not a toast over it.
    const onTop = await error.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(onTop).toBe(true);
  });
});
