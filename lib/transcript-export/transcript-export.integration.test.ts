import { WebVTTParser } from "webvtt-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exportFileTranscriptEndpoint } from "@/lib/api/endpoints";
import { issueApiKey } from "@/lib/api/issue-api-key";
import { createApiHarness } from "@/test-support/api-harness";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";

/**
 * The transcript export from the call page's route (signed-in users, the call page's access rules) and from
 * /api/v1/files/{id}/transcript (API keys, the API's rules), on a real database.
 */

// The session is the one input stubbed: who is signed in. The users and links behind it are real rows.
const session = vi.hoisted(() => ({ user: { id: "", organizationId: "", role: "rep" as "rep" | "admin" } }));
vi.mock("@/lib/auth/session", () => ({ requireUserOrThrow: async () => session.user }));

let database: MigratedTestDatabase;
let organizationId: string;
const users: Record<"ada" | "bo" | "admin", string> = { ada: "", bo: "", admin: "" };
let adaCall: string;
let privateCall: string;
let apiKey: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  const { db } = database;
  organizationId = await seedOrganization(db, "Acme");
  const connectionId = await seedConnection(db, organizationId, { includeSpeakerLabels: true });
  users.admin = await seedUser(db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
  for (const [rep, gongId] of [["ada", "801"], ["bo", "802"]] as const) {
    users[rep] = await seedUser(db, { organizationId, email: `${rep}@acme.test`, name: rep, role: "rep" });
    const gongUserId = await seedGongUser(db, { organizationId, gongId, email: `${rep}@acme.test` });
    await seedUserGongLink(db, { userId: users[rep], organizationId, gongUserId });
  }
  const parties = [
    { gongId: "p1", speakerId: "s1", userGongId: "801", name: "Ada Rep", email: "ada@acme.test", affiliation: "Internal" as const },
    { gongId: "p2", speakerId: "s2", name: "Bob <Buyer>", affiliation: "External" as const },
  ];
  const segments = [
    { speakerId: "s1", startMs: 0, endMs: 4000, text: "Thanks for joining." },
    { speakerId: "s2", startMs: 4000, endMs: 9500, text: "Happy to be here & talk --> pricing." },
    { speakerId: "s1", startMs: 9500, endMs: 12_000, text: "Great." },
  ];
  adaCall = await seedCall(db, {
    organizationId, connectionId, gongId: "1001", title: "Discovery with Initech", startedAt: new Date("2026-11-20T10:00:00Z"), parties, segments,
  });
  privateCall = await seedCall(db, {
    organizationId, connectionId, gongId: "1002", title: "Private", startedAt: new Date("2026-11-21T10:00:00Z"), isPrivate: true, parties, segments,
  });
  apiKey = (await issueApiKey(db, { kind: "organization", organizationId, name: "acme", createdByUserId: null })).key;
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

async function download(as: keyof typeof users, callId: string, format: string) {
  session.user = { id: users[as], organizationId, role: as === "admin" ? "admin" : "rep" };
  const { GET } = await import("@/app/api/calls/[id]/transcript/route");
  const response = await GET(new Request(`http://callbridge.test/api/calls/${callId}/transcript?format=${format}`), { params: Promise.resolve({ id: callId }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("GET /api/calls/:id/transcript (the call page's download links)", () => {
  it("gives the call's participant all three formats, named after the call's date and title", async () => {
    const txt = await download("ada", adaCall, "txt");
    expect(txt.status).toBe(200);
    expect(txt.headers.get("content-disposition")).toBe('attachment; filename="2026-11-20-discovery-with-initech.txt"');
    expect(txt.text).toContain("[00:00:04] Bob <Buyer>: Happy to be here & talk --> pricing.");

    const vtt = await download("ada", adaCall, "vtt");
    expect(vtt.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    const parsed = new WebVTTParser().parse(vtt.text, "subtitles");
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((cue) => [cue.startTime, cue.endTime, cue.tree.children[0]?.value])).toEqual([
      [0, 4, "Ada Rep"],
      // The annotation stays escaped as written; this parser does not decode it.
      [4, 9.5, "Bob &lt;Buyer&gt;"],
      [9.5, 12, "Ada Rep"],
    ]);

    const json = JSON.parse((await download("ada", adaCall, "json")).text) as { sentences: { speaker: string }[] };
    expect(json.sentences.map((sentence) => sentence.speaker)).toEqual(["Ada Rep", "Bob <Buyer>", "Ada Rep"]);
  });

  it("answers 404 to another rep, exactly as the call page does, and to ids that are no call", async () => {
    const other = await download("bo", adaCall, "vtt");
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("Thanks for joining");
    expect((await download("bo", "not-a-uuid", "txt")).status).toBe(404);
    expect((await download("admin", adaCall, "txt")).status).toBe(200);
    expect((await download("admin", privateCall, "txt")).status).toBe(404);
    expect((await download("ada", privateCall, "txt")).status).toBe(200);
  });

  it("refuses an unknown format with a clear 400", async () => {
    const response = await download("ada", adaCall, "srt");
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/format/);
  });
});

describe("GET /api/v1/files/{id}/transcript", () => {
  it("exports by Callbridge or Gong id in each format; JSON is the default", async () => {
    const api = createApiHarness(database.db);
    const json = await api.call(exportFileTranscriptEndpoint, { path: "/files/1001/transcript", key: apiKey, params: { id: "1001" } });
    expect(json.status).toBe(200);
    expect(exportFileTranscriptEndpoint.response.parse(json.body).sentences).toHaveLength(3);
    const vtt = await api.call(exportFileTranscriptEndpoint, { path: `/files/${adaCall}/transcript?format=vtt`, key: apiKey, params: { id: adaCall } });
    expect(vtt.headers.get("content-disposition")).toBe('attachment; filename="2026-11-20-discovery-with-initech.vtt"');
    expect(new WebVTTParser().parse(vtt.text, "subtitles").errors).toEqual([]);
    const txt = await api.call(exportFileTranscriptEndpoint, { path: "/files/1001/transcript?format=txt", key: apiKey, params: { id: "1001" } });
    expect(txt.text.split("\n")[3]).toBe("[00:00:00] Ada Rep: Thanks for joining.");
  });

  it("404s a private call, as getFile does, and 400s an unknown format", async () => {
    const api = createApiHarness(database.db);
    expect((await api.call(exportFileTranscriptEndpoint, { path: "/files/1002/transcript", key: apiKey, params: { id: "1002" } })).status).toBe(404);
    const bad = await api.call(exportFileTranscriptEndpoint, { path: "/files/1001/transcript?format=srt", key: apiKey, params: { id: "1001" } });
    expect(bad.status).toBe(400);
  });
});
