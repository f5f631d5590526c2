import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../scripts/child-processes";
import { createTestDatabase } from "../test-support/test-database";
import { AppError, isDatabaseUnavailable, toErrorResponse } from "./errors";

// Found by the chaos benchmark (bench/chaos): while the database restarted, API requests answered 500 "Something
// went wrong." instead of a 503 the integration can retry. The errors below are node-postgres's own, provoked for real.
describe("errors while the database is unavailable", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("expected an error");
  }

  it("a server that refuses connections answers 503 with Retry-After", async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none` });
    const error = await errorOf(() => client.connect());
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = toErrorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: "The database is briefly unavailable; try again shortly." } });
  });

  it("a session the server ends (as a restart does) is unavailable too", async () => {
    const victim = new pg.Client({ connectionString: database.url });
    victim.on("error", () => undefined);
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>("select pg_backend_pid() as pid");
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    // Settled at once, so its rejection is never unhandled while the terminate runs.
    const pending = victim.query("select pg_sleep(10)").then(
      () => new Error("the query was not interrupted"),
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    const error = await pending;
    await admin.end();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toErrorResponse(error).status).toBe(503);
  });

  it("a query error or a bug still answers 500, and an AppError its own status", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const error = await errorOf(() => client.query("select * from no_such_table"));
    await client.end();
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(toErrorResponse(error).status).toBe(500);
    expect(toErrorResponse(new AppError("unavailable", "later")).status).toBe(503);
  });
});
