import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

export type TestDatabase = { url: string; drop(): Promise<void> };

const serverUrl = process.env.DATABASE_URL || undefined;

/**
 * describe() for tests that need Postgres: skipped, and counted as skipped, when DATABASE_URL is unset. The
 * executor is a Postgres program and its tests bring no database of their own (see the README).
 */
export const describeWithDatabase = describe.skipIf(!serverUrl);

/** A fresh, empty, randomly named database on DATABASE_URL's server, for one test file or test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) throw new Error("the executor's database tests need DATABASE_URL (a Postgres server to create databases on)");
  const name = `ie_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(serverUrl, (client) => dropDatabase(client, name)) };
}

/**
 * A pool's end() resolves while its last connections are still closing, and FORCE would terminate those into an
 * uncaught error; so wait for them to go, and FORCE only what is left after a few seconds (a real leak).
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      const inUse = error instanceof Error && "code" in error && error.code === "55006";
      if (!inUse) throw error;
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
