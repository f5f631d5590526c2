import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENCRYPTED_COLUMNS } from "@/db/queries/encrypted-secrets";
import { decryptSecret, encryptSecret, isEncryptedWithOlderKey, parseEncryptionKey } from "@/lib/crypto/encryption";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const oldKeyText = randomBytes(32).toString("base64url");
const newKeyText = randomBytes(32).toString("base64url");
const oldKey = parseEncryptionKey(oldKeyText);
const newKey = parseEncryptionKey(newKeyText);
const ring = [newKey, oldKey];
const SLACK_URL = "https://hooks.slack.com/services/T1/B1/slack-url-token";
const LEGACY_SLACK_URL = "https://hooks.slack.com/services/T2/B2/legacy-url-token";

let stack: SyncStack;
let connectionId: string;

/** `npm run rotate-token-key -- …`, as an operator runs it. */
async function rotate(keyText: string, args: string[] = []) {
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL, TOKEN_ENCRYPTION_KEY: keyText };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/rotate-token-key.ts", ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const storedSecrets = () => stack.db.selectFrom("gong_connections").select(["id", "status", ...ENCRYPTED_COLUMNS]).orderBy("id").execute();

beforeAll(async () => {
  // Every process already has the ring (new key first), as the operations guide orders; the tokens below were
  // stored before the new key existed. Tokens live ~3 s past the refresh margin, so the sync refreshes (and
  // Gong rotates the single-use refresh token) while the rotation runs.
  stack = await startSyncStack({ simulator: { calls: 200, tokenTtlSeconds: 303 }, env: { TOKEN_ENCRYPTION_KEY: `${newKeyText},${oldKeyText}` } });
  connectionId = await stack.connect();
  const row = await stack.db.selectFrom("gong_connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
  await stack.db
    .updateTable("gong_connections")
    .set({
      access_token_encrypted: await encryptSecret(await decryptSecret(row.access_token_encrypted!, ring), oldKey),
      refresh_token_encrypted: await encryptSecret(await decryptSecret(row.refresh_token_encrypted!, ring), oldKey),
      webhook_url_key_encrypted: await encryptSecret("url-key-of-the-synced-connection", oldKey),
    })
    .where("id", "=", connectionId)
    .execute();
  // More connections than one batch, as other organizations would have.
  for (let index = 0; index < 4; index++) {
    const organization = await stack.db.insertInto("organizations").values({ name: `Other ${index}` }).returning("id").executeTakeFirstOrThrow();
    await stack.db
      .insertInto("gong_connections")
      .values({
        organization_id: organization.id,
        status: "connected",
        access_token_encrypted: await encryptSecret(`access-${index}`, oldKey),
        refresh_token_encrypted: await encryptSecret(`refresh-${index}`, oldKey),
        webhook_url_key_encrypted: index % 2 === 0 ? await encryptSecret(`url-key-${index}`, oldKey) : null,
      })
      .execute();
  }
  // An outbound webhook endpoint's signing secrets, current and previous, are under the same key.
  await stack.db
    .insertInto("webhook_endpoints")
    .values({
      organization_id: stack.organizationId,
      url: "https://hooks.example.test/callbridge",
      event_types: ["call.synced"],
      secret_encrypted: await encryptSecret("whsec_current", oldKey),
      previous_secret_encrypted: await encryptSecret("whsec_previous", oldKey),
    })
    .execute();
  // A Slack endpoint whose URL is encrypted under the old key, and one stored in plain text before URLs were encrypted.
  await stack.db
    .insertInto("webhook_endpoints")
    .values([
      {
        organization_id: stack.organizationId,
        format: "slack",
        url: "https://hooks.slack.com/services/T1/…",
        url_encrypted: await encryptSecret(SLACK_URL, oldKey),
        event_types: ["call.insights_ready"],
        secret_encrypted: await encryptSecret("whsec_slack", oldKey),
      },
      { organization_id: stack.organizationId, format: "slack", url: LEGACY_SLACK_URL, event_types: ["call.insights_ready"], secret_encrypted: await encryptSecret("whsec_legacy", oldKey) },
    ])
    .execute();
}, 120_000);
afterAll(() => stack?.stop());

describe("npm run rotate-token-key", () => {
  it("refuses a key that decrypts nothing stored, saying so and changing nothing", async () => {
    const before = await storedSecrets();
    const result = await rotate(randomBytes(32).toString("base64url"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/TOKEN_ENCRYPTION_KEY decrypts none of the \d+ most recently stored Gong secrets/);
    expect(result.stderr).toMatch(/no connection was marked for re-authorization/);
    expect(await storedSecrets()).toEqual(before);
  }, 30_000);

  it("re-encrypts every token and webhook key while a sync runs, and nothing needs re-authorization", async () => {
    const runId = await stack.startSync(connectionId, "backfill");
    let run = await stack.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    while (run.status !== "failed" && run.status !== "succeeded" && run.pages < 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      run = await stack.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    }
    expect(run.status).toBe("running");

    const result = await rotate(`${newKeyText},${oldKeyText}`, ["--batch-size", "2"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Done: 5 connections, 3 outbound endpoints, \d+ secrets re-encrypted with the newest key, \d+ already under it, 0 unreadable, 1 plain Slack URLs encrypted\./);

    const finished = await stack.waitForRun(runId, 120_000);
    expect(finished.status).toBe("succeeded");
    const rows = await storedSecrets();
    expect(rows.map((row) => row.status)).toEqual(rows.map(() => "connected"));
    for (const row of rows) {
      for (const column of ENCRYPTED_COLUMNS) {
        const stored = row[column];
        if (stored === null) continue;
        expect(isEncryptedWithOlderKey(stored, ring)).toBe(false);
        await expect(decryptSecret(stored, newKey)).resolves.toBeTypeOf("string");
      }
    }
    expect(await decryptSecret(rows.find((row) => row.id === connectionId)!.webhook_url_key_encrypted!, newKey)).toBe("url-key-of-the-synced-connection");
    const endpoint = await stack.db.selectFrom("webhook_endpoints").select(["secret_encrypted", "previous_secret_encrypted"]).where("format", "=", "standard").executeTakeFirstOrThrow();
    expect([await decryptSecret(endpoint.secret_encrypted, newKey), await decryptSecret(endpoint.previous_secret_encrypted!, newKey)]).toEqual(["whsec_current", "whsec_previous"]);
    const slack = await stack.db.selectFrom("webhook_endpoints").select(["url", "url_encrypted", "secret_encrypted"]).where("format", "=", "slack").execute();
    const opened = await Promise.all(slack.map(async (row) => [row.url, await decryptSecret(row.url_encrypted!, newKey), await decryptSecret(row.secret_encrypted, newKey)]));
    expect(opened.sort((a, b) => a[2]!.localeCompare(b[2]!))).toEqual([
      ["https://hooks.slack.com/services/T2/…", LEGACY_SLACK_URL, "whsec_legacy"],
      ["https://hooks.slack.com/services/T1/…", SLACK_URL, "whsec_slack"],
    ]);
    // Refreshes happened during the sync, and the new key alone carries the next one.
    const synced = await stack.db.selectFrom("gong_connections").select(["token_refreshed_at"]).where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(synced.token_refreshed_at).not.toBeNull();

    const again = await rotate(newKeyText);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 secrets re-encrypted with the newest key.*0 plain Slack URLs encrypted\./);
  }, 180_000);
});
