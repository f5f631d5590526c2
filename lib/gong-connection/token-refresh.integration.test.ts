import { type KyselyPlugin, type QueryId, SelectQueryNode, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "@/gong-simulator/src/index";
import { getGongConnection } from "@/db/queries/gong-connections";
import type { GongConnection } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { GongAuthRevokedError, GongClientConfigError, listWorkspaces } from "@/lib/gong/client";
import { REQUIRED_GONG_SCOPE_NAMES } from "@/lib/gong/scopes";
import { type GongOAuthFixture, startGongOAuthFixture } from "@/test-support/gong-oauth-fixture";
import type { MigratedTestDatabase } from "@/test-support/migrated-database";
import type { GongAppConfig } from "./config";
import { disconnectGong } from "./disconnect-gong";
import { TOKEN_REQUEST_TIMEOUT_MS, type UsableConnection, getAccessToken } from "./get-access-token";
import { logger } from "@/lib/observability/logger";

let fixture: GongOAuthFixture;
let database: MigratedTestDatabase;
let simulator: RunningSimulator;
let config: GongAppConfig;
let organizationId: string;
let adminId: string;

beforeAll(async () => {
  fixture = await startGongOAuthFixture({ calls: 5 });
  ({ database, simulator, config, organizationId, adminId } = fixture);
});
afterAll(() => fixture?.stop());

async function connect(scopes?: readonly string[]): Promise<GongConnection> {
  return (await fixture.connect(scopes)).connection;
}

async function connectWithExpiredToken(): Promise<GongConnection> {
  const connection = await connect();
  await database.db.updateTable("gong_connections").set({ access_token_expires_at: sql<Date>`now() - interval '1 minute'` }).where("id", "=", connection.id).execute();
  return connection;
}

type RefreshInterception = {
  /** Runs after Gong has answered a refresh and before the caller stores the tokens. */
  meanwhile?: () => Promise<unknown>;
  /** Edits Gong's refresh response body. */
  rewrite?: (body: Record<string, unknown>) => Record<string, unknown>;
};

/** The app's config with a fetch that still reaches the simulator over HTTP but counts and intercepts refreshes. */
function interceptRefreshes(interception: RefreshInterception = {}) {
  const seen = { refreshes: 0 };
  const intercepting: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const response = await fetch(input, init);
    if (url.searchParams.get("grant_type") !== "refresh_token") return response;
    seen.refreshes++;
    await interception.meanwhile?.();
    if (!interception.rewrite || !response.ok) return response;
    return Response.json(interception.rewrite((await response.json()) as Record<string, unknown>), { status: response.status });
  };
  return { config: { ...config, fetch: intercepting }, seen };
}

/** Holds this handle's first read until `meanwhile` has run: the gap between reading the connection and taking the lease. */
function pauseAfterFirstRead(meanwhile: () => Promise<unknown>): KyselyPlugin {
  const reads = new WeakSet<QueryId>();
  let paused = false;
  return {
    transformQuery: ({ node, queryId }) => {
      if (SelectQueryNode.is(node)) reads.add(queryId);
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      if (!paused && reads.has(queryId)) {
        paused = true;
        await meanwhile();
      }
      return result;
    },
  };
}

async function importAnotherProcess() {
  vi.resetModules();
  const otherProcess = await import("./get-access-token");
  expect(otherProcess.getAccessToken).not.toBe(getAccessToken);
  return otherProcess;
}

describe("serialised refreshes", () => {
  it("does not spend a refresh token another process used between reading the connection and taking the lease", async () => {
    const connection = await connectWithExpiredToken();
    const { config: counting, seen } = interceptRefreshes();
    const otherProcess = await importAnotherProcess();
    let other: UsableConnection | undefined;
    const slowReader = database.db.withPlugin(
      pauseAfterFirstRead(async () => {
        other = await otherProcess.getAccessToken(database.db, counting, connection.id);
      }),
    );

    const mine = await getAccessToken(slowReader, counting, connection.id);

    expect(seen.refreshes).toBe(1);
    expect(mine.accessToken).toBe(other?.accessToken);
    expect((await getGongConnection(database.db, connection.id))?.status).toBe("connected");
  });

  it("lets callers in two processes against a slow Gong cause exactly one refresh", async () => {
    const connection = await connectWithExpiredToken();
    const { config: slow, seen } = interceptRefreshes({ meanwhile: () => new Promise((resolve) => setTimeout(resolve, 300)) });
    const otherProcess = await importAnotherProcess();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => (index % 2 ? otherProcess.getAccessToken : getAccessToken)(database.db, slow, connection.id)),
    );
    expect(seen.refreshes).toBe(1);
    expect(new Set(results.map((result) => result.accessToken)).size).toBe(1);
  });

  it("holds the refresh lease well beyond the token request's timeout", async () => {
    const connection = await connectWithExpiredToken();
    let leaseLeftMs = 0;
    const { config: watching } = interceptRefreshes({
      meanwhile: async () => {
        const lockedUntil = (await getGongConnection(database.db, connection.id))?.token_refresh_locked_until;
        leaseLeftMs = lockedUntil ? new Date(lockedUntil).getTime() - Date.now() : 0;
      },
    });
    await getAccessToken(database.db, watching, connection.id);
    expect(leaseLeftMs).toBeGreaterThan(2 * TOKEN_REQUEST_TIMEOUT_MS);
  });
});

describe("a refresh that loses to Disconnect or Reconnect", () => {
  it("leaves no token on a connection disconnected while the refresh was in flight", async () => {
    const connection = await connectWithExpiredToken();
    const { config: racing } = interceptRefreshes({
      meanwhile: () => disconnectGong(database.db, { organizationId, userId: adminId, deleteData: false }),
    });

    const error = await getAccessToken(database.db, racing, connection.id).catch((caught: unknown) => caught);

    expect(await getGongConnection(database.db, connection.id)).toMatchObject({
      status: "revoked",
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      access_token_expires_at: null,
    });
    expect(error).toBeInstanceOf(GongAuthRevokedError);
    expect((error as Error).message).toMatch(/disconnected while its token was being refreshed/);
  });

  it("keeps the new grant's tokens and scopes when Gong is reconnected while the refresh was in flight", async () => {
    const connection = await connectWithExpiredToken();
    const fewerScopes = REQUIRED_GONG_SCOPE_NAMES.filter((scope) => scope !== "api:library:read");
    let reconnected: GongConnection | undefined;
    const { config: racing } = interceptRefreshes({
      meanwhile: async () => {
        reconnected = await connect(fewerScopes);
      },
    });

    const error = await getAccessToken(database.db, racing, connection.id).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict" });
    const stored = await getGongConnection(database.db, connection.id);
    expect(stored?.access_token_encrypted).toBe(reconnected?.access_token_encrypted);
    expect(stored?.refresh_token_encrypted).toBe(reconnected?.refresh_token_encrypted);
    expect([...(stored?.granted_scopes ?? [])].sort()).toEqual([...fewerScopes].sort());
    const next = await getAccessToken(database.db, config, connection.id);
    await expect(listWorkspaces({ baseUrl: next.apiBaseUrl, accessToken: next.accessToken })).resolves.toBeDefined();
  });
});

describe("what a refresh response leaves out", () => {
  it("keeps the stored regional base URL and refresh token", async () => {
    const connection = await connectWithExpiredToken();
    const { config: sparse } = interceptRefreshes({
      rewrite: (body) => Object.fromEntries(Object.entries(body).filter(([key]) => key !== "api_base_url_for_customer" && key !== "refresh_token")),
    });

    const fresh = await getAccessToken(database.db, sparse, connection.id);

    const stored = await getGongConnection(database.db, connection.id);
    expect(fresh.apiBaseUrl).toBe(simulator.url);
    expect(stored?.api_base_url).toBe(simulator.url);
    expect(stored?.refresh_token_encrypted).toBe(connection.refresh_token_encrypted);
    expect(stored?.access_token_encrypted).not.toBe(connection.access_token_encrypted);
    await expect(listWorkspaces({ baseUrl: fresh.apiBaseUrl, accessToken: fresh.accessToken })).resolves.toBeDefined();
  });
});

describe("a refresh Gong refuses", () => {
  it("blames the app's configuration, not the connection, when the token endpoint's refusal does not say the grant is invalid", async () => {
    const connection = await connectWithExpiredToken();
    // A wrong client secret behind a proxy: a bare 401, no RFC 6749 error code.
    const refusing: GongAppConfig = {
      ...config,
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input);
        return url.searchParams.get("grant_type") === "refresh_token" ? new Response("", { status: 401 }) : fetch(input, init);
      },
    };

    const error = await getAccessToken(database.db, refusing, connection.id).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GongClientConfigError);
    const stored = await getGongConnection(database.db, connection.id);
    expect(stored?.status).toBe("connected");
    expect(stored?.last_token_error).toMatch(/check GONG_CLIENT_ID and GONG_CLIENT_SECRET/);
    // Nothing was spent: with the right configuration the same refresh token still works.
    await expect(getAccessToken(database.db, config, connection.id)).resolves.toMatchObject({ apiBaseUrl: simulator.url });
  });
});

describe("a refresh Gong answered", () => {
  it("stores the rotated refresh token even when the first write fails, logging the failure loudly", async () => {
    const connection = await connectWithExpiredToken();
    // The database drops the first write of the refreshed tokens (a restart, a lost connection), once.
    await sql`create sequence token_store_failures`.execute(database.db);
    await sql.raw(`
      create function fail_first_token_store() returns trigger language plpgsql as $$
      begin
        if new.token_refreshed_at is distinct from old.token_refreshed_at and nextval('token_store_failures') = 1 then
          raise exception 'the database went away';
        end if;
        return new;
      end $$;
      create trigger fail_first_token_store before update on gong_connections
        for each row when (new.id = '${connection.id}') execute function fail_first_token_store();`).execute(database.db);
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    try {
      const refreshed = await getAccessToken(database.db, config, connection.id);
      expect(logged.mock.calls.some((args: unknown[]) => /refresh token Gong just rotated could not be stored/.test(String(args[1])))).toBe(true);
      await expect(listWorkspaces({ baseUrl: refreshed.apiBaseUrl, accessToken: refreshed.accessToken })).resolves.toBeDefined();
    } finally {
      logged.mockRestore();
      await sql`drop trigger fail_first_token_store on gong_connections`.execute(database.db);
      await sql`drop function fail_first_token_store(); drop sequence token_store_failures`.execute(database.db);
    }
    // Gong spent the old refresh token; the stored one is the rotated one, so the next refresh works.
    const stored = await getGongConnection(database.db, connection.id);
    expect(stored?.refresh_token_encrypted).not.toBe(connection.refresh_token_encrypted);
    await database.db.updateTable("gong_connections").set({ access_token_expires_at: sql<Date>`now() - interval '1 minute'` }).where("id", "=", connection.id).execute();
    await expect(getAccessToken(database.db, config, connection.id)).resolves.toBeDefined();
    expect((await getGongConnection(database.db, connection.id))?.status).toBe("connected");
  });
});
