import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "../src/index";
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

  it("calls are ordered by start time and respect from (inclusive) / to (exclusive)", async () => {
    const all = await callApi(sim, "GET", `/v2/calls?fromDateTime=${FROM}&toDateTime=${TO}`);
    const calls = all.body.calls as Array<{ id: string; started: string }>;
    const starts = calls.map((call) => Date.parse(call.started));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const third = calls[2]!;
    const window = await callApi(sim, "GET", `/v2/calls?fromDateTime=${encodeURIComponent(third.started)}&toDateTime=${encodeURIComponent(calls[5]!.started)}`);
    expect((window.body.calls as Array<{ id: string }>).map((call) => call.id)).toEqual(calls.slice(2, 5).map((call) => call.id));
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
