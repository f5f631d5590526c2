import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/db";

/** A platform key made the way `npm run create-platform-key` makes one, without importing app code. */
async function createPlatformKey(): Promise<string> {
  const key = `cb_plat_${randomBytes(32).toString("base64url")}`;
  await e2eDb()
    .insertInto("api_keys")
    .values({ kind: "platform", organization_id: null, name: "e2e platform", prefix: key.slice(0, 12), secret_hash: createHash("sha256").update(key).digest("hex") })
    .execute();
  return key;
}

test.describe("connecting a customer through the API", () => {
  test("someone without a Callbridge account opens the connect link, approves in Gong and may close the tab", async ({ browser, request }) => {
    // A customer of its own, so the demo organization's connection (other specs) is untouched.
    const customerId = `globex-${Date.now()}`;
    const organization = await e2eDb().insertInto("organizations").values({ name: `Globex ${customerId}`, external_id: customerId }).returning("id").executeTakeFirstOrThrow();
    const key = await createPlatformKey();

    const response = await request.post("/api/v1/integrations/oauth_url", {
      headers: { authorization: `Bearer ${key}` },
      data: { customer_id: customerId, gong_account_email: "it@globex.test", sync_files_on_connection: false, file_sync_config: { include_speaker_labels: false } },
    });
    expect(response.status()).toBe(200);
    const { oauth_url } = (await response.json()) as { oauth_url: string };

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(oauth_url);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { name: "Gong is connected" })).toBeVisible();
    await expect(page.getByText("You can close this tab.")).toBeVisible();
    await context.close();

    const connection = await e2eDb().selectFrom("gong_connections").selectAll().where("organization_id", "=", organization.id).executeTakeFirstOrThrow();
    expect(connection).toMatchObject({ status: "connected", gong_account_email: "it@globex.test", sync_on_connect: false, include_speaker_labels: false });
  });
});
