import { readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedDatabaseFiles, startEmbeddedDatabase } from "../scripts/embedded-database";
import { lockHolder } from "../scripts/postgres/data-dir-lock";
import { clearLeftoverServer } from "../scripts/postgres/leftover-server";
import { makeTemporaryDataFolder } from "../scripts/postgres/temporary-data-folder";

export type DatabaseServer = {
  /** What the run's databases are on, as the benchmarks report it. */
  database: "postgres" | "embedded-postgres";
  /** The embedded server's postmaster, or null for DATABASE_URL's server. */
  pid: number | null;
  /** Stops the embedded server and starts it again on the same files and port; null for DATABASE_URL's server. */
  restart: (() => Promise<void>) | null;
  stop(): Promise<void>;
};

const FOLDER_PREFIX = "callbridge-test-postgres-";

/**
 * The server a test run or a benchmark creates its databases on: DATABASE_URL's when it is set; otherwise an
 * embedded PostgreSQL started for this run in a temporary folder, with DATABASE_URL pointed at it (child
 * processes inherit it) until `stop()`, which also deletes the folder.
 */
export async function startDatabaseServerForRun(options: { throwaway: boolean }): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) return { database: "postgres", pid: null, restart: null, stop: async () => undefined };
  await removeLeftoverServers();
  const dataDir = makeTemporaryDataFolder(FOLDER_PREFIX);
  let server = await startEmbeddedDatabase({ dataDir, port: 0, throwaway: options.throwaway, log: () => undefined }).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  process.env.DATABASE_URL = server.url;
  const port = Number(new URL(server.url).port);
  return {
    database: "embedded-postgres",
    get pid() {
      return server.pid;
    },
    restart: async () => {
      await server.stop();
      server = await startEmbeddedDatabase({ dataDir, port, throwaway: options.throwaway, log: () => undefined });
    },
    stop: async () => {
      delete process.env.DATABASE_URL;
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The folders (and servers) of runs that were killed before they could stop theirs: a run a minute old holds its lock. */
async function removeLeftoverServers(): Promise<void> {
  for (const name of readdirSync(os.tmpdir()).filter((entry) => entry.startsWith(FOLDER_PREFIX))) {
    const dataDir = path.join(os.tmpdir(), name);
    try {
      const files = embeddedDatabaseFiles(dataDir);
      if (lockHolder(files.lock) !== null || Date.now() - statSync(dataDir).mtimeMs < 60_000) continue;
      await clearLeftoverServer(files.pgdata, () => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // Another user's folder, or one removed meanwhile: not ours to clean.
    }
  }
}
