import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GongConnectionStatus } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/encryption";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization, seedUser } from "@/test-support/seed-calls";
import { getWebhookSetup } from "./get-webhook-setup";
import { regenerateWebhookUrlKey, saveWebhookPublicKey, setWebhookAuth } from "./update-webhook-settings";

type Actor = { organizationId: string; userId: string };

const encryptionKey = new Uint8Array(randomBytes(32));
const appUrl = "http://callbridge.test";
const publicKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

async function createActor(status: GongConnectionStatus | "none" = "connected"): Promise<Actor & { connectionId: string | null }> {
  const organizationId = await seedOrganization(database.db, `Org ${randomBytes(3).toString("hex")}`);
  const userId = await seedUser(database.db, { organizationId, email: `admin-${organizationId}@x.test`, name: "Ada", role: "admin" });
  if (status === "none") return { organizationId, userId, connectionId: null };
  const connectionId = await seedConnection(database.db, organizationId);
  await database.db.updateTable("gong_connections").set({ status }).where("id", "=", connectionId).execute();
  return { organizationId, userId, connectionId };
}

const webhookOf = (connectionId: string) =>
  database.db
    .selectFrom("gong_connections")
    .select(["webhook_auth", "webhook_public_key", "webhook_url_key_encrypted"])
    .where("id", "=", connectionId)
    .executeTakeFirstOrThrow();

const auditOf = (organizationId: string) =>
  database.db.selectFrom("audit_events").select(["actor_user_id", "action", "target", "details"]).where("organization_id", "=", organizationId).orderBy("created_at").execute();

const urlKeyOf = async (connectionId: string) => {
  const encrypted = (await webhookOf(connectionId)).webhook_url_key_encrypted;
  return encrypted === null ? null : decryptSecret(encrypted, encryptionKey);
};

const setupOf = (organizationId: string) => getWebhookSetup(database.db, organizationId, { appUrl, getEncryptionKey: () => encryptionKey });

/** The operations of the settings page, each as an admin would call it. */
const operations = {
  saveWebhookPublicKey: (actor: Actor) => saveWebhookPublicKey(database.db, actor, publicKey),
  "setWebhookAuth url-key": (actor: Actor) => setWebhookAuth(database.db, actor, "url-key", encryptionKey),
  "setWebhookAuth jwt": (actor: Actor) => setWebhookAuth(database.db, actor, "jwt", encryptionKey),
  regenerateWebhookUrlKey: (actor: Actor) => regenerateWebhookUrlKey(database.db, actor, encryptionKey),
};

describe("webhook settings without a usable connection", () => {
  it.each(Object.keys(operations) as (keyof typeof operations)[])("%s refuses a revoked connection and changes nothing", async (name) => {
    const actor = await createActor("revoked");
    const before = await webhookOf(actor.connectionId!);
    expect(await operations[name](actor)).toEqual({ ok: false, error: "Connect Gong first." });
    expect(await webhookOf(actor.connectionId!)).toEqual(before);
    expect(await auditOf(actor.organizationId)).toEqual([]);
  });

  it.each(Object.keys(operations) as (keyof typeof operations)[])("%s refuses an organization that never connected Gong", async (name) => {
    const actor = await createActor("none");
    expect(await operations[name](actor)).toEqual({ ok: false, error: "Connect Gong first." });
    expect(await auditOf(actor.organizationId)).toEqual([]);
  });

  it("getWebhookSetup shows no setup for a revoked connection or none", async () => {
    expect(await setupOf((await createActor("revoked")).organizationId)).toBeUndefined();
    expect(await setupOf((await createActor("none")).organizationId)).toBeUndefined();
  });
});

describe("saveWebhookPublicKey", () => {
  it("stores the key, switches to the signed JWT header and audits it", async () => {
    const actor = await createActor("needs_reauth");
    expect(await saveWebhookPublicKey(database.db, actor, publicKey)).toEqual({ ok: true });
    expect(await webhookOf(actor.connectionId!)).toEqual({ webhook_auth: "jwt", webhook_public_key: publicKey, webhook_url_key_encrypted: null });
    expect(await auditOf(actor.organizationId)).toEqual([{ actor_user_id: actor.userId, action: "webhook.public_key_saved", target: null, details: {} }]);
    expect(await setupOf(actor.organizationId)).toEqual({
      status: "needs_reauth",
      auth: "jwt",
      url: `${appUrl}/api/webhooks/gong/${actor.connectionId}`,
      urlWithKey: null,
      publicKey,
    });
  });
});

describe("setWebhookAuth", () => {
  it("gives a URL key the first time it switches to url-key, keeps it afterwards, and audits each switch", async () => {
    const actor = await createActor();
    expect(await setWebhookAuth(database.db, actor, "url-key", encryptionKey)).toEqual({ ok: true });
    const key = await urlKeyOf(actor.connectionId!);
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await webhookOf(actor.connectionId!)).webhook_auth).toBe("url-key");
    expect((await setupOf(actor.organizationId))?.urlWithKey).toBe(`${appUrl}/api/webhooks/gong/${actor.connectionId}?key=${key}`);

    // Back to JWT and to url-key again: the URL pasted into Gong earlier still works.
    const encrypted = (await webhookOf(actor.connectionId!)).webhook_url_key_encrypted;
    expect(await setWebhookAuth(database.db, actor, "jwt", encryptionKey)).toEqual({ ok: true });
    expect(await webhookOf(actor.connectionId!)).toEqual({ webhook_auth: "jwt", webhook_public_key: null, webhook_url_key_encrypted: encrypted });
    expect(await setWebhookAuth(database.db, actor, "url-key", encryptionKey)).toEqual({ ok: true });
    expect(await webhookOf(actor.connectionId!)).toEqual({ webhook_auth: "url-key", webhook_public_key: null, webhook_url_key_encrypted: encrypted });

    expect(await auditOf(actor.organizationId)).toEqual(
      ["url-key", "jwt", "url-key"].map((auth) => ({ actor_user_id: actor.userId, action: "webhook.auth_changed", target: null, details: { auth } })),
    );
  });

  it("makes no URL key when switching to the signed JWT header", async () => {
    const actor = await createActor();
    await database.db.updateTable("gong_connections").set({ webhook_auth: "url-key" }).where("id", "=", actor.connectionId!).execute();
    expect(await setWebhookAuth(database.db, actor, "jwt", encryptionKey)).toEqual({ ok: true });
    expect(await webhookOf(actor.connectionId!)).toEqual({ webhook_auth: "jwt", webhook_public_key: null, webhook_url_key_encrypted: null });
    expect(await auditOf(actor.organizationId)).toEqual([{ actor_user_id: actor.userId, action: "webhook.auth_changed", target: null, details: { auth: "jwt" } }]);
  });
});

describe("regenerateWebhookUrlKey", () => {
  it("replaces the URL key with a new encrypted one and audits it", async () => {
    const actor = await createActor();
    await setWebhookAuth(database.db, actor, "url-key", encryptionKey);
    const old = await urlKeyOf(actor.connectionId!);
    expect(await regenerateWebhookUrlKey(database.db, actor, encryptionKey)).toEqual({ ok: true });
    const fresh = await urlKeyOf(actor.connectionId!);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fresh).not.toBe(old);
    expect((await setupOf(actor.organizationId))?.urlWithKey).toBe(`${appUrl}/api/webhooks/gong/${actor.connectionId}?key=${fresh}`);
    expect((await auditOf(actor.organizationId)).at(-1)).toEqual({ actor_user_id: actor.userId, action: "webhook.url_key_regenerated", target: null, details: {} });
  });

  it("writes the key and its audit event together: neither without the other", async () => {
    const actor = await createActor();
    await setWebhookAuth(database.db, actor, "url-key", encryptionKey);
    const before = await webhookOf(actor.connectionId!);
    // The actor's user is gone, so the audit event's insert fails (its foreign key); the key must not change either.
    const ghost = { organizationId: actor.organizationId, userId: "00000000-0000-4000-8000-000000000000" };
    await expect(regenerateWebhookUrlKey(database.db, ghost, encryptionKey)).rejects.toThrow(/foreign key/);
    expect(await webhookOf(actor.connectionId!)).toEqual(before);
  });
});
