import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "./test-database.js";
import { startExecutor, type Executor } from "../src/index.js";
import { registerFunctions } from "../src/sync/register-functions.js";
import { TEST_EXECUTOR_OPTIONS } from "./harness.js";

export type FakeRequest = {
  fnId: string;
  stepId: string;
  body: {
    event: { data: Record<string, unknown> };
    steps: Record<string, unknown>;
    ctx: { run_id: string; qi_id: string; attempt: number };
  };
};

export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

export type FakeStack = {
  db: TestDatabase;
  pool: pg.Pool;
  executor: Executor;
  appUrl: string;
  requests: FakeRequest[];
  /** Registers functions (ids without the app prefix) served by the fake app, each with `retries`. */
  register(functions: { id: string; retries?: number }[]): Promise<void>;
  send(events: { name: string; data: Record<string, unknown> }[]): Promise<void>;
  stop(): Promise<void>;
};

/**
 * An executor pointed at a hand-written app that answers whatever a test needs, including answers the real
 * SDK never gives: the executor's own handling of responses can then be tested directly.
 */
export async function startFakeStack(answer: (request: FakeRequest) => Promise<FakeAnswer> | FakeAnswer): Promise<FakeStack> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    void readRequest(req)
      .then(async (request) => {
        requests.push(request);
        const { status, body, headers } = await answer(request);
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(body === undefined ? "" : JSON.stringify(body));
      })
      .catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const db = await createTestDatabase();
  // A dev server: the hand-written app checks no signatures, and any event key will do.
  const executor = await startExecutor({ ...TEST_EXECUTOR_OPTIONS, databaseUrl: db.url, appUrls: [], dev: true });
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  return {
    db,
    pool,
    executor,
    appUrl,
    requests,
    async register(functions) {
      const configs = functions.map(({ id, retries }) => ({
        id: `fake-${id}`,
        name: id,
        triggers: [{ event: `fake/${id}` }],
        steps: { step: { id: "step", name: "step", runtime: { type: "http", url: `${appUrl}?fnId=fake-${id}&stepId=step` }, retries: { attempts: retries ?? 3 } } },
      }));
      const { errors } = await registerFunctions(pool, appUrl, configs);
      if (errors.length > 0) throw new Error(`fake functions rejected: ${JSON.stringify(errors)}`);
    },
    async send(events) {
      const response = await fetch(`${executor.url}/e/fake-key`, { method: "POST", body: JSON.stringify(events) });
      if (!response.ok) throw new Error(`sending events answered ${response.status}`);
    },
    async stop() {
      await executor.stop({ graceMs: 500 });
      await pool.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.drop();
    },
  };
}

async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? "/", "http://fake");
  return {
    fnId: url.searchParams.get("fnId") ?? "",
    stepId: url.searchParams.get("stepId") ?? "",
    body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeRequest["body"],
  };
}
