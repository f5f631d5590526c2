import { setPriority } from "node:os";
import path from "node:path";
import { migrateToLatest } from "../db/migrate";
import { type ManagedProcess, startProcess, waitForHttp } from "./child-processes";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded-database";
import { requireAllFunctionsSynced } from "./executor-health";
import { LOOPBACK, toLocalUrlHost } from "./listen-host";
import type { LocalSecrets } from "./local-secrets";
import { seedDemo } from "./seed-demo";

/** How much lower the worker's CPU priority is than the web app's (nice(1): 0 is normal, 19 the lowest). */
const WORKER_NICENESS = 10;

export type StackOptions = {
  root: string;
  appPort: number;
  /** The app's APP_URL (OAuth redirects, webhook URLs); `http://localhost:<appPort>` when absent. */
  publicUrl?: string;
  /** A PostgreSQL server; when absent, the embedded PostgreSQL is started with its files under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  embeddedDatabasePort: number;
  secrets: LocalSecrets;
  /** Port of the Gong simulator, or null when real Gong is configured through GONG_* variables. */
  simulatorPort: number | null;
  /** Port of the embedded Inngest executor, or null when Inngest is configured through INNGEST_* variables. */
  executorPort: number | null;
  /**
   * Port of a second `next start` of the same build that serves only the executor's step requests, so long sync
   * steps never hold up a page or a webhook; null runs them in the app process.
   */
  workerPort?: number | null;
  /** The address the app and the worker listen on; loopback (127.0.0.1) when absent. */
  listenHost?: string;
  extraEnv?: Record<string, string>;
  quiet?: boolean;
  /** A child that exits after start-up; one that exits during start-up makes `startStack` reject instead. */
  onUnexpectedExit?: (name: string, code: number | null) => void;
  /** Aborting (Ctrl-C) during start-up stops what was started and rejects. */
  signal?: AbortSignal;
};

export type Stack = {
  appUrl: string;
  databaseUrl: string;
  simulatorUrl: string | null;
  executorUrl: string | null;
  /** The app process serving the executor's steps, when there is one. */
  workerUrl: string | null;
  /** The running child of that name ("gong-sim", "app", "worker", "executor"), e.g. to kill it. */
  process(name: string): ManagedProcess;
  /** Starts a child that exited again, as it was started, and resolves once it answers as it did at start-up. */
  respawn(name: string): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Database (embedded unless given), migrations and demo seed, then the Gong simulator, the app and the
 * Inngest executor as child processes; `stop()` undoes it in reverse.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const embedded: EmbeddedDatabase | undefined = options.databaseUrl
    ? undefined
    : await startEmbeddedDatabase({ dataDir: options.dataDir, port: options.embeddedDatabasePort, signal: options.signal });
  const databaseUrl = options.databaseUrl ?? embedded!.url;
  const processes: ManagedProcess[] = [];
  let stopping = false;
  let started = false;
  const stop = async () => {
    stopping = true;
    for (const managed of processes.reverse()) await managed.stop();
    await embedded?.stop();
  };
  // Rejects when a child dies or the caller aborts before everything is up; every wait below races it.
  let abortStartup: (error: Error) => void = () => undefined;
  const startupAborted = new Promise<never>((_, reject) => (abortStartup = reject));
  startupAborted.catch(() => undefined);
  const untilReady = (url: string) => Promise.race([waitForHttp(url), startupAborted]);
  const onAbort = () => abortStartup(new Error("Stopped while starting."));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  // How each child was started and how to tell it is ready, so `respawn` starts it again the same way.
  const launches = new Map<string, { args: string[]; env: Record<string, string | undefined>; ready: () => Promise<void> }>();
  const start = (name: string, args: string[], env: Record<string, string | undefined>, ready: () => Promise<void> = async () => undefined) => {
    launches.set(name, { args, env, ready });
    const managed = startProcess(name, process.execPath, args, {
      env: { ...process.env, ...env },
      quiet: options.quiet,
      onExit: (code) => {
        if (stopping) return;
        if (started) options.onUnexpectedExit?.(name, code);
        else abortStartup(new Error(exitedWhileStarting(managed, code, options.quiet)));
      },
    });
    const previous = processes.findIndex((entry) => entry.name === name);
    if (previous === -1) processes.push(managed);
    else processes[previous] = managed;
    if (name === "worker") lowerPriority(managed);
    return managed;
  };
  const respawn = async (name: string) => {
    const launch = launches.get(name);
    if (!launch) throw new Error(`no child named ${name} was started`);
    start(name, launch.args, launch.env, launch.ready);
    await launch.ready();
  };
  const findProcess = (name: string) => {
    const managed = processes.find((entry) => entry.name === name);
    if (!managed) throw new Error(`no child named ${name} was started`);
    return managed;
  };
  const tsx = path.join(options.root, "node_modules", "tsx", "dist", "cli.mjs");

  try {
    await migrateToLatest(databaseUrl);
    await seedDemo(databaseUrl);
    const appUrl = `http://localhost:${options.appPort}`;
    const listenHost = options.listenHost ?? LOOPBACK;
    const localHost = toLocalUrlHost(listenHost);
    const simulatorUrl = options.simulatorPort === null ? null : `http://localhost:${options.simulatorPort}`;
    const executorUrl = options.executorPort === null ? null : `http://127.0.0.1:${options.executorPort}`;

    if (simulatorUrl) {
      start("gong-sim", [tsx, path.join(options.root, "gong-simulator/src/main.ts")], {
        GONG_SIMULATOR_PORT: String(options.simulatorPort),
        GONG_SIMULATOR_PUBLIC_URL: simulatorUrl,
      }, () => waitForHttp(`${simulatorUrl}/__sim/stats`));
      await untilReady(`${simulatorUrl}/__sim/stats`);
    }
    const inngestEnv = executorUrl
      ? { INNGEST_BASE_URL: executorUrl, INNGEST_SIGNING_KEY: options.secrets.INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY: options.secrets.INNGEST_EVENT_KEY }
      : {};
    const gongEnv = simulatorUrl
      ? { GONG_CLIENT_ID: "callbridge-demo", GONG_CLIENT_SECRET: "callbridge-demo-secret", GONG_OAUTH_BASE_URL: simulatorUrl, GONG_ALLOWED_API_BASE_URLS: simulatorUrl }
      : {};
    const appEnv = {
      AUTH_SECRET: options.secrets.AUTH_SECRET,
      TOKEN_ENCRYPTION_KEY: options.secrets.TOKEN_ENCRYPTION_KEY,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      APP_URL: options.publicUrl ?? appUrl,
      DEMO_MODE: "1",
      // Coloured log lines for a person at a terminal; JSON lines when piped to a file or a collector.
      LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json"),
      ...gongEnv,
      ...inngestEnv,
      ...options.extraEnv,
    };
    const next = path.join(options.root, "node_modules/next/dist/bin/next");
    start("app", [tsx, path.join(options.root, "scripts/app-server.ts"), "--hostname", listenHost], { ...appEnv, PORT: String(options.appPort) }, () =>
      waitForHttp(`http://${localHost}:${options.appPort}/api/health`),
    );
    const workerPort = executorUrl ? (options.workerPort ?? null) : null;
    if (workerPort !== null) {
      start("worker", [next, "start", "-p", String(workerPort), "-H", listenHost], appEnv, () => waitForHttp(`http://${localHost}:${workerPort}/api/health`));
    }
    await untilReady(`http://${localHost}:${options.appPort}/api/health`);
    if (workerPort !== null) await untilReady(`http://${localHost}:${workerPort}/api/health`);
    if (executorUrl) {
      start("executor", [tsx, path.join(options.root, "inngest-executor/src/main.ts")], {
        ...inngestEnv,
        DATABASE_URL: databaseUrl,
        INNGEST_EXECUTOR_PORT: String(options.executorPort),
        INNGEST_EXECUTOR_APP_URL: `http://${localHost}:${workerPort ?? options.appPort}/api/inngest`,
        // A local dev server: its runs page (at /) opens in a browser on this machine without the signing key.
        INNGEST_EXECUTOR_DEV: "1",
        ...options.extraEnv,
      }, async () => {
        await waitForHttp(`${executorUrl}/health`);
        await requireAllFunctionsSynced(executorUrl, options.secrets.INNGEST_SIGNING_KEY);
      });
      await untilReady(`${executorUrl}/health`);
      await requireAllFunctionsSynced(executorUrl, options.secrets.INNGEST_SIGNING_KEY);
    }
    started = true;
    const workerUrl = workerPort === null ? null : `http://${localHost}:${workerPort}`;
    return { appUrl, databaseUrl, simulatorUrl, executorUrl, workerUrl, process: findProcess, respawn, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** Background work yields the CPU to pages and webhooks; it catches up whenever they leave some. */
function lowerPriority(worker: ManagedProcess): void {
  try {
    if (worker.child.pid) setPriority(worker.child.pid, WORKER_NICENESS);
  } catch {
    // A sandbox that forbids it leaves the worker at normal priority, which only costs latency under load.
  }
}

/** Why start-up stopped: a quiet child's last lines are in the message, since nobody saw them. */
function exitedWhileStarting(child: ManagedProcess, code: number | null, quiet: boolean | undefined): string {
  const said = `${child.name} exited with code ${code} while starting`;
  if (!quiet) return `${said}; its output is above.`;
  const lines = child.lastOutput();
  return lines.length === 0 ? `${said} and printed nothing.` : `${said}. Its last output:\n${lines.join("\n")}`;
}
