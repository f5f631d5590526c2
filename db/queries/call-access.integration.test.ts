import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCallCursor, encodeCallCursor } from "@/lib/calls/call-cursor";
import { getCallMedia } from "@/lib/calls/get-call-media";
import { splitHighlightedSnippet } from "@/lib/calls/highlight-snippet";
import { AppError } from "@/lib/errors";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { type CallViewer, getCallViewer } from "./call-access";
import { getVisibleCall } from "./call-page";
import { type CallListFilters, listVisibleCalls } from "./calls-list";
import { buildVisibleCallsQuery, findCallsMatchingSearch } from "./calls-list-query";

let database: MigratedTestDatabase;
const ids: Record<string, string> = {};
const viewers: Record<string, CallViewer> = {};
const base = Date.UTC(2026, 10, 1);

const ada = { gongId: "501", email: "ada@acme.test" };
const bo = { gongId: "502", email: "bo@acme.test" };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  const acme = await seedOrganization(db, "Acme");
  ids.acmeOrganization = acme;
  const other = await seedOrganization(db, "Other");
  const acmeConnection = await seedConnection(db, acme);
  const otherConnection = await seedConnection(db, other);
  const users = {
    admin: await seedUser(db, { organizationId: acme, email: "admin@acme.test", name: "Admin", role: "admin" }),
    ada: await seedUser(db, { organizationId: acme, email: ada.email, name: "Ada", role: "rep" }),
    bo: await seedUser(db, { organizationId: acme, email: bo.email, name: "Bo", role: "rep" }),
    unlinked: await seedUser(db, { organizationId: acme, email: "new@acme.test", name: "New", role: "rep" }),
    otherAdmin: await seedUser(db, { organizationId: other, email: "admin@other.test", name: "Other admin", role: "admin" }),
    // Another tenant's rep whose Gong user has Ada's Gong id and email: parties match by both, so only the
    // organization condition keeps Acme's calls from them.
    otherRep: await seedUser(db, { organizationId: other, email: "ada@other.test", name: "Other Ada", role: "rep" }),
  };
  for (const [rep, gong] of [["ada", ada], ["bo", bo]] as const) {
    const gongUserId = await seedGongUser(db, { organizationId: acme, gongId: gong.gongId, email: gong.email });
    await seedUserGongLink(db, { userId: users[rep], organizationId: acme, gongUserId });
  }
  const otherAdaGongUser = await seedGongUser(db, { organizationId: other, gongId: ada.gongId, email: ada.email });
  await seedUserGongLink(db, { userId: users.otherRep, organizationId: other, gongUserId: otherAdaGongUser });
  const party = (g: { gongId: string; email: string }, byEmailOnly = false) => ({
    gongId: `p-${g.gongId}`,
    userGongId: byEmailOnly ? null : g.gongId,
    email: byEmailOnly ? g.email.toUpperCase() : g.email,
    affiliation: "Internal" as const,
  });
  const at = (minutes: number) => new Date(base + minutes * 60_000);
  ids.adaCall = await seedCall(db, {
    organizationId: acme, connectionId: acmeConnection, gongId: "1", startedAt: at(1), title: "Ada discovery",
    parties: [party(ada), { gongId: "c1", name: "Customer Carl", email: "carl@customer.test", affiliation: "External" }],
    segments: [
      { speakerId: "s1", startMs: 0, endMs: 4000, text: "Thanks for joining <b>today</b>." },
      { speakerId: "s2", startMs: 4000, endMs: 9000, text: "Our renewal budget is approved for the next quarter." },
    ],
    audioUrl: "https://media.test/ada.wav", mediaFetchedAt: new Date(),
  });
  ids.adaByEmail = await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: "2", startedAt: at(2), parties: [party(ada, true)] });
  ids.adaPrimary = await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: "3", startedAt: at(3), primaryUserGongId: ada.gongId });
  ids.boCall = await seedCall(db, {
    organizationId: acme, connectionId: acmeConnection, gongId: "4", startedAt: at(4), parties: [party(bo)],
    segments: [{ speakerId: "s1", startMs: 0, endMs: 3000, text: "The renewal budget is tight this year." }],
    audioUrl: "https://media.test/bo.wav", mediaFetchedAt: new Date(),
  });
  ids.boPrivate = await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: "5", startedAt: at(5), isPrivate: true, parties: [party(bo)] });
  ids.adaPrimaryPrivate = await seedCall(db, {
    organizationId: acme, connectionId: acmeConnection, gongId: "6", startedAt: at(6), isPrivate: true, primaryUserGongId: ada.gongId, parties: [party(bo)],
  });
  // Imported calls have no parties at all.
  ids.adaImportedPrivate = await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: "8", startedAt: at(8), isPrivate: true, primaryUserGongId: ada.gongId });
  ids.orphanPrivate = await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: "9", startedAt: at(9), isPrivate: true });
  ids.otherCall = await seedCall(db, {
    organizationId: other, connectionId: otherConnection, gongId: "1", startedAt: at(7), parties: [party(ada)],
    segments: [{ speakerId: "s1", startMs: 0, endMs: 3000, text: "Budget talk in another organization." }],
  });
  // Same started_at for many calls so keyset pagination must break ties on id.
  for (let index = 0; index < 23; index += 1) {
    await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: `t${index}`, startedAt: at(index % 3 === 0 ? 0 : -index), parties: [party(ada)] });
  }
  for (const [name, id] of Object.entries(users)) {
    const user = await db.selectFrom("users").select(["id", "organization_id", "role"]).where("id", "=", id).executeTakeFirstOrThrow();
    viewers[name] = await getCallViewer(db, { id: user.id, organizationId: user.organization_id, role: user.role });
  }
});

afterAll(async () => {
  await database?.drop();
});

async function listAll(viewer: CallViewer, filters: CallListFilters = {}, limit = 7) {
  const seen: string[] = [];
  let cursor = null;
  for (let page = 0; page < 50; page += 1) {
    const result = await listVisibleCalls(database.db, viewer, filters, cursor, limit);
    seen.push(...result.rows.map((row) => row.id));
    if (!result.nextCursor) return seen;
    cursor = decodeCallCursor(encodeCallCursor(result.nextCursor));
  }
  throw new Error("pagination did not end");
}

describe("call visibility", () => {
  // Who sees which call: the rule in call-access.ts and docs/ARCHITECTURE.md ("Who may see what"). Ada is a party
  // of adaCall and the primary user of the adaPrimary* and adaImported* calls; Bo is a party of the private ones.
  const matrix: Record<string, Record<string, boolean>> = {
    adaCall: { ada: true, bo: false, unlinked: false, admin: true, otherAdmin: false, otherRep: false },
    adaPrimary: { ada: true, bo: false, unlinked: false, admin: true, otherAdmin: false, otherRep: false },
    boPrivate: { ada: false, bo: true, unlinked: false, admin: false, otherAdmin: false, otherRep: false },
    adaPrimaryPrivate: { ada: true, bo: true, unlinked: false, admin: false, otherAdmin: false, otherRep: false },
    adaImportedPrivate: { ada: true, bo: false, unlinked: false, admin: true, otherAdmin: false, otherRep: false },
    orphanPrivate: { ada: false, bo: false, unlinked: false, admin: true, otherAdmin: false, otherRep: false },
    otherCall: { ada: false, bo: false, unlinked: false, admin: false, otherAdmin: true, otherRep: true },
  };
  it.each(Object.entries(matrix).flatMap(([call, row]) => Object.entries(row).map(([viewer, visible]) => [call, viewer, visible] as const)))(
    "%s is visible to %s: %s",
    async (call, viewer, visible) => {
      const found = await getVisibleCall(database.db, viewers[viewer]!, ids[call]!);
      expect(Boolean(found)).toBe(visible);
      expect((await listAll(viewers[viewer]!)).includes(ids[call]!)).toBe(visible);
    },
  );

  it("shows a rep the calls where their Gong user is a party (by id or email) or the primary user", async () => {
    const seen = await listAll(viewers.ada!);
    expect(seen).toEqual(expect.arrayContaining([ids.adaCall, ids.adaByEmail, ids.adaPrimary, ids.adaPrimaryPrivate, ids.adaImportedPrivate]));
    expect(seen).toHaveLength(5 + 23);
  });

  it("shows admins every non-private call of their organization and the private ones without parties, and nothing of another", async () => {
    const seen = await listAll(viewers.admin!);
    expect(seen).toHaveLength(4 + 2 + 23);
    expect(seen).not.toContain(ids.boPrivate);
    expect(await listAll(viewers.otherAdmin!)).toEqual([ids.otherCall]);
    expect(await getVisibleCall(database.db, viewers.otherAdmin!, ids.adaCall!)).toBeUndefined();
  });

  it("shows an unlinked rep nothing", async () => {
    expect(await listAll(viewers.unlinked!)).toEqual([]);
  });

  it("answers not_found when rep A asks for rep B's call or recording", async () => {
    expect(await getVisibleCall(database.db, viewers.ada!, ids.boCall!)).toBeUndefined();
    expect(await getVisibleCall(database.db, viewers.ada!, "not-a-uuid")).toBeUndefined();
    const fetchMedia = async () => ({ audioUrl: "https://gong.test/fresh.wav", videoUrl: null });
    await expect(getCallMedia(database.db, viewers.ada!, ids.boCall!, { fetchMedia })).rejects.toMatchObject({ code: "not_found" });
    await expect(getCallMedia(database.db, viewers.otherAdmin!, ids.adaCall!, { fetchMedia })).rejects.toBeInstanceOf(AppError);
    expect(await getCallMedia(database.db, viewers.ada!, ids.adaCall!, { fetchMedia })).toEqual({ audioUrl: "https://media.test/ada.wav", videoUrl: null });
  });

  describe("across organizations (parties match by Gong id and email, which another tenant may share)", () => {
    const fetchMedia = async () => ({ audioUrl: "https://gong.test/fresh.wav", videoUrl: null });
    it.each([
      ["a rep", "otherRep", "adaCall"],
      ["a rep", "otherRep", "adaPrimary"],
      ["a rep", "ada", "otherCall"],
      ["an admin", "admin", "otherCall"],
      ["an admin", "otherAdmin", "adaCall"],
    ] as const)("%s (%s) gets not_found for another organization's call %s and its recording", async (_who, viewer, call) => {
      expect(await getVisibleCall(database.db, viewers[viewer]!, ids[call]!)).toBeUndefined();
      await expect(getCallMedia(database.db, viewers[viewer]!, ids[call]!, { fetchMedia })).rejects.toMatchObject({ code: "not_found" });
    });

    it("still shows the other organization's rep their own call, so the refusals above are the organization rule", async () => {
      expect(viewers.otherRep).toMatchObject({ gongUserId: ada.gongId, emails: [ada.email] });
      expect((await getVisibleCall(database.db, viewers.otherRep!, ids.otherCall!))?.id).toBe(ids.otherCall);
      expect(await listAll(viewers.otherRep!)).toEqual([ids.otherCall]);
    });
  });

  it("fetches media again when the stored URL is older than 7 hours", async () => {
    const later = new Date(Date.now() + 8 * 3600_000);
    const fetchMedia = async () => ({ audioUrl: "https://gong.test/fresh.wav", videoUrl: null });
    expect(await getCallMedia(database.db, viewers.ada!, ids.adaCall!, { fetchMedia }, later)).toEqual({ audioUrl: "https://gong.test/fresh.wav", videoUrl: null });
    const stored = await database.db.selectFrom("calls").select("audio_url").where("id", "=", ids.adaCall!).executeTakeFirstOrThrow();
    expect(stored.audio_url).toBe("https://gong.test/fresh.wav");
  });
});

describe("the viewer", () => {
  // Read inside each test (not in beforeAll), so a mutation tool that switches code per test sees these reads.
  it("carries the linked Gong user's id and its email and aliases, trimmed, lower-cased and once each", async () => {
    const { db } = database;
    const organizationId = await seedOrganization(db, "Initech");
    const userId = await seedUser(db, { organizationId, email: "cy@initech.test", name: "Cy", role: "rep" });
    const gongUserId = await seedGongUser(db, { organizationId, gongId: "701", email: " Cy@Initech.test ", emailAliases: ["cy@initech.test", "CY.ALIAS@initech.test"] });
    await seedUserGongLink(db, { userId, organizationId, gongUserId });
    expect(await getCallViewer(db, { id: userId, organizationId, role: "rep" })).toEqual({
      userId, organizationId, role: "rep", gongUserId: "701", emails: ["cy@initech.test", "cy.alias@initech.test"], team: { gongIds: [], emails: [] },
    });
    // A link to a Gong user of another organization is no link.
    expect(await getCallViewer(db, { id: userId, organizationId: ids.acmeOrganization!, role: "rep" })).toMatchObject({ gongUserId: null, emails: [] });
  });

  it("lets a rep whose Gong user has no email see their calls by Gong id alone, and finds a call by an alias", async () => {
    const { db } = database;
    const organizationId = await seedOrganization(db, "Hooli");
    const connectionId = await seedConnection(db, organizationId);
    const userId = await seedUser(db, { organizationId, email: "dee@hooli.test", name: "Dee", role: "rep" });
    const gongUserId = await seedGongUser(db, { organizationId, gongId: "801", email: null });
    await seedUserGongLink(db, { userId, organizationId, gongUserId });
    const own = await seedCall(db, { organizationId, connectionId, gongId: "h1", startedAt: new Date(base), parties: [{ gongId: "hp1", userGongId: "801", email: null, affiliation: "Internal" }] });
    const viewer = await getCallViewer(db, { id: userId, organizationId, role: "rep" });
    expect(viewer).toMatchObject({ gongUserId: "801", emails: [] });
    expect((await getVisibleCall(db, viewer, own))?.id).toBe(own);
    expect(await listAll(viewer)).toEqual([own]);

    const aliasUserId = await seedUser(db, { organizationId, email: "eve@hooli.test", name: "Eve", role: "rep" });
    const aliasGongUserId = await seedGongUser(db, { organizationId, gongId: "802", email: null, emailAliases: ["Eve.Old@Hooli.test"] });
    await seedUserGongLink(db, { userId: aliasUserId, organizationId, gongUserId: aliasGongUserId });
    const byAlias = await seedCall(db, { organizationId, connectionId, gongId: "h2", startedAt: new Date(base), parties: [{ gongId: "hp2", userGongId: null, email: "EVE.OLD@hooli.test", affiliation: "Internal" }] });
    const aliasViewer = await getCallViewer(db, { id: aliasUserId, organizationId, role: "rep" });
    expect((await getVisibleCall(db, aliasViewer, byAlias))?.id).toBe(byAlias);
    expect(await getVisibleCall(db, aliasViewer, own)).toBeUndefined();
  });
});

describe("keyset pagination", () => {
  it("returns every visible call exactly once, newest first, for any page size", async () => {
    for (const limit of [1, 4, 50]) {
      const seen = await listAll(viewers.admin!, {}, limit);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(29);
    }
  });
});

describe("transcript search", () => {
  it("finds a phrase only in visible calls and highlights it", async () => {
    const ada = await listVisibleCalls(database.db, viewers.ada!, { q: '"renewal budget"' }, null);
    expect(ada.rows.map((row) => row.id)).toEqual([ids.adaCall]);
    const parts = splitHighlightedSnippet(ada.rows[0]!.snippet!.headline);
    expect(parts.filter((part) => part.match).map((part) => part.text.toLowerCase())).toEqual(["renewal", "budget"]);
    expect(ada.rows[0]!.snippet!.position).toBe(1);
    const admin = await listVisibleCalls(database.db, viewers.admin!, { q: "budget" }, null);
    expect(admin.rows.map((row) => row.id).sort()).toEqual([ids.adaCall, ids.boCall].sort());
  });

  it("finds the same calls by every search strategy", async () => {
    const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((row) => row.id);
    for (const q of ["budget", '"renewal budget"', "nothing-like-this"]) {
      for (const viewer of [viewers.admin!, viewers.ada!]) {
        const scan = await ids(buildVisibleCallsQuery(database.db, viewer, { q }, null, 50, { kind: "scan" }).execute());
        const callIds = (await findCallsMatchingSearch(database.db, viewer.organizationId, q)) ?? [];
        expect(await ids(buildVisibleCallsQuery(database.db, viewer, { q }, null, 50, { kind: "ids", callIds }).execute())).toEqual(scan);
        const recent = await ids(buildVisibleCallsQuery(database.db, viewer, { q }, null, 50, { kind: "recent", calls: 2 }).execute());
        expect(scan).toEqual(expect.arrayContaining(recent));
      }
    }
  });

  it("filters by participant and transcript", async () => {
    const carl = await listVisibleCalls(database.db, viewers.admin!, { participant: "carl@" }, null);
    expect(carl.rows.map((row) => row.id)).toEqual([ids.adaCall]);
    const withTranscript = await listVisibleCalls(database.db, viewers.admin!, { hasTranscript: true }, null);
    expect(withTranscript.rows.map((row) => row.id).sort()).toEqual([ids.adaCall, ids.boCall].sort());
  });
});
