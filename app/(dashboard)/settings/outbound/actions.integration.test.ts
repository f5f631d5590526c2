import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decryptSecret, parseEncryptionKey } from "@/lib/crypto/encryption";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";

// Only the session cookie is faked (who is signed in); reading that user and checking their role are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  process.env.TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64url");
  // What experimental.authInterrupts in next.config.ts sets, so forbidden() answers 403 instead of throwing a setup error.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

const actions = () => import("./actions");
const SLACK_URL = "https://hooks.slack.com/services/T0AAA1111/B0BBB2222/abcdefghijklmnopqrstuvwx";

function endpointForm(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const each of [value].flat()) form.append(key, each);
  return form;
}

const listEndpoints = (organizationId: string) =>
  database.db.selectFrom("webhook_endpoints").select(["id", "url", "enabled", "event_types", "filters"]).where("organization_id", "=", organizationId).execute();

describe("Settings → Outbound", () => {
  it("lets an admin add an endpoint (secret shown once), a Slack endpoint with filters, rotate, disable and delete", async () => {
    const organizationId = await seedOrganization(database.db, "Acme");
    session.userId = await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
    const { createEndpointAction, rotateSecretAction, setEndpointEnabledAction, deleteEndpointAction } = await actions();

    const created = await createEndpointAction({ status: "idle" }, endpointForm({ url: "https://hooks.example.com/cb", format: "standard", event_types: ["call.synced", "sync_run.failed"] }));
    expect(created).toMatchObject({ status: "created", secret: expect.stringMatching(/^whsec_/) });
    const id = (created as { id: string }).id;
    const slack = await createEndpointAction(
      { status: "idle" },
      endpointForm({ url: SLACK_URL, format: "slack", external_only: "on", workspace_gong_ids: "2281, 4410" }),
    );
    expect(slack).toMatchObject({ status: "created" });
    // The Slack URL is a credential: stored encrypted, and only its masked form anywhere readable.
    const stored = await database.db.selectFrom("webhook_endpoints").select(["url", "url_encrypted"]).where("id", "=", (slack as { id: string }).id).executeTakeFirstOrThrow();
    expect(stored.url).toBe("https://hooks.slack.com/services/T0AAA1111/…");
    expect(stored.url_encrypted).not.toContain("B0BBB2222");
    expect(await decryptSecret(stored.url_encrypted!, parseEncryptionKey(process.env.TOKEN_ENCRYPTION_KEY!))).toBe(SLACK_URL);
    const audits = await database.db.selectFrom("audit_events").select("details").where("organization_id", "=", organizationId).execute();
    expect(JSON.stringify(audits)).not.toContain("B0BBB2222");
    expect((await listEndpoints(organizationId)).map((row) => [row.event_types, row.filters])).toEqual([
      [["call.synced", "sync_run.failed"], {}],
      [["call.insights_ready"], { externalOnly: true, workspaceGongIds: ["2281", "4410"] }],
    ]);
    expect(await createEndpointAction({ status: "idle" }, endpointForm({ url: "https://10.0.0.1/x", event_types: ["call.synced"] }))).toEqual({
      status: "error",
      error: "url: The URL points at a private address (10.0.0.1).",
    });

    expect(await rotateSecretAction({ id })).toMatchObject({ ok: true, secret: expect.stringMatching(/^whsec_/) });
    expect(await setEndpointEnabledAction({ id, enabled: false })).toEqual({ ok: true });
    expect(await deleteEndpointAction({ id })).toEqual({ ok: true });
    expect(await deleteEndpointAction({ id })).toEqual({ ok: false, error: `No webhook endpoint with id "${id}".` });
  });

  it("refuses a rep the page and every action with a 403, and an admin another organization's endpoint", async () => {
    const organizationId = await seedOrganization(database.db, "Globex");
    session.userId = await seedUser(database.db, { organizationId, email: "admin@globex.test", name: "Admin", role: "admin" });
    const { createEndpointAction, rotateSecretAction, setEndpointEnabledAction, deleteEndpointAction, sendTestEventAction, replayDeliveryAction } = await actions();
    const created = (await createEndpointAction({ status: "idle" }, endpointForm({ url: "https://hooks.example.com/globex", event_types: ["call.synced"] }))) as { id: string };

    session.userId = await seedUser(database.db, { organizationId, email: "rep@globex.test", name: "Rep", role: "rep" });
    const forbidden = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
    const { default: OutboundSettingsPage } = await import("./page");
    await expect(OutboundSettingsPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject(forbidden);
    await expect(createEndpointAction({ status: "idle" }, endpointForm({ url: "https://hooks.example.com/rep", event_types: ["call.synced"] }))).rejects.toMatchObject(forbidden);
    await expect(rotateSecretAction({ id: created.id })).rejects.toMatchObject(forbidden);
    await expect(setEndpointEnabledAction({ id: created.id, enabled: false })).rejects.toMatchObject(forbidden);
    await expect(deleteEndpointAction({ id: created.id })).rejects.toMatchObject(forbidden);
    await expect(sendTestEventAction({ id: created.id })).rejects.toMatchObject(forbidden);
    await expect(replayDeliveryAction({ endpointId: created.id, deliveryId: created.id })).rejects.toMatchObject(forbidden);
    expect(await listEndpoints(organizationId)).toEqual([expect.objectContaining({ id: created.id, enabled: true })]);

    const otherOrganization = await seedOrganization(database.db, "Initech");
    session.userId = await seedUser(database.db, { organizationId: otherOrganization, email: "admin@initech.test", name: "Admin", role: "admin" });
    expect(await deleteEndpointAction({ id: created.id })).toEqual({ ok: false, error: `No webhook endpoint with id "${created.id}".` });
    expect(await listEndpoints(organizationId)).toHaveLength(1);
  });
});
