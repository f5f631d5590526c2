import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/schema";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { createOutboundLoaders } from "./outbound-loaders";

// Real PostgreSQL. The loaders' point is how many statements a fan-out's events cost, so the handle they are given
// counts the statements it runs (Kysely's own query log), next to the results they answer.
let database: MigratedTestDatabase;
let counted: Kysely<Database>;
let statements: string[] = [];
let organizationId: string;
let connectionId: string;
let endpointId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  counted = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }),
    log: (event) => {
      if (event.level === "query") statements.push(event.query.sql);
    },
  });
  organizationId = await seedOrganization(database.db, "Acme");
  connectionId = await seedConnection(database.db, organizationId);
  const endpoint = await database.db
    .insertInto("webhook_endpoints")
    .values({ organization_id: organizationId, url: "https://hooks.example.test/in", event_types: ["call.synced"], secret_encrypted: "unused" })
    .returning("id")
    .executeTakeFirstOrThrow();
  endpointId = endpoint.id;
}, 60_000);

afterAll(async () => {
  await counted?.destroy();
  await database?.drop();
});

beforeEach(() => {
  statements = [];
});

let gongIds = 1;
const callWithParties = (names: string[]) =>
  seedCall(database.db, {
    organizationId,
    connectionId,
    gongId: String(gongIds++),
    title: `Call with ${names.join(", ")}`,
    startedAt: new Date("2026-12-01T10:00:00Z"),
    durationSeconds: 600,
    parties: names.map((name, index) => ({ gongId: `${gongIds}-${index}`, name, email: `${name.toLowerCase()}@globex.test`, affiliation: "External" })),
  });

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("the reads of a fan-out's events", () => {
  it("are one query for the calls' organizations and two for their subjects, however many calls ask together", async () => {
    const callIds = await Promise.all(Array.from({ length: 30 }, (_, index) => callWithParties(index % 2 ? ["Zoe", "Amy"] : [])));
    statements = [];
    const loaders = createOutboundLoaders(counted);
    const [organizations, subjects] = await Promise.all([
      Promise.all([...callIds, MISSING].map((id) => loaders.callOrganization.load(id))),
      Promise.all([...callIds, MISSING].map((id) => loaders.callSubject.load(id))),
    ]);
    expect(statements).toHaveLength(3);
    expect(organizations.slice(0, 30).every((each) => each?.organization_id === organizationId)).toBe(true);
    expect(organizations[30]).toBeUndefined();
    expect(subjects[30]).toBeUndefined();
    // Each call has its own parties, by name, and the calls without any have none.
    expect(subjects.slice(0, 30).map((subject) => subject?.call.id)).toEqual(callIds);
    expect(subjects[1]?.parties.map((party) => party.name)).toEqual(["Amy", "Zoe"]);
    expect(subjects[0]?.parties).toEqual([]);
    expect(subjects[1]).toMatchObject({ customerId: null, insights: null, llmSummary: null, call: { organization_id: organizationId, title: "Call with Zoe, Amy" } });
  });

  it("asks nothing for no calls, and remembers a call already read", async () => {
    const callId = await callWithParties(["Amy"]);
    statements = [];
    const loaders = createOutboundLoaders(counted);
    await loaders.callSubject.load(callId);
    await loaders.callSubject.load(callId);
    expect(statements).toHaveLength(2);
    expect(await loaders.callSubject.loadMany([])).toEqual([]);
    expect(statements).toHaveLength(2);
  });
});

describe("the writes of a fan-out's first attempts", () => {
  const newDelivery = async (messageId: string) => {
    const [row] = await createOutboundLoaders(database.db).deliveries.load([{ endpointId, organizationId, messageId, eventType: "call.synced", payload: { n: messageId } }]);
    return row!;
  };

  it("record the events' deliveries in one statement and answer each event its own rows, a repeated one included", async () => {
    const loaders = createOutboundLoaders(counted, { writeWindowMs: 5 });
    const rows = (id: string) => [{ endpointId, organizationId, messageId: id, eventType: "call.synced", payload: { id } }];
    const [first, second, again] = await Promise.all([loaders.deliveries.load(rows("msg_a")), loaders.deliveries.load(rows("msg_b")), loaders.deliveries.load(rows("msg_a"))]);
    // One insert and one read of what is stored.
    expect(statements).toHaveLength(2);
    expect(first!.map((row) => row.message_id)).toEqual(["msg_a"]);
    expect(second!.map((row) => row.message_id)).toEqual(["msg_b"]);
    expect(again![0]!.id).toBe(first![0]!.id);
  });

  it("count every attempt given together and keep what came of the last, the first attempt as of the earliest", async () => {
    const twice = await newDelivery("msg_twice");
    const once = await newDelivery("msg_once");
    const loaders = createOutboundLoaders(counted, { writeWindowMs: 5 });
    const first = new Date("2026-12-07T10:00:00Z");
    const later = new Date("2026-12-07T10:00:01Z");
    const retryAt = new Date("2026-12-07T10:05:00Z");
    statements = [];
    await Promise.all([
      loaders.attempt.load({ id: twice.id, at: first, status: "pending", responseStatus: 500, latencyMs: 12, error: "HTTP 500", nextAttemptAt: retryAt }),
      loaders.attempt.load({ id: once.id, at: first, status: "pending", responseStatus: null, latencyMs: 2000, error: "No response within 2000 ms.", nextAttemptAt: retryAt }),
      loaders.attempt.load({ id: twice.id, at: later, status: "delivered", responseStatus: 204, latencyMs: 3, error: null, nextAttemptAt: null }),
    ]);
    expect(statements).toHaveLength(1);
    const stored = await database.db.selectFrom("outbound_deliveries").selectAll().where("id", "in", [twice.id, once.id]).execute();
    const byId = new Map(stored.map((row) => [row.id, row]));
    expect(byId.get(twice.id)).toMatchObject({ status: "delivered", attempts: 2, response_status: 204, latency_ms: 3, last_error: null, next_attempt_at: null });
    expect(byId.get(twice.id)!.delivered_at).toEqual(later);
    expect(byId.get(twice.id)!.first_attempt_at).toEqual(first);
    expect(byId.get(once.id)).toMatchObject({ status: "pending", attempts: 1, response_status: null, last_error: "No response within 2000 ms.", delivered_at: null });
    expect(byId.get(once.id)!.next_attempt_at).toEqual(retryAt);

    // A later attempt keeps the first attempt's time.
    await createOutboundLoaders(database.db).attempt.load({ id: once.id, at: later, status: "delivered", responseStatus: 200, latencyMs: 5, error: null, nextAttemptAt: null });
    const after = await database.db.selectFrom("outbound_deliveries").selectAll().where("id", "=", once.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: "delivered", attempts: 2, next_attempt_at: null });
    expect(after.first_attempt_at).toEqual(first);
    expect(after.last_attempt_at).toEqual(later);
  });

  it("start an endpoint's failure streak once for every failure given together, and a success ends it", async () => {
    const loaders = createOutboundLoaders(counted, { writeWindowMs: 5 });
    const [since, sameSince, unknown] = await Promise.all([loaders.endpointFailed.load(endpointId), loaders.endpointFailed.load(endpointId), loaders.endpointFailed.load(MISSING)]);
    expect(statements).toHaveLength(1);
    expect(since).toBeInstanceOf(Date);
    expect(sameSince).toEqual(since);
    expect(unknown).toBeNull();
    // A failure later continues the streak from when it began.
    expect(await createOutboundLoaders(database.db).endpointFailed.load(endpointId)).toEqual(since);

    await Promise.all([loaders.endpointSucceeded.load(endpointId), loaders.endpointSucceeded.load(endpointId)]);
    const endpoint = await database.db.selectFrom("webhook_endpoints").select("failing_since").where("id", "=", endpointId).executeTakeFirstOrThrow();
    expect(endpoint.failing_since).toBeNull();
  });
});
