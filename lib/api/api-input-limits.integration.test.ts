import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness } from "@/test-support/api-harness";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { MAX_API_BODY_BYTES, createApiHandler } from "./create-api-handler";
import { listFilesEndpoint, syncFilesEndpoint } from "./endpoints";
import { issueApiKey } from "./issue-api-key";

/**
 * Input PostgreSQL would refuse, and bodies too large to be a request of this API, are the caller's mistake:
 * a 400 or 413 in the API's error shape, never a 500, and nothing is queued.
 */

let database: MigratedTestDatabase;
let api: ReturnType<typeof createApiHarness>;
let key: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  api = createApiHarness(database.db);
  const organizationId = await seedOrganization(database.db, "Acme");
  await seedConnection(database.db, organizationId);
  key = (await issueApiKey(database.db, { kind: "organization", organizationId, name: "acme", createdByUserId: null })).key;
});
afterAll(async () => {
  await database?.drop();
});

/** ISO-8601 date-times zod's datetime() takes and PostgreSQL's timestamptz refuses. */
const UNSTORABLE = ["2026-05-01T09:30:00+20:00", "2026-05-01T09:30:00-16:00", "0000-06-01T00:00:00Z"];

describe("date-times PostgreSQL can't store", () => {
  it("answer 400 naming the field and the accepted range when listing", async () => {
    for (const value of UNSTORABLE) {
      const result = await api.call(listFilesEndpoint, { path: `/files?from=${encodeURIComponent(value)}`, key });
      expect(result.status, value).toBe(400);
      expect(result.body.error).toEqual({ code: "bad_request", message: expect.stringMatching(/^from: must be a date-time in the years 0001–9999 with Z or an offset from -14:00 to \+14:00/) });
    }
  });

  it("answer 400 before anything is queued when syncing", async () => {
    for (const value of UNSTORABLE) {
      const result = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key, body: { to: value } });
      expect(result.status, value).toBe(400);
      expect(result.body.error?.message).toMatch(/^to: must be a date-time/);
    }
    expect(api.sent).toEqual([]);
  });

  it("still accepts every real offset and the first and last years", async () => {
    for (const value of ["2026-05-01T09:30:00+14:00", "2026-05-01T09:30:00-12:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999-11:30"]) {
      expect((await api.call(listFilesEndpoint, { path: `/files?to=${encodeURIComponent(value)}`, key })).status, value).toBe(200);
    }
  });
});

describe("request bodies over 64 KB", () => {
  const handler = () => createApiHandler(syncFilesEndpoint, () => api.deps);
  const oversized = JSON.stringify({ workspace_ids: ["x".repeat(MAX_API_BODY_BYTES)] });

  async function post(body: BodyInit, headers: Record<string, string> = {}) {
    const request = new Request("http://callbridge.test/api/v1/integrations/files/sync", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await handler()(request, { params: Promise.resolve({}) });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  }

  it("answer 413 when Content-Length says so, without reading the body", async () => {
    const chunks = 640;
    let pulled = 0;
    const tenMegabytes = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > chunks) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const result = await post(tenMegabytes, { "content-length": String(chunks * 16 * 1024) });
    expect(result).toEqual({ status: 413, body: { error: { code: "payload_too_large", message: "The request body is larger than 64 KB." } } });
    expect(pulled).toBeLessThan(8);
  });

  it("answer 413 when a streamed body grows past the limit with no Content-Length", async () => {
    const bytes = new TextEncoder().encode(oversized);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 8192) controller.enqueue(bytes.slice(offset, offset + 8192));
        controller.close();
      },
    });
    expect(await post(stream)).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    expect(await post(oversized)).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    expect(api.sent).toEqual([]);
  });

  it("still take a large valid request", async () => {
    const callIds = Array.from({ length: 100 }, (_, index) => String(9_000_000_000_000_000_000n + BigInt(index)));
    expect((await post(JSON.stringify({ call_ids: callIds }))).status).toBe(202);
  });
});
