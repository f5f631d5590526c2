import { type Locator, type Page, expect, test } from "@playwright/test";
import { type WebhookReceiver, startWebhookReceiver } from "../test-support/webhook-receiver";
import { e2eDb } from "./fixtures/db";
import { listSeriousAxeViolations } from "./fixtures/page-checks";
import { STORAGE_STATE } from "./fixtures/users";

let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

/** The delivery log is a server-rendered page: reload until the row says what is expected. */
async function expectLogRow(page: Page, webhookId: string, text: RegExp, count = 1): Promise<Locator> {
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: webhookId });
  await expect(async () => {
    await page.reload();
    await expect(rows).toHaveCount(count, { timeout: 1_000 });
    for (let index = 0; index < count; index++) await expect(rows.nth(index)).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return rows;
}

test.describe("Settings → Outbound", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("an admin adds an endpoint, tests it, replays a delivery with the same webhook-id, rotates its secret and disables it", async ({ page }) => {
    const path = `/callbridge-${Date.now()}`;
    const url = receiver.url(path);
    await page.goto("/settings/outbound");
    await expect(page.getByRole("heading", { name: "Outbound", level: 1 })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "OUTBOUND_ALLOW_PRIVATE_TARGETS is on" })).toBeVisible();

    // Added: the signing secret is shown once, and gone once dismissed and on the next visit.
    await page.getByLabel("Kind").selectOption({ label: "Webhook" });
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByLabel("Description").fill("e2e receiver");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByLabel("Signing secret", { exact: true }).textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByLabel("Signing secret", { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    const row = page.getByRole("listitem").filter({ hasText: url });
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("e2e receiver");
    const stored = await e2eDb().selectFrom("webhook_endpoints").select(["id", "secret_encrypted"]).where("url", "=", url).executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).not.toContain(secret.slice(6));

    // A test event: it reaches the receiver signed with that secret, and the log shows it delivered.
    await row.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Test event queued.")).toBeVisible();
    await receiver.waitFor(() => receiver.on(path).length === 1, 20_000, "the test event");
    const [first] = receiver.on(path);
    expect(receiver.verify(first!, secret)).toMatchObject({ type: "endpoint.test", data: { endpoint_id: stored.id } });
    await row.getByRole("link", { name: "Deliveries" }).click();
    await expect(page.getByRole("heading", { name: "Delivery log" })).toBeVisible();
    const delivered = await expectLogRow(page, first!.webhookId, /delivered/);
    await expect(delivered).toContainText("endpoint.test");
    await expect(delivered).toContainText("200");

    // Replayed: the same webhook-id and body arrive again, freshly signed, and the log has the replay beside the original.
    await delivered.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByText("Replay queued, with the same webhook-id.")).toBeVisible();
    await receiver.waitFor(() => receiver.on(path).length === 2, 20_000, "the replay");
    const replay = receiver.on(path)[1]!;
    expect([replay.webhookId, replay.body]).toEqual([first!.webhookId, first!.body]);
    expect(receiver.verify(replay, secret)).toMatchObject({ type: "endpoint.test" });
    const both = await expectLogRow(page, first!.webhookId, /delivered/, 2);
    await expect(both.filter({ hasText: /replay/ })).toHaveCount(1);

    // Rotated: a new secret, shown once; for 24 hours a request verifies with either.
    await row.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("dialog", { name: "Rotate the signing secret?" }).getByRole("button", { name: "Rotate secret" }).click();
    const rotated = (await row.getByLabel("New signing secret", { exact: true }).textContent()) ?? "";
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await expect(row).toContainText("The previous secret also signs until");
    await row.getByRole("button", { name: "Done" }).click();
    await row.getByRole("button", { name: "Send test event" }).click();
    await receiver.waitFor(() => receiver.on(path).length === 3, 20_000, "the test event after the rotation");
    const afterRotation = receiver.on(path)[2]!;
    expect(afterRotation.webhookId).not.toBe(first!.webhookId);
    expect([receiver.verify(afterRotation, rotated), receiver.verify(afterRotation, secret)]).toEqual([
      expect.objectContaining({ type: "endpoint.test" }),
      expect.objectContaining({ type: "endpoint.test" }),
    ]);
    await expectLogRow(page, afterRotation.webhookId, /delivered/);

    expect(await listSeriousAxeViolations(page)).toEqual([]);

    // Disabled: said on the page and stored; a test event to it is not sent.
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByText("Endpoint disabled.")).toBeVisible();
    await expect(row).toContainText("Disabled");
    await expect(row).toContainText("Disabled by an admin.");
    await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();
    expect(await e2eDb().selectFrom("webhook_endpoints").select(["enabled", "disabled_reason"]).where("id", "=", stored.id).executeTakeFirstOrThrow()).toEqual({
      enabled: false,
      disabled_reason: "Disabled by an admin.",
    });
  });

  test("a Slack incoming-webhook URL is shown only masked once saved, and stored encrypted", async ({ page }) => {
    const token = `slack-token-${Date.now()}`;
    const url = receiver.url(`/services/T0E2E/B0E2E/${token}`);
    const masked = `${new URL(url).origin}/services/T0E2E/…`;
    await page.goto("/settings/outbound");
    await page.getByLabel("Kind").selectOption({ label: "Slack" });
    await page.getByLabel("Slack incoming-webhook URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    // A Slack endpoint is not signed: no secret to show, nothing to rotate.
    await expect(page.getByRole("status").filter({ hasText: "The Slack endpoint is added." })).toBeVisible();
    await expect(page.getByLabel("Signing secret", { exact: true })).toHaveCount(0);
    const row = page.getByRole("listitem").filter({ hasText: masked });
    await expect(row).toContainText("Slack");
    await expect(row.getByRole("button", { name: "Rotate secret" })).toHaveCount(0);
    // The form starts over as a whole: its Kind select and the fields that follow it agree again.
    await expect(page.getByLabel("Kind")).toHaveValue("standard");
    await expect(page.getByLabel("Endpoint URL")).toBeVisible();
    await expect(page.getByText("It has external participants")).toHaveCount(0);
    await page.reload();
    await expect(row).toHaveCount(1);
    expect(await page.content()).not.toContain(token);
    const stored = await e2eDb().selectFrom("webhook_endpoints").select(["url", "url_encrypted"]).where("url", "=", masked).executeTakeFirstOrThrow();
    expect(stored.url_encrypted).toMatch(/^ey[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored.url_encrypted).not.toContain(token);

    await row.getByRole("button", { name: `Delete ${masked}` }).click();
    await page.getByRole("dialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("Settings → Outbound for reps", () => {
  test.use({ storageState: STORAGE_STATE.rep1 });

  test("a rep cannot open the page", async ({ page }) => {
    const response = await page.goto("/settings/outbound");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  });
});
