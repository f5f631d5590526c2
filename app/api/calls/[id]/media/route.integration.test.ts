import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REQUIRED_GONG_SCOPE_NAMES } from "@/lib/gong/scopes";
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
const reps = { ada: "", bo: "" };

async function countGongRequests(): Promise<number> {
  const stats = (await stack.simulatorControl("stats")) as Stats;
  return Object.entries(stats.requestsByEndpoint)
    .filter(([endpoint]) => endpoint.includes("/v2/"))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((inner, n) => inner + n, 0), 0);
}

/** GET /api/calls/:id/media as the signed-in rep, with the Gong requests it caused. */
async function requestMedia(rep: keyof typeof reps, query = "format=json") {
  session.userId = reps[rep];
  const { GET } = await import("./route");
  const before = await countGongRequests();
  const response = await GET(new Request(`http://callbridge.test/api/calls/${callId}/media?${query}`), { params: Promise.resolve({ id: callId }) });
  const body = response.status === 302 ? null : ((await response.json()) as Record<string, unknown>);
  return { status: response.status, location: response.headers.get("location"), body, gongRequests: (await countGongRequests()) - before };
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
  stack = await startSyncStack({ simulator: { calls: 2, seed: 5 } });
  const [gongCallId] = (await readGongTruth(stack.simulator.url)).callIds;
  const connectionId = await connect(REQUIRED_GONG_SCOPE_NAMES.filter((scope) => scope !== MEDIA_SCOPE));
  const organizationId = stack.organizationId;
  for (const [rep, gongId] of [["ada", "801"], ["bo", "802"]] as const) {
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
    await connect();
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
