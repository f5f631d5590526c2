import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { selectCalls } from "../src/api/call-filter";
import { buildCallCore } from "../src/data/call-core";
import type { RunningSimulator } from "../src/index";
import { createDataset } from "../src/state";
import { callApi, FROM, startTestSimulator, TO } from "./support";

interface Records { totalRecords: number; currentPageSize: number; currentPageNumber: number; cursor?: string }

describe("cursor pagination", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 345 });
  });
  afterAll(() => sim.close());

  async function collect(path: string, bodyFor: (cursor?: string) => unknown, pick: (body: Record<string, unknown>) => string[]) {
    const ids: string[] = [];
    const pages: Records[] = [];
    let cursor: string | undefined;
    do {
      const answer = await callApi(sim, "POST", path, { body: bodyFor(cursor) });
      expect(answer.status).toBe(200);
      const records = answer.body.records as Records;
      pages.push(records);
      ids.push(...pick(answer.body));
      cursor = records.cursor;
    } while (cursor);
    return { ids, pages };
  }

  it("calls/extensive returns each call exactly once, 100 a page, pages numbered from 0", async () => {
    const filter = { fromDateTime: FROM, toDateTime: TO };
    const { ids, pages } = await collect("/v2/calls/extensive", (cursor) => ({ cursor, filter }), (body) => (body.calls as Array<{ metaData: { id: string } }>).map((call) => call.metaData.id));
    expect(ids).toHaveLength(345);
    expect(new Set(ids).size).toBe(345);
    expect(pages.map((page) => page.currentPageSize)).toEqual([100, 100, 100, 45]);
    expect(pages.map((page) => page.currentPageNumber)).toEqual([0, 1, 2, 3]);
    expect(pages.every((page) => page.totalRecords === 345)).toBe(true);
  });

  it("calls are ordered by start time and calls/extensive respects from (inclusive) / to (exclusive) on the start", async () => {
    const all = await callApi(sim, "GET", `/v2/calls?fromDateTime=${FROM}&toDateTime=${TO}`);
    const calls = all.body.calls as Array<{ id: string; started: string }>;
    const starts = calls.map((call) => Date.parse(call.started));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const window = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: { fromDateTime: calls[2]!.started, toDateTime: calls[5]!.started } } });
    expect((window.body.calls as Array<{ metaData: { id: string } }>).map((call) => call.metaData.id)).toEqual(calls.slice(2, 5).map((call) => call.id));
  });

  it("GET /v2/calls matches Gong-recorded conferences on their scheduled time, other calls on their start (API.md §2.2)", async () => {
    type Basic = { id: string; scheduled: string; started: string; direction: string };
    const calls: Basic[] = [];
    let cursor: string | undefined;
    do {
      const page = await callApi(sim, "GET", `/v2/calls?${new URLSearchParams({ fromDateTime: FROM, toDateTime: TO, ...(cursor ? { cursor } : {}) })}`);
      calls.push(...(page.body.calls as Basic[]));
      cursor = (page.body.records as Records).cursor;
    } while (cursor);
    const idsIn = async (from: string, to: string) => {
      const answer = await callApi(sim, "GET", `/v2/calls?fromDateTime=${encodeURIComponent(from)}&toDateTime=${encodeURIComponent(to)}`);
      return answer.status === 404 ? [] : (answer.body.calls as Basic[]).map((call) => call.id);
    };
    const extensiveIdsIn = async (from: string, to: string) => {
      const answer = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: { fromDateTime: from, toDateTime: to } } });
      return answer.status === 404 ? [] : (answer.body.calls as Array<{ metaData: Basic }>).map((call) => call.metaData.id);
    };
    const conference = calls.find((call) => call.direction === "Conference" && Date.parse(call.scheduled) < Date.parse(call.started))!;
    expect(await idsIn(conference.scheduled, conference.started)).toContain(conference.id);
    expect(await idsIn(conference.started, TO)).not.toContain(conference.id);
    expect(await extensiveIdsIn(conference.scheduled, conference.started)).not.toContain(conference.id);
    const telephony = calls.find((call) => call.direction !== "Conference" && Date.parse(call.scheduled) < Date.parse(call.started))!;
    expect(await idsIn(telephony.scheduled, telephony.started)).not.toContain(telephony.id);
    expect(await idsIn(telephony.started, TO)).toContain(telephony.id);
    const all = await callApi(sim, "GET", `/v2/calls?fromDateTime=${FROM}&toDateTime=${TO}`);
    expect((all.body.records as Records).totalRecords).toBe(calls.length);
  });

  it("transcripts page the same way, each call once", async () => {
    const { ids } = await collect("/v2/calls/transcript", (cursor) => ({ cursor, filter: {} }), (body) => (body.callTranscripts as Array<{ callId: string }>).map((t) => t.callId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(330);
  });

  it("a cursor only works with the same other inputs", async () => {
    const first = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: {} } });
    const cursor = (first.body.records as Records).cursor!;
    const changed = await callApi(sim, "POST", "/v2/calls/extensive", { body: { cursor, filter: { fromDateTime: FROM } } });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([expect.stringContaining("remain the same")]);
    const forged = await callApi(sim, "POST", "/v2/calls/extensive", { body: { cursor: `${cursor}x`, filter: {} } });
    expect(forged.status).toBe(400);
  });

  it("cursors expire", async () => {
    const first = await callApi(sim, "GET", "/v2/calls");
    const cursor = (first.body.records as Records).cursor!;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 2 * 3600_000);
      const expired = await callApi(sim, "GET", `/v2/calls?cursor=${cursor}`);
      expect(expired.status).toBe(400);
      expect(expired.body.errors).toEqual([expect.stringContaining("expired")]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an empty result is a 404 with Gong's message, not an empty list", async () => {
    const answer = await callApi(sim, "GET", "/v2/calls?fromDateTime=2019-01-01T00:00:00Z&toDateTime=2019-02-01T00:00:00Z");
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ requestId: expect.any(String), errors: ["No calls found corresponding to the provided filters"] });
    const unknownIds = await callApi(sim, "POST", "/v2/calls/transcript", { body: { filter: { callIds: ["7782342274025937895"] } } });
    expect(unknownIds.status).toBe(404);
  });

  it("filters by workspace, primary user and call ids", async () => {
    const company = await (await fetch(`${sim.url}/__sim/company`)).json() as { workspaces: Array<{ id: string }>; users: Array<{ id: string; emailAddress: string }> };
    const workspaceId = company.workspaces[1]!.id;
    const inWorkspace = await callApi(sim, "GET", `/v2/calls?workspaceId=${workspaceId}`);
    const calls = inWorkspace.body.calls as Array<{ id: string; workspaceId: string; primaryUserId: string }>;
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.workspaceId === workspaceId)).toBe(true);
    const rep1 = company.users.find((user) => user.emailAddress === "rep1@acme.test")!;
    const owned = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: { primaryUserIds: [rep1.id] } } });
    expect((owned.body.calls as Array<{ metaData: { primaryUserId: string } }>).every((call) => call.metaData.primaryUserId === rep1.id)).toBe(true);
    const byIds = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: { callIds: [calls[1]!.id, calls[0]!.id, "123"] } } });
    expect((byIds.body.calls as Array<{ metaData: { id: string } }>).map((call) => call.metaData.id)).toEqual([calls[0]!.id, calls[1]!.id]);
  });
});

describe("date filters on a dense dataset (a call every 29 s)", () => {
  it("select exactly what a scan of every call finds, on start or scheduled time", () => {
    const dataset = createDataset({ seed: 3, calls: 3000, workspaces: 2, users: 12, companyName: "Acme", from: new Date(FROM), to: new Date("2026-01-02T00:00:00Z") }, Date.now());
    const cores = Array.from({ length: dataset.callCount }, (_, index) => buildCallCore(dataset, index));
    const dayMs = dataset.toMs - dataset.fromMs;
    for (let k = 0; k < 25; k++) {
      const fromMs = dataset.fromMs + Math.floor(((k * 7919) % 1000) / 1000 * dayMs);
      const toMs = fromMs + [0, 60_000, 300_000, 600_000, 3_600_000][k % 5]!;
      const filter = { fromDateTime: new Date(fromMs).toISOString(), toDateTime: new Date(toMs).toISOString() };
      for (const scheduledTimeForConferences of [false, true]) {
        const time = (core: (typeof cores)[number]) => (scheduledTimeForConferences && !core.imported ? core.scheduledMs : core.startedMs);
        const expected = cores.filter((core) => time(core) >= fromMs && time(core) < toMs).map((core) => core.index);
        const selection = selectCalls(dataset, filter, { scheduledTimeForConferences });
        expect(selection.after(-1, 10_000)).toEqual(expected);
        expect(selection.count()).toBe(expected.length);
      }
    }
  });
});
