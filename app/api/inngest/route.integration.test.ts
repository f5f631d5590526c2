import { randomBytes } from "node:crypto";
import type { NextRequest } from "next/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/inngest-executor/src/index";
import { signBody } from "@/inngest-executor/src/common/signing";
import { callApi, putWithHost, waitFor } from "@/inngest-executor/test/harness";
import { freePort } from "@/scripts/child-processes";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { type ServedHandler, serveWebHandler } from "@/test-support/serve-web-handler";

// The app's public origin: what the serve handler must report, whatever Host a request names.
const APP_URL = "http://localhost:3999";
const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;

let database: MigratedTestDatabase;
let app: ServedHandler;
let appUrl: string;
let executor: Executor;

type FunctionsJson = { functions: { id: string; appUrl: string }[] };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const executorPort = await freePort();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL,
    INNGEST_BASE_URL: `http://127.0.0.1:${executorPort}`,
    INNGEST_SIGNING_KEY: signingKey,
    INNGEST_EVENT_KEY: "route-test",
  });
  const route = await import("./route");
  const handlers = { GET: route.GET, POST: route.POST, PUT: route.PUT } as Record<string, (request: NextRequest, context: unknown) => Promise<Response>>;
  // As Next serves the route: a fetch-style handler behind node:http, headers (Host included) passed through.
  app = await serveWebHandler((request) => handlers[request.method]!(request as NextRequest, undefined));
  appUrl = `${app.url}/api/inngest`;
  executor = await startExecutor({ databaseUrl: database.url, port: executorPort, appUrls: [appUrl], signingKey, eventKey: "route-test", pollMs: 20, backoffScale: 0.01 });
});

afterAll(async () => {
  await executor?.stop({ graceMs: 0 });
  await app?.close();
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

async function functionUrls(): Promise<Set<string>> {
  const { functions } = (await (await callApi(executor.url, signingKey, "/v1/functions")).json()) as FunctionsJson;
  expect(functions.length).toBeGreaterThan(5);
  return new Set(functions.map((fn) => fn.appUrl));
}

describe("PUT /api/inngest with a forged Host header (the workflow-registration hijack)", () => {
  it("refuses an unsigned sync: no function moves to the Host's server", async () => {
    const forged = await putWithHost(appUrl, "evil.example:8080");
    expect(forged.status).toBe(401);
    expect(await functionUrls()).toEqual(new Set([appUrl]));
  });

  it("keeps running the workflows on the app after a forged sync", async () => {
    // Fire the every-15-minutes scheduler now (a whole second: the executor claims a slot by its exact value); its
    // run goes through the executor to this app and completes.
    await sql`update inngest_executor.crons set next_at = date_trunc('second', now()) where function_id like ${"%schedule-gong-syncs"}`.execute(database.db);
    const run = await waitFor(async () => {
      const { rows } = await sql<{ status: string }>`select status from inngest_executor.runs where function_id like ${"%schedule-gong-syncs"}`.execute(
        database.db,
      );
      return rows[0] && !["queued", "running"].includes(rows[0].status) && rows[0];
    }, 20_000, "the scheduler's run to end");
    expect(run.status).toBe("completed");
  });

  it("reports APP_URL's origin, not the Host, even in a signed sync request", async () => {
    const body = "{}";
    const response = await fetch(appUrl, {
      method: "PUT",
      body,
      headers: { "content-type": "application/json", "x-inngest-signature": signBody(body, signingKey) },
    });
    // The executor registers only the URL it was configured with, and says which URL it was asked to take.
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toContain(`${APP_URL}/api/inngest is not an app URL`);
    expect(await functionUrls()).toEqual(new Set([appUrl]));
  });
});
