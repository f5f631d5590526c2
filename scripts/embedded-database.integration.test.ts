import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/db/migrate";
import { listAllTableRows } from "@/test-support/table-rows";
import { type EmbeddedDatabase, embeddedDatabaseFiles, startEmbeddedDatabase } from "./embedded-database";
import { serverUser } from "./postgres/system-user";
import { commandOf } from "./process-table";
import { createScriptDb } from "./script-db";
import { DEMO_USERS, seedDemo } from "./seed-demo";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const folders: string[] = [];

/** A data folder as `npm run demo` gets one (the user postgres must be able to enter it when we are root). */
function newDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "callbridge-embedded-"));
  chmodSync(dir, 0o755);
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) {
    chmodSync(dir, 0o755);
    // Retried: a killed run's initdb may still be writing in its folder.
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  }
});

/** `test-support/embedded-database-process.ts` on `dataDir`: a process holding the database as the demo does. */
function startHolder(dataDir: string, port = 0) {
  const child = spawn(process.execPath, ["--import", "tsx", "test-support/embedded-database-process.ts", dataDir, String(port)], { cwd: ROOT });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = async () => {
    while (!/^ready (\S+)$/m.test(stdout)) {
      if (child.exitCode !== null) throw new Error(`the holder exited with ${child.exitCode}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return /^ready (\S+)$/m.exec(stdout)![1]!;
  };
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function readAllRows(databaseUrl: string) {
  const db = createScriptDb(databaseUrl);
  try {
    return await listAllTableRows(db);
  } finally {
    await db.destroy();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(embeddedDatabaseFiles(dataDir).pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
}

function kill(child: ChildProcess) {
  child.kill("SIGKILL");
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));
}

describe("the embedded PostgreSQL of a data folder", () => {
  const dataDir = newDataDir();
  let running: EmbeddedDatabase | undefined;
  afterAll(async () => {
    await running?.stop();
  });

  it("keeps migrated, seeded data across a stop and a start; the launcher's migrate and seed then change nothing", async () => {
    const first = await startEmbeddedDatabase({ dataDir, port: 0, log: () => undefined });
    let beforeRestart: Record<string, unknown[]>;
    try {
      await migrateToLatest(first.url);
      await seedDemo(first.url);
      beforeRestart = await readAllRows(first.url);
    } finally {
      await first.stop();
    }
    expect((beforeRestart.users as Array<{ email: string }>).map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort());

    const second = await startEmbeddedDatabase({ dataDir, port: 0, log: () => undefined });
    try {
      expect(await readAllRows(second.url)).toEqual(beforeRestart);
      // What every `npm run demo` does at start-up.
      expect(await migrateToLatest(second.url)).toEqual([]);
      await seedDemo(second.url);
      expect(await readAllRows(second.url)).toEqual(beforeRestart);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it("after a run killed while its server ran, stops that server and serves everything it had committed", async () => {
    const holder = startHolder(dataDir);
    const url = await holder.ready();
    await query(url, "CREATE TABLE written_before_the_kill AS SELECT 42 AS answer");
    await kill(holder.child);
    const leftover = postmasterPid(dataDir);
    expect(commandOf(leftover)).toContain(embeddedDatabaseFiles(dataDir).pgdata);

    const lines: string[] = [];
    running = await startEmbeddedDatabase({ dataDir, port: 0, log: (line) => lines.push(line) });
    expect(lines).toEqual([expect.stringContaining(`Stopping the embedded PostgreSQL (PID ${leftover})`)]);
    expect(commandOf(leftover)).toBeNull();
    expect(await query(running.url, "SELECT answer FROM written_before_the_kill")).toEqual([{ answer: 42 }]);
  }, 120_000);

  it("refuses a second start on the folder in one line, exits non-zero and leaves the first serving", async () => {
    const second = startHolder(dataDir);
    expect(await second.exited).toBe(1);
    const { stderr } = second.output();
    expect(stderr.trim().split("\n")).toEqual([
      `Callbridge could not start: Another Callbridge (PID ${process.pid}) is using the embedded database in ${embeddedDatabaseFiles(dataDir).dir}: stop it first, or give this one its own CALLBRIDGE_DATA_DIR and EMBEDDED_DATABASE_PORT.`,
    ]);
    expect(await query(running!.url, "SELECT 1 AS up")).toEqual([{ up: 1 }]);
    await running!.stop();
    running = undefined;
  }, 60_000);

  it("says in one line that a port is taken, and leaves nothing that stops the next start", async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      await expect(startEmbeddedDatabase({ dataDir, port, log: () => undefined })).rejects.toThrow(
        new Error(`Port ${port} on 127.0.0.1 is taken by another program, so the embedded PostgreSQL cannot listen there: stop it, or set EMBEDDED_DATABASE_PORT to a free port.`),
      );
    } finally {
      squatter.close();
    }
    running = await startEmbeddedDatabase({ dataDir, port, log: () => undefined });
    await running.stop();
    running = undefined;
  }, 60_000);

  it("starts over a postmaster.pid whose PID now belongs to another program", async () => {
    // A reboot or a container restart reuses PIDs. PostgreSQL refuses to start while the PID in the file is alive
    // and its user's (another user's process, or its parent, it takes for stale), so the PID is a sleep of its user.
    const pgdata = embeddedDatabaseFiles(dataDir).pgdata;
    const sleeper = spawn("sleep", ["60"], { ...(serverUser(() => undefined) ?? {}), stdio: "ignore" });
    try {
      writeFileSync(path.join(pgdata, "postmaster.pid"), `${sleeper.pid}\n${pgdata}\n0\n5432\n\n\n`);
      running = await startEmbeddedDatabase({ dataDir, port: 0, log: () => undefined });
      expect(postmasterPid(dataDir)).toBe(running.pid);
      await running.stop();
      running = undefined;
    } finally {
      sleeper.kill();
    }
  }, 60_000);

  it("says in one line why a server did not start, and where its log is", async () => {
    const { pgdata, dir, log } = embeddedDatabaseFiles(dataDir);
    const autoConf = path.join(pgdata, "postgresql.auto.conf");
    const settings = readFileSync(autoConf, "utf8");
    writeFileSync(autoConf, `${settings}max_connections = 'plenty'\n`);
    try {
      await expect(startEmbeddedDatabase({ dataDir, port: 0, log: () => undefined })).rejects.toThrow(
        new Error(`The embedded PostgreSQL did not start: configuration file "${autoConf}" contains errors (its log: ${log}; to start afresh, delete ${dir}).`),
      );
    } finally {
      writeFileSync(autoConf, settings);
    }
  }, 60_000);

  it("says in one line that the folder holds PGlite-era data, and starts", async () => {
    mkdirSync(path.join(dataDir, "pglite"));
    const lines: string[] = [];
    running = await startEmbeddedDatabase({ dataDir, port: 0, log: (line) => lines.push(line) });
    expect(lines).toEqual([
      `${path.join(dataDir, "pglite")} holds demo data from the PGlite era, which PostgreSQL cannot read: the demo starts afresh in ${embeddedDatabaseFiles(dataDir).dir} (delete ${path.join(dataDir, "pglite")} to free its space).`,
    ]);
    await running.stop();
    running = undefined;
  }, 60_000);
});

describe("a start that cannot complete", () => {
  it("after a run killed while it made the cluster, makes it afresh", async () => {
    const dataDir = newDataDir();
    const holder = startHolder(dataDir);
    const { dir } = embeddedDatabaseFiles(dataDir);
    // Killed once initdb has begun to write, which goes on writing after us (it is not stopped with the run).
    const making = () => (existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith("data")) : []);
    while (!making().some((folder) => readdirSync(path.join(dir, folder)).length > 0)) {
      if (holder.child.exitCode !== null) throw new Error(`the holder exited: ${holder.output().stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await kill(holder.child);

    const database = await startEmbeddedDatabase({ dataDir, port: 0, log: () => undefined });
    try {
      expect(await query(database.url, "SELECT current_setting('server_version_num')::int >= 180000 AS current")).toEqual([{ current: true }]);
    } finally {
      await database.stop();
    }
  }, 120_000);

  it("names, in one line, a data folder the server can neither write nor enter", async () => {
    const dataDir = newDataDir();
    chmodSync(dataDir, 0o500);
    // As root the server's user postgres cannot enter it; as anyone else we cannot create its subfolder.
    const failure = startEmbeddedDatabase({ dataDir, port: 0, log: () => undefined });
    await expect(failure).rejects.toThrow(new RegExp(`^[^\\n]*${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\n]*$`));
    await expect(failure).rejects.toThrow(process.getuid?.() === 0 ? /cannot enter .* \(mode 500\)/ : /^Cannot create .* \(EACCES\)/);
  });
});
