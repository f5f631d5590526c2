import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUIRED_GONG_SCOPE_NAMES } from "@/lib/gong/scopes";
import { type GongTruth, readGongTruth } from "@/test-support/gong-truth";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

const WITHHELD = ["api:calls:read:transcript", "api:users:read", "api:workspaces:read"];

let stack: SyncStack;
let connectionId: string;
let truth: GongTruth;

type Stats = { requestsByEndpoint: Record<string, Record<string, number>> };
const requestsTo = (stats: Stats, endpoint: string) => Object.values(stats.requestsByEndpoint[endpoint] ?? {}).reduce((sum, n) => sum + n, 0);
const readStats = async () => (await stack.simulatorControl("stats")) as Stats;

const startBackfill = () => stack.startSync(connectionId, "backfill");

async function transcriptStatuses() {
  const rows = await stack.db
    .selectFrom("calls")
    .select(["transcript_status", "transcript_unavailable_reason", sql<string>`count(*)`.as("n")])
    .groupBy(["transcript_status", "transcript_unavailable_reason"])
    .execute();
  return rows.map((row) => ({ status: row.transcript_status, reason: row.transcript_unavailable_reason, calls: Number(row.n) }));
}

const getConnection = () => stack.db.selectFrom("gong_connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 120 } });
  truth = await readGongTruth(stack.simulator.url);
  connectionId = await stack.connect({ scopes: REQUIRED_GONG_SCOPE_NAMES.filter((scope) => !WITHHELD.includes(scope)) });
}, 120_000);
afterAll(() => stack?.stop());

describe("syncing with scopes the admin did not grant", () => {
  it("syncs every call in one company-wide pass, without transcripts, users or workspaces, and keeps the connection", async () => {
    const before = await readStats();
    const run = await stack.waitForRun(await startBackfill(), 60_000);
    expect(run.error ?? run.status).toBe("succeeded");
    expect(await transcriptStatuses()).toEqual([{ status: "unavailable", reason: "scope_missing", calls: truth.callIds.length }]);
    expect(run.transcripts_pending).toBe(0);
    // Late-transcript checks would start after a second; none may ask Gong for what was not granted.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const after = await readStats();
    const sent = (endpoint: string) => requestsTo(after, endpoint) - requestsTo(before, endpoint);
    expect(sent("POST /v2/calls/transcript")).toBe(0);
    expect(sent("GET /v2/users") + sent("POST /v2/users/extensive")).toBe(0);
    expect(sent("GET /v2/workspaces")).toBe(0);
    expect(sent("POST /v2/calls/extensive")).toBe(Math.ceil(truth.callIds.length / 100));
    const connection = await getConnection();
    expect(connection.status).toBe("connected");
    expect(connection.last_token_error).toBeNull();
  }, 90_000);

  it("records a scope Gong refuses as a missing grant, not a broken connection, and syncs without it", async () => {
    await stack.db.deleteFrom("calls").execute();
    // The stored grant claims the transcript scope that the token does not carry: Gong answers 401 naming it.
    await stack.db
      .updateTable("gong_connections")
      .set({ granted_scopes: sql<string[]>`array_append(granted_scopes, 'api:calls:read:transcript')` })
      .where("id", "=", connectionId)
      .execute();
    const run = await stack.waitForRun(await startBackfill(), 60_000);
    expect(run.error ?? run.status).toBe("succeeded");
    const connection = await getConnection();
    expect(connection.status).toBe("connected");
    expect(connection.granted_scopes).not.toContain("api:calls:read:transcript");
    expect(await transcriptStatuses()).toEqual([{ status: "unavailable", reason: "scope_missing", calls: truth.callIds.length }]);
  }, 90_000);
});
