import { expect, test } from "@playwright/test";
import { connectGong } from "./fixtures/gong-connection";
import { simulatorControl } from "./fixtures/gong-simulator";
import { STORAGE_STATE, appAlert } from "./fixtures/users";

type Rule = { id: string; publicKey: string };
type SimulatorDelivery = { status: string; attempts: Array<{ status: number | null }> };

const CALL_TITLE = `Webhook e2e ${Date.now()} <> Globex`;

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

    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
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
    await expect(page.getByText("Ready for deliveries")).toBeVisible();

    const delivery = await simulatorControl<SimulatorDelivery>(`rules/${rule.id}/test`, {});
    expect(delivery.status).toBe("delivered");
    const deliveries = page.getByRole("table", { name: "Recent deliveries" });
    await expect(deliveries.getByText("Test received ✓")).toBeVisible();
  });

  test("a new Gong call is accepted by the webhook", async ({ page }) => {
    test.skip(!rule, "needs the rule from the previous test");
    await page.goto("/settings/webhook");
    const call = await simulatorControl<{ id: string; rulesFired: number }>("calls", {
      title: CALL_TITLE,
      primaryUserEmail: "rep1@acme.test",
      participants: ["cfo@globex.example"],
      transcriptDelaySeconds: 0,
    });
    expect(call.rulesFired).toBeGreaterThanOrEqual(1);
    const row = page.getByRole("table", { name: "Recent deliveries" }).getByRole("row").filter({ hasText: `Call ${call.id} queued for sync` });
    await expect(row.getByText("Accepted")).toBeVisible();
  });

  test("the new call appears in the calls list with its transcript", async ({ page }) => {
    test.skip(!rule, "needs the call from the previous test");
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

  test("the URL-key alternative: a keyed URL, Gong's test through it, and a regenerated key", async ({ page }) => {
    await page.goto("/settings/webhook");
    await page.getByLabel("URL includes key").check();
    const keyedField = page.getByLabel("Destination URL with key");
    await expect(keyedField).toHaveValue(/\/api\/webhooks\/gong\/[0-9a-f-]{36}\?key=[\w-]{32}$/);
    const keyedUrl = await keyedField.inputValue();

    const keyRule = await simulatorControl<Rule>("rules", { url: keyedUrl, auth: "url-key" });
    try {
      expect((await simulatorControl<SimulatorDelivery>(`rules/${keyRule.id}/test`, {})).status).toBe("delivered");
      await expect(page.getByRole("table", { name: "Recent deliveries" }).getByText("Test received ✓").first()).toBeVisible();

      await page.getByRole("button", { name: "Regenerate key" }).click();
      const dialog = page.getByRole("dialog", { name: "Regenerate the URL key?" });
      await dialog.getByRole("button", { name: "Regenerate key" }).click();
      await expect(dialog).toBeHidden();
      await expect(keyedField).not.toHaveValue(keyedUrl);
      const stale = await simulatorControl<SimulatorDelivery>(`rules/${keyRule.id}/test`, {});
      expect(stale.attempts.at(-1)?.status).toBe(401);
      await expect(page.getByText("Wrong or missing key in the URL").first()).toBeVisible();
    } finally {
      await fetch(`${process.env.E2E_SIMULATOR_URL}/__sim/rules/${keyRule.id}`, { method: "DELETE" });
      await page.getByLabel("Signed JWT header").check();
      await expect(page.getByLabel("Destination URL", { exact: true })).toBeVisible();
    }
  });
});
