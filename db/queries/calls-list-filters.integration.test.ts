import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallCursor, decodeCallCursor, encodeCallCursor } from "@/lib/calls/call-cursor";
import { buildCallListHref, parseCallListParams, toCallListFilters } from "@/lib/calls/parse-call-list-params";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { type SeedCall, seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { type CallViewer, getCallViewer } from "./call-access";
import { listVisibleCalls } from "./calls-list";
import { buildVisibleCallsQuery, findCallsMatchingSearch, type SearchStrategy } from "./calls-list-query";

/**
 * The calls list's date, workspace and search filters as the filter form sends them (From and To are whole UTC
 * days, both included), paged the way the page links do, across calls that share one started_at.
 */

let database: MigratedTestDatabase;
let admin: CallViewer;
let rep: CallViewer;
const ids: Record<string, string> = {};
/** Calls of the tie group, by what they carry. */
const tied: { id: string; workspace: string; renewal: boolean; rep: boolean }[] = [];
const TIE = "2026-11-11 12:00:00.123456+00";

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  const acme = await seedOrganization(db, "Acme");
  const other = await seedOrganization(db, "Other");
  const connectionId = await seedConnection(db, acme);
  const otherConnectionId = await seedConnection(db, other);
  const adminId = await seedUser(db, { organizationId: acme, email: "admin@acme.test", name: "Admin", role: "admin" });
  const repId = await seedUser(db, { organizationId: acme, email: "rep@acme.test", name: "Rep", role: "rep" });
  const gongUserId = await seedGongUser(db, { organizationId: acme, gongId: "701", email: "rep@acme.test" });
  await seedUserGongLink(db, { userId: repId, organizationId: acme, gongUserId });
  const repParty = { gongId: "p-701", userGongId: "701", email: "rep@acme.test", affiliation: "Internal" as const };
  const seed = (name: string, startedAt: string, extra: Partial<SeedCall> = {}) =>
    seedCall(db, { organizationId: acme, connectionId, gongId: name, startedAt: new Date(startedAt), ...extra }).then((id) => (ids[name] = id));

  await seed("before", "2026-11-09T23:59:59.999Z", { workspaceGongId: "sales" });
  await seed("fromEdge", "2026-11-10T00:00:00.000Z", { workspaceGongId: "sales" });
  await seed("inside", "2026-11-11T09:00:00.000Z", { workspaceGongId: "cs" });
  await seed("toEdge", "2026-11-12T23:59:59.999Z", { workspaceGongId: "cs" });
  await seed("toEdgeMicro", "2026-11-12T23:59:59.999Z");
  await seed("after", "2026-11-13T00:00:00.000Z", { workspaceGongId: "sales" });
  // Microseconds a JS Date cannot hold: the list must still bound and page on Postgres' own value.
  await sql`update calls set started_at = '2026-11-12 23:59:59.999999+00' where id = ${ids.toEdgeMicro}`.execute(db);
  await seedCall(db, {
    organizationId: other, connectionId: otherConnectionId, gongId: "elsewhere", startedAt: new Date("2026-11-11T10:00:00Z"), workspaceGongId: "sales",
    segments: [{ speakerId: "s1", startMs: 0, endMs: 1000, text: "Our renewal is due." }],
  });

  for (let index = 0; index < 12; index += 1) {
    const call = { workspace: index % 3 === 0 ? "cs" : "sales", renewal: index % 4 !== 1, rep: index % 2 === 0 };
    const text = call.renewal ? `The renewal for seat block ${index} is on track.` : `Pricing for seat block ${index} is open.`;
    const id = await seedCall(db, {
      organizationId: acme, connectionId, gongId: `tie-${index}`, startedAt: new Date(TIE), workspaceGongId: call.workspace,
      parties: call.rep ? [repParty] : [], segments: [{ speakerId: "s1", startMs: 0, endMs: 1000, text }],
    });
    tied.push({ id, ...call });
  }
  await sql`update calls set started_at = ${TIE}::timestamptz where gong_id like 'tie-%'`.execute(db);
  admin = await getCallViewer(db, { id: adminId, organizationId: acme, role: "admin" });
  rep = await getCallViewer(db, { id: repId, organizationId: acme, role: "rep" });
});

afterAll(async () => {
  await database?.drop();
});

/** Every page the list shows for a URL, following its "Older calls" links; ids in the order shown. */
async function browse(viewer: CallViewer, query: Record<string, string>, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let search = new URLSearchParams(query);
  for (let page = 0; page < 100; page += 1) {
    const params = parseCallListParams(Object.fromEntries(search));
    const result = await listVisibleCalls(database.db, viewer, toCallListFilters(params), decodeCallCursor(params.cursor), limit);
    seen.push(...result.rows.map((row) => row.id));
    if (!result.nextCursor) return seen;
    search = new URL(buildCallListHref(params, encodeCallCursor(result.nextCursor)), "http://callbridge.test").searchParams;
  }
  throw new Error("pagination did not end");
}

/** Pages one search strategy by hand with the same keyset the list uses. */
async function pageWith(viewer: CallViewer, query: Record<string, string>, limit: number, strategy: SearchStrategy): Promise<string[]> {
  const filters = toCallListFilters(parseCallListParams(query));
  const seen: string[] = [];
  let cursor: CallCursor | null = null;
  for (let page = 0; page < 100; page += 1) {
    const rows: { id: string; started_at_text: string }[] = await buildVisibleCallsQuery(database.db, viewer, filters, cursor, limit, strategy).execute();
    seen.push(...rows.slice(0, limit).map((row) => row.id));
    if (rows.length <= limit) return seen;
    const last = rows[limit - 1]!;
    cursor = { startedAt: last.started_at_text, id: last.id };
  }
  throw new Error("pagination did not end");
}

const tiedIds = (keep: (call: (typeof tied)[number]) => boolean) =>
  tied
    .filter(keep)
    .map((call) => call.id)
    .sort()
    .reverse();
const allTied = () => tiedIds(() => true);

describe("date range", () => {
  it("includes the whole From day and the whole To day, and nothing either side", async () => {
    const seen = await browse(admin, { from: "2026-11-10", to: "2026-11-12" }, 50);
    expect(seen).toEqual([ids.toEdgeMicro, ids.toEdge, ...allTied(), ids.inside, ids.fromEdge]);
  });

  it("bounds one side when only From or only To is set", async () => {
    expect(await browse(admin, { from: "2026-11-10" }, 50)).toEqual([ids.after, ids.toEdgeMicro, ids.toEdge, ...allTied(), ids.inside, ids.fromEdge]);
    expect(await browse(admin, { to: "2026-11-12" }, 50)).toEqual([ids.toEdgeMicro, ids.toEdge, ...allTied(), ids.inside, ids.fromEdge, ids.before]);
  });

  it("shows one day when From and To are the same, and nothing when they are reversed", async () => {
    expect(await browse(admin, { from: "2026-11-12", to: "2026-11-12" }, 50)).toEqual([ids.toEdgeMicro, ids.toEdge]);
    expect(await browse(admin, { from: "2026-11-13", to: "2026-11-12" }, 50)).toEqual([]);
  });
});

describe("workspace", () => {
  it("shows only the chosen workspace's calls of the viewer's organization", async () => {
    const sales = await browse(admin, { workspace: "sales" }, 50);
    expect(sales).toEqual([ids.after, ...tiedIds((call) => call.workspace === "sales"), ids.fromEdge, ids.before]);
    expect(await browse(admin, { workspace: "cs", from: "2026-11-12" }, 50)).toEqual([ids.toEdge]);
    expect(await browse(admin, { workspace: "unknown" }, 50)).toEqual([]);
  });
});

describe("filters with search and pages", () => {
  const query = { q: "renewal", workspace: "sales", from: "2026-11-11", to: "2026-11-11" };

  it("pages calls that share a started_at without skipping or repeating one, whatever the page size", async () => {
    const expected = tiedIds((call) => call.renewal && call.workspace === "sales");
    expect(expected.length).toBeGreaterThan(4);
    for (const limit of [1, 2, 3, 50]) expect(await browse(admin, query, limit)).toEqual(expected);
    for (const limit of [1, 4]) expect(await browse(admin, { from: "2026-11-10", to: "2026-11-12" }, limit)).toEqual(await browse(admin, { from: "2026-11-10", to: "2026-11-12" }, 50));
  });

  it("pages the same calls with every search strategy", async () => {
    const expected = tiedIds((call) => call.renewal && call.workspace === "sales");
    const callIds = (await findCallsMatchingSearch(database.db, admin.organizationId, query.q)) ?? [];
    for (const limit of [1, 3]) {
      expect(await pageWith(admin, query, limit, { kind: "scan" })).toEqual(expected);
      expect(await pageWith(admin, query, limit, { kind: "ids", callIds })).toEqual(expected);
      expect(await pageWith(admin, query, limit, { kind: "recent", calls: 500 })).toEqual(expected);
    }
  });

  it("keeps a rep to their own calls inside the filters", async () => {
    const expected = tiedIds((call) => call.renewal && call.workspace === "sales" && call.rep);
    expect(expected.length).toBeGreaterThan(1);
    expect(await browse(rep, query, 1)).toEqual(expected);
    expect(await browse(rep, { from: "2026-11-10", to: "2026-11-12" }, 2)).toEqual(tiedIds((call) => call.rep));
  });
});
