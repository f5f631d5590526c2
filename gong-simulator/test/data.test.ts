import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCallCore } from "../src/data/call-core";
import { decodeId, encodeId } from "../src/data/ids";
import type { RunningSimulator } from "../src/index";
import { callApi, control, FROM, FULL_SELECTOR, startTestSimulator, TO } from "./support";

describe("seeded data", () => {
  let a: RunningSimulator;
  let b: RunningSimulator;
  let c: RunningSimulator;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([startTestSimulator({ seed: 7 }), startTestSimulator({ seed: 7 }), startTestSimulator({ seed: 8 })]);
  });
  afterAll(() => Promise.all([a.close(), b.close(), c.close()]));

  const snapshot = async (sim: RunningSimulator) => {
    const extensive = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: { fromDateTime: FROM, toDateTime: TO }, contentSelector: { ...FULL_SELECTOR, exposedFields: { ...FULL_SELECTOR.exposedFields, media: false } } } });
    const transcripts = await callApi(sim, "POST", "/v2/calls/transcript", { body: { filter: {} } });
    const users = await callApi(sim, "GET", "/v2/users");
    const strip = ({ requestId: _requestId, ...rest }: Record<string, unknown>) => JSON.stringify(rest).replaceAll(sim.url, "ORIGIN");
    return [strip(extensive.body), strip(transcripts.body).replace(/"cursor":"[^"]+"/, ""), strip(users.body)];
  };

  it("the same seed gives the same company, calls and transcripts; another seed differs", async () => {
    const [first, second, other] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
    expect(second[0]!.replace(/"cursor":"[^"]+"/, "")).toBe(first[0]!.replace(/"cursor":"[^"]+"/, ""));
    expect(second[1]).toBe(first[1]);
    expect(second[2]).toBe(first[2]);
    expect(other[1]).not.toBe(first[1]);
  });

  it("ids are digit strings that map back to their index without a table", () => {
    for (const index of [0, 1, 299, 99_999]) {
      const id = encodeId("call", 7, index);
      expect(id).toMatch(/^\d{18,20}$/);
      expect(decodeId("call", 7, id)).toBe(index);
      expect(decodeId("call", 8, id)).toBeUndefined();
    }
  });

  it("has realistic variety: private and imported calls, multi-speaker dialogue, null speakers and topics, long calls", () => {
    const dataset = { ...a.state.dataset, callCount: 2000 };
    const cores = Array.from({ length: 2000 }, (_, index) => buildCallCore(dataset, index));
    expect(cores.some((core) => core.isPrivate)).toBe(true);
    expect(cores.some((core) => core.imported && core.parties.length === 0)).toBe(true);
    expect(cores.some((core) => core.sentenceCount >= 1400)).toBe(true);
    expect(cores.filter((core) => core.parties.filter((party) => party.speakerId).length >= 3).length).toBeGreaterThan(100);
  });

  it("a created call's transcript appears only after the delay", async () => {
    const created = await control<{ id: string }>(a, "POST", "/calls", { transcriptDelaySeconds: 120 });
    const ask = () => callApi(a, "POST", "/v2/calls/transcript", { body: { filter: { callIds: [created.id] } } });
    expect((await ask()).status).toBe(404);
    expect((await callApi(a, "GET", `/v2/calls/${created.id}`)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 121_000);
      const ready = await ask();
      expect(ready.status).toBe(200);
      expect((ready.body.callTranscripts as Array<{ callId: string }>)[0]!.callId).toBe(created.id);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the newest seeded calls are still being transcribed at start-up; their transcripts appear later", async () => {
    const now = Date.now();
    const fresh = await startTestSimulator({ calls: 300, from: new Date(now - 30 * 86_400_000), to: new Date(now) });
    try {
      const collect = async (path: string, pick: (body: Record<string, unknown>) => string[]) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const answer = await callApi(fresh, "POST", path, { body: { cursor, filter: {} } });
          ids.push(...pick(answer.body));
          cursor = (answer.body.records as { cursor?: string }).cursor;
        } while (cursor);
        return ids;
      };
      const calls = await collect("/v2/calls/extensive", (body) => (body.calls as Array<{ metaData: { id: string } }>).map((call) => call.metaData.id));
      const transcribed = new Set(await collect("/v2/calls/transcript", (body) => (body.callTranscripts as Array<{ callId: string }>).map((t) => t.callId)));
      const pending = calls.filter((id) => !transcribed.has(id));
      expect(calls).toHaveLength(300);
      expect(pending.length).toBeGreaterThan(0);
      expect(pending).toEqual(calls.slice(-pending.length)); // the newest ones, not a random few
      for (const id of pending) {
        const core = buildCallCore(fresh.state.dataset, decodeId("call", 42, id)!);
        expect(now - (core.startedMs + core.durationSeconds * 1000)).toBeLessThan(4 * 3600_000);
      }
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(now + 10 * 60_000);
        expect((await callApi(fresh, "POST", "/v2/calls/transcript", { body: { filter: { callIds: pending } } })).status).toBe(404);
        vi.setSystemTime(now + 3 * 3600_000);
        const ready = await callApi(fresh, "POST", "/v2/calls/transcript", { body: { filter: { callIds: pending } } });
        expect((ready.body.callTranscripts as Array<{ callId: string }>).map((t) => t.callId)).toEqual(pending);
      } finally {
        vi.useRealTimers();
      }
    } finally {
      await fresh.close();
    }
  });

  it("reset changes the dataset size and range", async () => {
    await control(c, "POST", "/reset", { seed: 8, calls: 1000, users: 30, workspaces: 3, from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z" });
    const answer = await callApi(c, "GET", "/v2/calls?fromDateTime=2025-01-01T00:00:00Z&toDateTime=2025-02-01T00:00:00Z");
    expect((answer.body.records as { totalRecords: number }).totalRecords).toBe(1000);
    expect((await callApi(c, "GET", "/v2/workspaces")).body.workspaces).toHaveLength(3);
    expect((await callApi(c, "GET", "/v2/users")).body.users).toHaveLength(30);
  });
});
