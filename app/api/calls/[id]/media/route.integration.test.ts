import { sql } from "kysely";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCallViewer } from "@/db/queries/call-access";
import { reserveGongRequestSlot } from "@/db/queries/gong-request-slots";
import { MEDIA_RATE_LIMITS } from "@/lib/calls/enforce-media-rate-limit";
import { REQUIRED_GONG_SCOPE_NAMES } from "@/lib/gong/scopes";
import { GONG_REQUEST_SPACING_MS, MAX_PACING_WAIT_MS } from "@/lib/gong-connection/create-gong-context";
import { MEDIA_SCOPE } from "@/lib/calls/get-call-media";
import { readGongTruth } from "@/test-support/gong-truth";
import { seedCall, seedGongUser, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

/**
 * The recording route and the call page for a rep, against the Gong simulator over HTTP: without the media scope
 * Gong is not asked at all, and another rep's call is a 404 whatever the scopes.
 */

// The session cookie is the one input stubbed: who is signed in. The users table behind it is real.
const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ user: { id: session.userId } }) }));

type Stats = { requestsByEndpoint: Record<string, Record<string, number>> };

let stack: SyncStack;
let callId: string;
let connectionId: string;
let gongCallIds: string[];
const reps = { ada: "", bo: "", cy: "" };

async function countGongRequests(): Promise<number> {
  const stats = (await stack.simulatorControl("stats")) as Stats;
  return Object.entries(stats.requestsByEndpoint)
    .filter(([endpoint]) => endpoint.includes("/v2/"))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((inner, n) => inner + n, 0), 0);
}

/** GET /api/calls/:id/media as the signed-in rep. */
async function getMedia(rep: keyof typeof reps, query = "format=json", id = callId) {
  session.userId = reps[rep];
  const { GET } = await import("./route");
  const response = await GET(new Request(`http://callbridge.test/api/calls/${id}/media?${query}`), { params: Promise.resolve({ id }) });
  const body = response.status === 302 ? null : ((await response.json()) as Record<string, unknown>);
  return { status: response.status, location: response.headers.get("location"), retryAfter: response.headers.get("retry-after"), body };
}

/** The same, with the Gong requests it caused. */
async function requestMedia(rep: keyof typeof reps, query = "format=json", id = callId) {
  const before = await countGongRequests();
  const result = await getMedia(rep, query, id);
  return { ...result, gongRequests: (await countGongRequests()) - before };
}

/** Connects through Gong's consent page; the 15-minute scheduled sync stays off, so only the route can ask Gong. */
async function connect(scopes?: readonly string[]): Promise<string> {
  const connectionId = await stack.connect({ scopes });
  await stack.db.updateTable("gong_connections").set({ auto_sync_interval_hours: null }).where("id", "=", connectionId).execute();
  return connectionId;
}

async function renderCallPage(rep: keyof typeof reps): Promise<string> {
  session.userId = reps[rep];
  const { default: CallPage } = await import("@/app/(dashboard)/calls/[id]/page");
  return renderToStaticMarkup(await CallPage({ params: Promise.resolve({ id: callId }), searchParams: Promise.resolve({}) }));
}

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 4, seed: 5 } });
  gongCallIds = (await readGongTruth(stack.simulator.url)).callIds;
  const gongCallId = gongCallIds[0];
  connectionId = await connect(REQUIRED_GONG_SCOPE_NAMES.filter((scope) => scope !== MEDIA_SCOPE));
  const organizationId = stack.organizationId;
  for (const [rep, gongId] of [["ada", "801"], ["bo", "802"], ["cy", "803"]] as const) {
    reps[rep] = await seedUser(stack.db, { organizationId, email: `${rep}@acme.test`, name: rep, role: "rep" });
    const gongUserId = await seedGongUser(stack.db, { organizationId, gongId, email: `${rep}@acme.test` });
    await seedUserGongLink(stack.db, { userId: reps[rep], organizationId, gongUserId });
  }
  callId = await seedCall(stack.db, {
    organizationId, connectionId, gongId: gongCallId!, startedAt: new Date(), title: "Ada's discovery call",
    parties: [{ gongId: "p-801", userGongId: "801", email: "ada@acme.test", affiliation: "Internal" }],
  });
}, 120_000);

afterAll(() => stack?.stop());

describe("a call's recording when Gong was connected without the media scope", () => {
  it("answers 409 naming the scope, for the JSON and the player's redirect alike, without asking Gong", async () => {
    for (const query of ["format=json", "kind=audio", "kind=video"]) {
      const result = await requestMedia("ada", query);
      expect(result).toMatchObject({ status: 409, gongRequests: 0, location: null });
      expect(result.body).toEqual({ error: { code: "conflict", message: expect.stringContaining(`not granted ${MEDIA_SCOPE}`) } });
    }
    const call = await stack.db.selectFrom("calls").select(["audio_url", "media_fetched_at"]).where("id", "=", callId).executeTakeFirstOrThrow();
    expect(call).toEqual({ audio_url: null, media_fetched_at: null });
  });

  it("shows the rep a plain explanation on the call page instead of a player", async () => {
    const html = await renderCallPage("ada");
    expect(html).toContain("Ada&#x27;s discovery call");
    expect(html).toContain(`The recording can&#x27;t be played: the Gong connection wasn&#x27;t granted <code>${MEDIA_SCOPE}</code>`);
    expect(html).not.toMatch(/<(audio|video)\b/);
  });

  it("answers another rep 404, as if the call did not exist", async () => {
    for (const query of ["format=json", "kind=audio"]) {
      expect(await requestMedia("bo", query)).toMatchObject({ status: 404, gongRequests: 0, body: { error: { code: "not_found" } } });
    }
  });
});

describe("the same call once the admin reconnects with the media scope", () => {
  beforeAll(async () => {
    connectionId = await connect();
  });

  it("asks Gong once, then plays the stored link", async () => {
    const first = await requestMedia("ada");
    expect(first).toMatchObject({ status: 200, gongRequests: 1, body: { audioUrl: expect.stringContaining(`${stack.simulator.url}/media/`) } });
    const again = await requestMedia("ada", "kind=audio");
    expect(again).toMatchObject({ status: 302, gongRequests: 0, location: (first.body as { audioUrl: string }).audioUrl });
    expect(await renderCallPage("ada")).toMatch(/<(audio|video)\b/);
  });

  it("still answers another rep 404 without asking Gong", async () => {
    expect(await requestMedia("bo")).toMatchObject({ status: 404, gongRequests: 0 });
  });
});

/** A call of `rep`'s, with Gong id `gongId` (one the simulator doesn't know has no recording there). */
async function seedRepCall(rep: "ada" | "cy", gongId: string, stored: { audioUrl?: string; fetchedHoursAgo?: number } = {}) {
  const userGongId = rep === "ada" ? "801" : "803";
  return seedCall(stack.db, {
    organizationId: stack.organizationId, connectionId, gongId, startedAt: new Date(), title: `${rep}'s call ${gongId}`,
    audioUrl: stored.audioUrl ?? null, mediaFetchedAt: stored.fetchedHoursAgo === undefined ? null : new Date(Date.now() - stored.fetchedHoursAgo * 3600_000),
    parties: [{ gongId: `p-${userGongId}-${gongId}`, userGongId, email: `${rep}@acme.test`, affiliation: "Internal" }],
  });
}

describe("a call Gong has no recording of", () => {
  let silentCallId: string;
  beforeAll(async () => {
    silentCallId = await seedRepCall("ada", "7000000000000000001");
  });

  it("asks Gong once, then believes the answer for 15 minutes", async () => {
    const results = [];
    for (const query of ["format=json", "format=json", "kind=audio", "format=json"]) results.push(await requestMedia("ada", query, silentCallId));
    expect(results.map((result) => result.gongRequests)).toEqual([1, 0, 0, 0]);
    expect(results[0]).toMatchObject({ status: 200, body: { audioUrl: null, videoUrl: null } });
    expect(results[2]).toMatchObject({ status: 404, body: { error: { message: "Gong has no audio recording for this call." } } });
    await sql`update calls set media_fetched_at = now() - interval '16 minutes' where id = ${silentCallId}`.execute(stack.db);
    expect(await requestMedia("ada", "format=json", silentCallId)).toMatchObject({ status: 200, gongRequests: 1 });
  });

  it("has Gong asked once when two app processes want it at the same moment", async () => {
    await sql`update calls set media_fetched_at = null where id = ${silentCallId}`.execute(stack.db);
    const thisProcess = await import("@/lib/calls/get-call-media");
    vi.resetModules();
    const otherProcess = await import("@/lib/calls/get-call-media");
    expect(otherProcess.getCallMedia).not.toBe(thisProcess.getCallMedia);
    let asked = 0;
    const fetchMedia = async () => {
      asked += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { audioUrl: "https://media.test/late.wav", videoUrl: null };
    };
    const viewer = await getCallViewer(stack.db, { id: reps.ada, organizationId: stack.organizationId, role: "rep" });
    const answers = await Promise.all([
      ...Array.from({ length: 3 }, () => thisProcess.getCallMedia(stack.db, viewer, silentCallId, { fetchMedia })),
      ...Array.from({ length: 3 }, () => otherProcess.getCallMedia(stack.db, viewer, silentCallId, { fetchMedia })),
    ]);
    expect(asked).toBe(1);
    expect(new Set(answers.map((answer) => answer.audioUrl))).toEqual(new Set(["https://media.test/late.wav"]));
  });
});

describe("a rep's recording requests", () => {
  it("are refused (429, Retry-After) without asking Gong once the rep's hourly Gong fetches are spent", async () => {
    const { action, limit, windowSeconds } = MEDIA_RATE_LIMITS.gongFetches;
    const staleCallId = await seedRepCall("ada", gongCallIds[1]!, { audioUrl: "https://media.test/old.wav", fetchedHoursAgo: 9 });
    await sql`
      insert into user_rate_limits (user_id, action, window_start, requests)
      values (${reps.ada}, ${action}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), ${limit})
      on conflict (user_id, action, window_start) do update set requests = excluded.requests`.execute(stack.db);
    const refused = await requestMedia("ada", "format=json", staleCallId);
    expect(refused).toMatchObject({ status: 429, gongRequests: 0, body: { error: { code: "rate_limited", message: expect.stringContaining("recordings fetched from Gong this hour") } } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // A link still fresh needs no fetch, so it plays.
    expect(await requestMedia("ada", "format=json")).toMatchObject({ status: 200, gongRequests: 0 });
  });

  it("cost at most one Gong request per call when 400 arrive at once, and leave a concurrent sync's pacing alone", async () => {
    const callIds = [
      await seedRepCall("cy", gongCallIds[2]!),
      await seedRepCall("cy", "7000000000000000002"),
      await seedRepCall("cy", gongCallIds[3]!, { audioUrl: "https://media.test/stale.wav", fetchedHoursAgo: 8 }),
    ];
    const before = await countGongRequests();
    const results = await Promise.all(Array.from({ length: 400 }, (_, index) => getMedia("cy", "format=json", callIds[index % callIds.length])));
    expect(await countGongRequests() - before).toBeLessThanOrEqual(callIds.length);
    const statuses = new Set(results.map((result) => result.status));
    expect([...statuses].sort()).toEqual([200, 429]);
    expect(results.filter((result) => result.status === 200).length).toBeLessThanOrEqual(MEDIA_RATE_LIMITS.requests.limit);
    // What the flood left booked in the shared pacer: at most the slots of the requests Gong really got.
    const { rows } = await sql<{ booked_ms: number }>`
      select extract(epoch from (next_slot_at - clock_timestamp())) * 1000 as booked_ms from gong_request_slots where connection_id = ${connectionId}`.execute(stack.db);
    expect(Number(rows[0]!.booked_ms)).toBeLessThan((callIds.length + 1) * GONG_REQUEST_SPACING_MS);
    const syncSlot = await reserveGongRequestSlot(stack.db, connectionId, GONG_REQUEST_SPACING_MS, MAX_PACING_WAIT_MS);
    expect(syncSlot).toMatchObject({ booked: true });
    expect(syncSlot!.waitMs).toBeLessThan((callIds.length + 1) * GONG_REQUEST_SPACING_MS);
  });
});
