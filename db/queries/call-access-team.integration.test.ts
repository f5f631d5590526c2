import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCallCursor, encodeCallCursor } from "@/lib/calls/call-cursor";
import { getCallMedia } from "@/lib/calls/get-call-media";
import { setManagersSeeTeamSetting } from "@/lib/users/set-managers-see-team";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { type CallViewer, getCallViewer } from "./call-access";
import { getVisibleCall } from "./call-page";
import { type CallListFilters, listVisibleCalls } from "./calls-list";
import { getGongTeam } from "./gong-user-team";
import { upsertGongUsers } from "./gong-users";

// Managers see their team (issue 24): Gong's reporting lines, walked in call-access.ts, decide it on every read.
// Acme: Mia manages Rex and Sue; Sue manages Tom (a nested sub-team). Eve reports to Zed, elsewhere. Globex has its
// own Mia, with the same email and the same Gong ids, managing its own Rex.
let database: MigratedTestDatabase;
let acme: string;
let globex: string;
const ids: Record<string, string> = {};
const users: Record<string, string> = {};

const person = (gongId: string, email: string | null, managerGongId: string | null, firstName: string) => ({
  gong_id: gongId, email, email_aliases: [], first_name: firstName, last_name: null, title: null, active: true, manager_gong_id: managerGongId,
});

const acmeLines = [
  person("900", "mia@acme.test", null, "Mia"),
  person("901", "rex@acme.test", "900", "Rex"),
  person("902", "sue@acme.test", "900", "Sue"),
  person("903", "tom@acme.test", "902", "Tom"),
  person("904", "eve@acme.test", "905", "Eve"),
  person("905", "zed@acme.test", null, "Zed"),
  // Gong's data is not always a tree: a cycle, and someone who is their own manager.
  person("906", "ann@acme.test", "907", "Ann"),
  person("907", "bob@acme.test", "906", "Bob"),
  person("908", "sol@acme.test", "908", "Sol"),
  // Max's one report has no email in Gong: a team matched by Gong id alone.
  person("910", "max@acme.test", null, "Max"),
  person("911", null, "910", "Nia"),
];

async function viewerOf(name: string): Promise<CallViewer> {
  const user = await database.db.selectFrom("users").select(["id", "organization_id", "role"]).where("id", "=", users[name]!).executeTakeFirstOrThrow();
  return getCallViewer(database.db, { id: user.id, organizationId: user.organization_id, role: user.role });
}

async function listAll(viewer: CallViewer, filters: CallListFilters = {}) {
  const seen: string[] = [];
  let cursor = null;
  for (let page = 0; page < 20; page += 1) {
    const result = await listVisibleCalls(database.db, viewer, filters, cursor, 3);
    seen.push(...result.rows.map((row) => row.id));
    if (!result.nextCursor) return seen;
    cursor = decodeCallCursor(encodeCallCursor(result.nextCursor));
  }
  throw new Error("pagination did not end");
}

const fetchMedia = async () => ({ audioUrl: "https://gong.test/fresh.wav", videoUrl: null });
const canPlay = (viewer: CallViewer, callId: string) =>
  getCallMedia(database.db, viewer, callId, { fetchMedia }).then(
    () => true,
    (error: { code?: string }) => {
      if (error.code !== "not_found") throw error;
      return false;
    },
  );

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  acme = await seedOrganization(db, "Acme");
  globex = await seedOrganization(db, "Globex");
  const acmeConnection = await seedConnection(db, acme);
  const globexConnection = await seedConnection(db, globex);
  await upsertGongUsers(db, acme, acmeLines);
  await upsertGongUsers(db, globex, [person("900", "mia@acme.test", null, "Mia"), person("901", "rex@globex.test", "900", "Rex")]);

  const link = async (organizationId: string, name: string, email: string, gongId: string | null, role: "admin" | "rep" = "rep") => {
    users[name] = await seedUser(db, { organizationId, email, name, role });
    if (!gongId) return;
    const gongUser = await db.selectFrom("gong_users").select("id").where("organization_id", "=", organizationId).where("gong_id", "=", gongId).executeTakeFirstOrThrow();
    await seedUserGongLink(db, { userId: users[name]!, organizationId, gongUserId: gongUser.id });
  };
  await link(acme, "admin", "admin@acme.test", null, "admin");
  await link(acme, "mia", "mia@acme.test", "900");
  await link(acme, "rex", "rex@acme.test", "901");
  await link(acme, "eve", "eve@acme.test", "904");
  await link(globex, "globexMia", "mia@acme.test", "900");
  await link(acme, "zedAdmin", "zed@acme.test", "905", "admin");
  await link(acme, "max", "max@acme.test", "910");

  const party = (gongId: string, email: string, byEmailOnly = false) => ({
    gongId: `p-${gongId}-${email}`, userGongId: byEmailOnly ? null : gongId, email, affiliation: "Internal" as const,
  });
  const media = { audioUrl: "https://media.test/call.wav", mediaFetchedAt: new Date() };
  const budget = [{ speakerId: "s1", startMs: 0, endMs: 3000, text: "Let us talk about the budget." }];
  let minute = 0;
  const call = (organizationId: string, connectionId: string, extra: Omit<Parameters<typeof seedCall>[1], "organizationId" | "connectionId" | "gongId" | "startedAt">) => {
    minute += 1;
    return seedCall(db, { organizationId, connectionId, gongId: `c${minute}`, startedAt: new Date(Date.UTC(2026, 10, 1, 9, minute)), segments: budget, ...media, ...extra });
  };
  ids.rexCall = await call(acme, acmeConnection, { parties: [party("901", "rex@acme.test")] });
  ids.tomByEmail = await call(acme, acmeConnection, { parties: [party("903", "TOM@acme.test", true)] });
  ids.sueImported = await call(acme, acmeConnection, { primaryUserGongId: "902" });
  ids.eveCall = await call(acme, acmeConnection, { parties: [party("904", "eve@acme.test")] });
  ids.rexPrivate = await call(acme, acmeConnection, { isPrivate: true, parties: [party("901", "rex@acme.test")] });
  ids.rexPrivateWithMia = await call(acme, acmeConnection, { isPrivate: true, parties: [party("901", "rex@acme.test"), party("900", "mia@acme.test")] });
  ids.globexRexCall = await call(globex, globexConnection, { parties: [party("901", "rex@globex.test")] });
  ids.niaCall = await call(acme, acmeConnection, { parties: [party("911", "nia@partner.test")] });
});

afterAll(async () => {
  await database?.drop();
});

describe("the access matrix with managers", () => {
  const matrix: Record<string, Record<string, boolean>> = {
    rexCall: { admin: true, mia: true, rex: true, eve: false, globexMia: false },
    tomByEmail: { admin: true, mia: true, rex: false, eve: false, globexMia: false },
    sueImported: { admin: true, mia: true, rex: false, eve: false, globexMia: false },
    eveCall: { admin: true, mia: false, rex: false, eve: true, globexMia: false },
    rexPrivate: { admin: false, mia: false, rex: true, eve: false, globexMia: false },
    rexPrivateWithMia: { admin: false, mia: true, rex: true, eve: false, globexMia: false },
    globexRexCall: { admin: false, mia: false, rex: false, eve: false, globexMia: true },
  };
  const cells = Object.entries(matrix).flatMap(([call, row]) => Object.entries(row).map(([viewer, visible]) => [call, viewer, visible] as const));

  it.each(cells)("%s is visible to %s: %s (call page, list, search snippets, media)", async (call, name, visible) => {
    const viewer = await viewerOf(name);
    expect(Boolean(await getVisibleCall(database.db, viewer, ids[call]!))).toBe(visible);
    expect((await listAll(viewer)).includes(ids[call]!)).toBe(visible);
    const search = await listVisibleCalls(database.db, viewer, { q: "budget" }, null, 50);
    expect(search.rows.some((row) => row.id === ids[call] && row.snippet !== null)).toBe(visible);
    expect(await canPlay(viewer, ids[call]!)).toBe(visible);
  });

  it("filters a manager's list to their team's calls, and a rep without a team to nothing", async () => {
    expect((await listAll(await viewerOf("mia"), { team: true })).sort()).toEqual([ids.rexCall, ids.tomByEmail, ids.sueImported].sort());
    expect(await listAll(await viewerOf("rex"), { team: true })).toEqual([]);
    expect(await listAll(await viewerOf("globexMia"), { team: true })).toEqual([ids.globexRexCall]);
  });

  it("matches a team with no emails by Gong id alone", async () => {
    const max = await viewerOf("max");
    expect(max.team).toEqual({ gongIds: ["911"], emails: [] });
    expect(await listAll(max, { team: true })).toEqual([ids.niaCall]);
    expect(await canPlay(max, ids.niaCall!)).toBe(true);
  });

  it("looks up no team for an admin linked to a manager: admins see their organization's calls already", async () => {
    const zedAdmin = await viewerOf("zedAdmin");
    expect(zedAdmin).toMatchObject({ role: "admin", gongUserId: "905", team: { gongIds: [], emails: [] } });
    expect((await getGongTeam(database.db, acme, "905")).gongIds).toEqual(["904"]);
  });

  it("walks reporting lines through cycles and self-references without looping or counting the manager", async () => {
    expect((await getGongTeam(database.db, acme, "900")).gongIds).toEqual(["901", "902", "903"]);
    expect((await getGongTeam(database.db, acme, "906")).gongIds).toEqual(["907"]);
    expect((await getGongTeam(database.db, acme, "908")).gongIds).toEqual([]);
    expect(await getGongTeam(database.db, acme, "900")).toMatchObject({ emails: ["rex@acme.test", "sue@acme.test", "tom@acme.test"] });
  });
});

describe("the organization setting", () => {
  it("off restores own-calls-only for managers, and each change is audited", async () => {
    await setManagersSeeTeamSetting(database.db, { organizationId: acme, actorUserId: users.admin!, enabled: false });
    try {
      const mia = await viewerOf("mia");
      expect(mia.team).toEqual({ gongIds: [], emails: [] });
      expect(await listAll(mia)).toEqual([ids.rexPrivateWithMia]);
      expect(await getVisibleCall(database.db, mia, ids.rexCall!)).toBeUndefined();
      // Globex's setting is its own.
      expect(await listAll(await viewerOf("globexMia"))).toEqual([ids.globexRexCall]);
    } finally {
      await setManagersSeeTeamSetting(database.db, { organizationId: acme, actorUserId: users.admin!, enabled: true });
    }
    await setManagersSeeTeamSetting(database.db, { organizationId: acme, actorUserId: users.admin!, enabled: true });
    const audit = await database.db.selectFrom("audit_events").select(["actor_user_id", "action", "details"]).where("organization_id", "=", acme).orderBy("created_at").execute();
    expect(audit).toEqual([
      { actor_user_id: users.admin, action: "organization.managers_see_team_changed", details: { from: true, to: false } },
      { actor_user_id: users.admin, action: "organization.managers_see_team_changed", details: { from: false, to: true } },
    ]);
  });
});

describe("a rep moving teams in Gong", () => {
  it("changes who sees their calls at the next users sync, with nothing cached", async () => {
    const before = { mia: await viewerOf("mia"), eve: await viewerOf("eve") };
    expect(await getVisibleCall(database.db, before.mia, ids.rexCall!)).toBeDefined();
    // Rex now reports to Eve: what the users sync writes from Gong's managerId.
    await upsertGongUsers(database.db, acme, acmeLines.map((line) => (line.gong_id === "901" ? { ...line, manager_gong_id: "904" } : line)));
    try {
      const mia = await viewerOf("mia");
      const eve = await viewerOf("eve");
      expect(await getVisibleCall(database.db, mia, ids.rexCall!)).toBeUndefined();
      expect(await canPlay(mia, ids.rexCall!)).toBe(false);
      expect(await getVisibleCall(database.db, eve, ids.rexCall!)).toBeDefined();
      expect(await canPlay(eve, ids.rexCall!)).toBe(true);
      // Mia is still a party of the private call; Eve, its new manager, is not.
      expect(await getVisibleCall(database.db, mia, ids.rexPrivateWithMia!)).toBeDefined();
      expect(await getVisibleCall(database.db, eve, ids.rexPrivate!)).toBeUndefined();
    } finally {
      await upsertGongUsers(database.db, acme, acmeLines);
    }
  });
});
