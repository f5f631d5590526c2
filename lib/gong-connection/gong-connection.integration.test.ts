import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "@/gong-simulator/src/index";
import { getTodaysApiUsage } from "@/db/queries/api-usage";
import { getGongConnection } from "@/db/queries/gong-connections";
import { pauseGongRequests, reserveGongRequestSlot } from "@/db/queries/gong-request-slots";
import { GongAuthRevokedError, GongRateLimitedError, GongScopeMissingError, listLibraryFolders, listWorkspaces } from "@/lib/gong/client";
import { REQUIRED_GONG_SCOPE_NAMES } from "@/lib/gong/scopes";
import { answerGongConsent } from "@/test-support/gong-consent";
import { type GongOAuthFixture, startGongOAuthFixture } from "@/test-support/gong-oauth-fixture";
import type { MigratedTestDatabase } from "@/test-support/migrated-database";
import { OAuthCallbackError, completeGongOAuth } from "./complete-gong-oauth";
import type { GongAppConfig } from "./config";
import { createGongContext, GONG_REQUEST_SPACING_MS } from "./create-gong-context";
import { getAccessToken } from "./get-access-token";
import { startGongOAuth } from "./start-gong-oauth";

let fixture: GongOAuthFixture;
let database: MigratedTestDatabase;
let simulator: RunningSimulator;
let config: GongAppConfig;
let organizationId: string;
let adminId: string;

beforeAll(async () => {
  fixture = await startGongOAuthFixture({ calls: 50 });
  ({ database, simulator, config, organizationId, adminId } = fixture);
});
afterAll(() => fixture?.stop());

async function setSimulatorFaults(faults: Record<string, unknown>) {
  await fetch(`${simulator.url}/__sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
}

const connect = (scopes?: readonly string[]) => fixture.connect(scopes);

async function expireAccessToken(connectionId: string) {
  await database.db.updateTable("gong_connections").set({ access_token_expires_at: sql<Date>`now() - interval '1 minute'` }).where("id", "=", connectionId).execute();
}

describe("the OAuth callback", () => {
  it("stores encrypted tokens, the granted scopes and the tenant's API base URL", async () => {
    const { connection } = await connect();
    expect(connection.status).toBe("connected");
    expect(connection.granted_scopes).toEqual(expect.arrayContaining([...REQUIRED_GONG_SCOPE_NAMES]));
    expect(connection.api_base_url).toBe(simulator.url);
    expect(connection.access_token_encrypted).toMatch(/^eyJ[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const audit = await database.db.selectFrom("audit_events").select("action").where("action", "=", "gong.connected").execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it("refuses a reused state, a state from another user, an expired state and a denial", async () => {
    const { input } = await connect();
    await expect(completeGongOAuth(database.db, config, input)).rejects.toMatchObject({ reason: "invalid_state" });

    const otherUser = await startGongOAuth(database.db, config, { organizationId, userId: adminId, gongAccountEmail: null });
    const callback = await answerGongConsent(otherUser);
    await expect(
      completeGongOAuth(database.db, config, { state: callback.searchParams.get("state")!, code: callback.searchParams.get("code")!, sessionUserId: null }),
    ).rejects.toMatchObject({ reason: "wrong_user" });

    const late = await startGongOAuth(database.db, config, { organizationId, userId: adminId, gongAccountEmail: null });
    await database.db.updateTable("gong_oauth_states").set({ expires_at: sql<Date>`now() - interval '1 second'` }).execute();
    const lateCallback = await answerGongConsent(late);
    await expect(
      completeGongOAuth(database.db, config, { state: lateCallback.searchParams.get("state")!, code: "x", sessionUserId: adminId }),
    ).rejects.toMatchObject({ reason: "expired_state" });

    const denied = await answerGongConsent(await startGongOAuth(database.db, config, { organizationId, userId: adminId, gongAccountEmail: null }), { decision: "deny" });
    const error = await completeGongOAuth(database.db, config, {
      state: denied.searchParams.get("state")!,
      error: denied.searchParams.get("error")!,
      sessionUserId: adminId,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthCallbackError);
    expect((error as OAuthCallbackError).reason).toBe("denied");
  });

  it("tells the admin to check GONG_CLIENT_ID/SECRET when Gong refuses the app's own credentials", async () => {
    const wrongSecret = { ...config, clientSecret: "not-the-secret" };
    const callback = await answerGongConsent(await startGongOAuth(database.db, wrongSecret, { organizationId, userId: adminId, gongAccountEmail: null }));
    const error = await completeGongOAuth(database.db, wrongSecret, {
      state: callback.searchParams.get("state")!,
      code: callback.searchParams.get("code")!,
      sessionUserId: adminId,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "app_misconfigured" });
    expect((error as Error).message).toMatch(/GONG_CLIENT_ID and GONG_CLIENT_SECRET/);
  });
});

describe("tokens", () => {
  beforeEach(() => setSimulatorFaults({ rateLimit: 1000 }));

  it("refreshes an expiring token once and rotates the refresh token", async () => {
    const { connection } = await connect();
    const before = (await getGongConnection(database.db, connection.id))!;
    await expireAccessToken(connection.id);
    const fresh = await getAccessToken(database.db, config, connection.id);
    const after = (await getGongConnection(database.db, connection.id))!;
    expect(after.refresh_token_encrypted).not.toBe(before.refresh_token_encrypted);
    expect(new Date(after.access_token_expires_at!).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    await expect(listWorkspaces({ baseUrl: fresh.apiBaseUrl, accessToken: fresh.accessToken })).resolves.toBeDefined();
  });

  it("lets concurrent callers in two processes cause a single refresh", async () => {
    const { connection } = await connect();
    await expireAccessToken(connection.id);
    vi.resetModules();
    const otherProcess = await import("./get-access-token");
    expect(otherProcess.getAccessToken).not.toBe(getAccessToken);
    const results = await Promise.all([
      ...Array.from({ length: 3 }, () => getAccessToken(database.db, config, connection.id)),
      ...Array.from({ length: 3 }, () => otherProcess.getAccessToken(database.db, config, connection.id)),
    ]);
    expect(new Set(results.map((result) => result.accessToken)).size).toBe(1);
    expect((await getGongConnection(database.db, connection.id))?.status).toBe("connected");
    await expireAccessToken(connection.id);
    await expect(getAccessToken(database.db, config, connection.id)).resolves.toBeDefined();
  });

  it("marks the connection needs re-authorization when Gong refuses the refresh", async () => {
    const { connection } = await connect();
    await fetch(`${simulator.url}/__sim/revoke`, { method: "POST" });
    await expireAccessToken(connection.id);
    await expect(getAccessToken(database.db, config, connection.id)).rejects.toBeInstanceOf(GongAuthRevokedError);
    expect((await getGongConnection(database.db, connection.id))?.status).toBe("needs_reauth");
  });
});

describe("requests through the connection context", () => {
  it("reads a missing scope as GongScopeMissingError naming it", async () => {
    const { connection } = await connect(REQUIRED_GONG_SCOPE_NAMES.filter((scope) => scope !== "api:library:read"));
    const context = await createGongContext(database.db, config, connection.id);
    const error = await listLibraryFolders(context, { workspaceId: "1" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GongScopeMissingError);
    expect((error as GongScopeMissingError).scope).toBe("api:library:read");
  });

  it("paces concurrent callers under Gong's 3 requests/second and counts every request", async () => {
    const { connection } = await connect();
    // Earlier tests sent unpaced requests; let the simulator's rolling one-second window empty first.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // The pacer books a slot every 350 ms (3 a second, as Gong allows); a loaded machine can send one request late,
    // right before the next, so the simulator allows 4 in any second: 12 unpaced requests still exceed it at once.
    await setSimulatorFaults({ rateLimit: 4 });
    const contexts = await Promise.all([1, 2, 3].map(() => createGongContext(database.db, config, connection.id)));
    const statsBefore = (await (await fetch(`${simulator.url}/__sim/stats`)).json()) as { http429: number };
    const usageBefore = await getTodaysApiUsage(database.db, connection.id);
    await Promise.all(contexts.flatMap((context) => Array.from({ length: 4 }, () => listWorkspaces(context))));
    const statsAfter = (await (await fetch(`${simulator.url}/__sim/stats`)).json()) as { http429: number };
    expect(statsAfter.http429).toBe(statsBefore.http429);
    expect((await getTodaysApiUsage(database.db, connection.id)).requests - usageBefore.requests).toBe(12);
  });

  it("books each request 350 ms after the previous one by default: the schedule, read without waiting", async () => {
    expect(GONG_REQUEST_SPACING_MS).toBe(350);
    const { connection } = await connect();
    const context = await createGongContext(database.db, config, connection.id);
    const bookedUntil = async () =>
      (await database.db.selectFrom("gong_request_slots").select("next_slot_at").where("connection_id", "=", connection.id).executeTakeFirstOrThrow()).next_slot_at.getTime();
    // The connection's next slot a whole second 3 s ahead: each request books the slot after it, then sleeps until it.
    await sql`
      insert into gong_request_slots (connection_id, next_slot_at) values (${connection.id}, date_trunc('second', clock_timestamp()) + interval '3 seconds')
      on conflict (connection_id) do update set next_slot_at = excluded.next_slot_at`.execute(database.db);
    const start = await bookedUntil();
    // Only the sleeps are faked (the database and the simulator answer on real sockets), so nothing waits. Advancing
    // less than pg's 10 s idle timeout keeps the pool's own timers from closing connections in use.
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const waiting = [context.beforeRequest!("GET /v2/workspaces"), context.beforeRequest!("GET /v2/workspaces"), context.beforeRequest!("GET /v2/workspaces")];
      for (let turn = 0; turn < 5_000 && (await bookedUntil()) < start + 3 * 350; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect((await bookedUntil()) - start).toBe(3 * 350);
      await vi.advanceTimersByTimeAsync(5_000);
      await Promise.all(waiting);
    } finally {
      vi.useRealTimers();
    }
    await sql`delete from gong_request_slots where connection_id = ${connection.id}`.execute(database.db);
  });

  it("honours a 429 by holding every caller of the connection back", async () => {
    const { connection } = await connect();
    await setSimulatorFaults({ rateLimit: 1 });
    const impatient = await createGongContext(database.db, config, connection.id, { spacingMs: 50 });
    const outcomes = await Promise.allSettled([listWorkspaces(impatient), listWorkspaces(impatient), listWorkspaces(impatient)]);
    expect(outcomes.some((outcome) => outcome.status === "rejected" && outcome.reason instanceof GongRateLimitedError)).toBe(true);
    expect((await reserveGongRequestSlot(database.db, connection.id, 50, 60_000))?.waitMs).toBeGreaterThan(800);
    await setSimulatorFaults({ rateLimit: 1000 });
  });

  it("reserves no slot for a request that would give up rather than wait for it", async () => {
    const { connection } = await connect();
    await pauseGongRequests(database.db, connection.id, 10);
    const bookedUntil = async () =>
      (await database.db.selectFrom("gong_request_slots").select("next_slot_at").where("connection_id", "=", connection.id).executeTakeFirstOrThrow()).next_slot_at;
    const before = await bookedUntil();
    const impatient = await createGongContext(database.db, config, connection.id, { maxWaitMs: 1_000 });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => listWorkspaces(impatient)));
    expect(outcomes.every((outcome) => outcome.status === "rejected" && outcome.reason instanceof GongRateLimitedError)).toBe(true);
    expect(await bookedUntil()).toEqual(before);
    expect(await reserveGongRequestSlot(database.db, connection.id, 50, 1_000)).toMatchObject({ booked: false, waitMs: expect.any(Number) });
    await sql`delete from gong_request_slots where connection_id = ${connection.id}`.execute(database.db);
  });

  it("sends nothing more once the connection is disconnected, even a request already waiting for its slot", async () => {
    const { connection } = await connect();
    const context = await createGongContext(database.db, config, connection.id, { spacingMs: 600 });
    const statsOf = async () => ((await (await fetch(`${simulator.url}/__sim/stats`)).json()) as { totalRequests: number }).totalRequests;
    await listWorkspaces(context);
    // The next request waits ~600 ms for its slot; the admin disconnects meanwhile.
    const waiting = listWorkspaces(context);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = await statsOf();
    await sql`update gong_connections set status = 'revoked', access_token_encrypted = null, refresh_token_encrypted = null where id = ${connection.id}`.execute(database.db);
    await expect(waiting).rejects.toBeInstanceOf(GongAuthRevokedError);
    await expect(listWorkspaces(context)).rejects.toBeInstanceOf(GongAuthRevokedError);
    expect(await reserveGongRequestSlot(database.db, connection.id, 50, 60_000)).toBeNull();
    expect(await statsOf()).toBe(before);
  });
});

