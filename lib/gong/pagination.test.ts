import { describe, expect, it } from "vitest";
import errors from "./__fixtures__/errors.json";
import extensiveCalls from "./__fixtures__/extensive-calls.json";
import { createFakeFetch, type RecordedRequest, type ScriptedResponse } from "./__fixtures__/fake-fetch";
import type { GongContext } from "./http";
import { iterateCallTranscripts, listCallTranscripts } from "./list-call-transcripts";
import { iterateCalls } from "./list-calls";
import { iterateExtensiveCalls, listExtensiveCalls } from "./list-extensive-calls";
import { listLibraryFolders } from "./list-library-folders";
import { iterateUsers } from "./list-users";

const [firstCall] = extensiveCalls.calls;
const records = (cursor?: string) => ({ totalRecords: 3, currentPageSize: 1, currentPageNumber: 0, cursor });

function contextFor(script: ScriptedResponse[] | ((request: RecordedRequest) => ScriptedResponse)) {
  const fake = createFakeFetch(script);
  const ctx: GongContext = { baseUrl: "https://api.gong.io", accessToken: "t", fetch: fake.fetch };
  return { ctx, requests: fake.requests };
}

async function collect<T>(pages: AsyncIterable<{ items: T[] }>) {
  const all: T[][] = [];
  for await (const page of pages) all.push(page.items);
  return all;
}

describe("pagination", () => {
  it("passes POST cursors in the body, keeps every other input and stops without a cursor", async () => {
    const { ctx, requests } = contextFor([
      { body: { requestId: "1", records: records("c1"), calls: [firstCall] } },
      { body: { requestId: "2", records: records("c2"), calls: [firstCall] } },
      { body: { requestId: "3", records: records(), calls: [firstCall] } },
    ]);
    const input = { filter: { fromDateTime: new Date("2024-01-01T00:00:00Z"), workspaceId: "623457276584334" } };
    const pages = await collect(iterateExtensiveCalls(ctx, input));
    expect(pages.map((items) => items.length)).toEqual([1, 1, 1]);
    expect(requests.map((request) => (request.body as { cursor?: string }).cursor)).toEqual([undefined, "c1", "c2"]);
    const withoutCursor = requests.map(({ body }) => ({ ...(body as object), cursor: undefined }));
    expect(withoutCursor[1]).toEqual(withoutCursor[0]);
    expect(withoutCursor[2]).toEqual(withoutCursor[0]);
    expect(requests[0]?.body).toMatchObject({
      filter: { fromDateTime: "2024-01-01T00:00:00Z", workspaceId: "623457276584334" },
      contentSelector: { exposedFields: { parties: true, media: false, content: { topics: true } } },
    });
  });

  it("exposes a single page with its cursor so a sync step can checkpoint", async () => {
    const { ctx, requests } = contextFor([{ body: { requestId: "1", records: records("c9"), calls: [firstCall] } }]);
    const page = await listExtensiveCalls(ctx, { filter: { callIds: ["1"] }, content: { media: true }, cursor: "c8" });
    expect(page.nextCursor).toBe("c9");
    expect(page.records?.totalRecords).toBe(3);
    expect(requests[0]?.body).toMatchObject({ cursor: "c8", contentSelector: { exposedFields: { media: true } } });
  });

  it("passes GET cursors on the query string and resumes from a stored cursor", async () => {
    const { ctx, requests } = contextFor([
      { body: { requestId: "1", records: records("c2"), calls: [{ id: "1" }] } },
      { body: { requestId: "2", records: records(), calls: [{ id: "2" }] } },
    ]);
    const input = { fromDateTime: "2024-01-01T00:00:00Z", toDateTime: "2024-02-01T00:00:00Z", workspaceId: "9" };
    const pages = await collect(iterateCalls(ctx, input, "c1"));
    expect(pages.flat().map((call) => call.id)).toEqual(["1", "2"]);
    expect(requests.map((request) => request.url.searchParams.get("cursor"))).toEqual(["c1", "c2"]);
    for (const request of requests) {
      expect(request.method).toBe("GET");
      expect(request.url.searchParams.get("fromDateTime")).toBe("2024-01-01T00:00:00Z");
      expect(request.url.searchParams.get("workspaceId")).toBe("9");
    }
  });

  it("pages users and stops on an empty cursor", async () => {
    const { ctx, requests } = contextFor([
      { body: { requestId: "1", records: records("u2"), users: [{ id: "1" }] } },
      { body: { requestId: "2", records: records(""), users: [{ id: "2" }] } },
    ]);
    expect((await collect(iterateUsers(ctx))).flat()).toHaveLength(2);
    expect(requests[1]?.url.search).toBe("?cursor=u2");
  });

  it("stops rather than loop when Gong repeats a cursor", async () => {
    const { ctx } = contextFor(() => ({ body: { requestId: "1", records: records("same"), callTranscripts: [] } }));
    const pages = iterateCallTranscripts(ctx, { callIds: ["1"] });
    await expect(collect(pages)).rejects.toThrow("same cursor twice");
  });

  it("reads an empty 404 as one empty page", async () => {
    const { ctx } = contextFor([{ status: 404, body: errors.noCalls }]);
    expect(await collect(iterateCallTranscripts(ctx, { callIds: ["1"] }))).toEqual([[]]);
  });

  it("rejects empty or oversized callIds before calling Gong", async () => {
    const { ctx, requests } = contextFor([]);
    await expect(listCallTranscripts(ctx, { callIds: [] })).rejects.toThrow("must not be empty");
    const ids = Array.from({ length: 101 }, (_, index) => String(index));
    await expect(listCallTranscripts(ctx, { callIds: ids })).rejects.toThrow("At most 100");
    await expect(listExtensiveCalls(ctx, { filter: { callIds: [] } })).rejects.toThrow("must not be empty");
    expect(requests).toHaveLength(0);
  });

  it("lists library folders without records and follows a cursor if one appears", async () => {
    const { ctx, requests } = contextFor([
      { body: { requestId: "1", records: records("f2"), folders: [{ id: "1" }] } },
      { body: { requestId: "2", folders: [{ id: "2" }] } },
    ]);
    expect((await listLibraryFolders(ctx, { workspaceId: "w" })).map((folder) => folder.id)).toEqual(["1", "2"]);
    expect(requests[1]?.url.searchParams.get("workspaceId")).toBe("w");
  });
});
