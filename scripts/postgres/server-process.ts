import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import type { ServerUser } from "./system-user";
import { stopServerProcess } from "./leftover-server";

export type ServerProcess = { pid: number; stop(): Promise<void> };

/** How long a server may take to accept connections (crash recovery of a large WAL included). */
const START_TIMEOUT_MS = 120_000;

const spawnOptions = (user: ServerUser) => ({
  ...(user ?? {}),
  env: { ...process.env, LC_ALL: "C" }, // English messages: the ready line below is matched in English
});

/** The last line PostgreSQL or initdb gave as a reason (FATAL, PANIC, ERROR, …), without its prefix. */
export function reasonIn(output: string[]): string | undefined {
  const lines = output.join("").split("\n").map((line) => line.trim()).filter(Boolean);
  const reason = lines.findLast((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line)) ?? lines.at(-1);
  return reason?.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, "").replace(/^initdb:\s*/, "");
}

/** Runs a PostgreSQL program (initdb) to its end; rejects with its reason when it fails. */
export function runProgram(program: string, args: string[], user: ServerUser): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn(program, args, { ...spawnOptions(user), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => (code === 0 ? resolve() : reject(new Error(reasonIn(output) ?? `exit ${code ?? signal}`))));
  });
}

/**
 * Starts `postgres` and resolves once it accepts connections. It runs in a process group of its own, so a Ctrl-C
 * in the terminal reaches only us and the server is stopped last, after what uses it; if this process exits
 * without stopping it, it is sent a fast shutdown on the way out. Its output is appended to `logFile`.
 */
export async function startServerProcess(options: {
  postgres: string;
  args: string[];
  user: ServerUser;
  logFile: string;
  signal?: AbortSignal;
}): Promise<ServerProcess> {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(options.postgres, options.args, { ...spawnOptions(options.user), detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const output: string[] = [];
  let exited = false;
  // A process that never started (a spawn error) has no exit to wait for.
  const exit = new Promise<void>((resolve) => {
    child.on("exit", () => resolve());
    child.on("error", () => child.pid === undefined && resolve());
  });
  void exit.then(() => (exited = true));
  const stopOnExit = () => child.kill("SIGINT");
  process.on("exit", stopOnExit);

  const stop = async () => {
    process.off("exit", stopOnExit);
    if (child.pid !== undefined && !exited) await stopServerProcess(child.pid, () => exited);
    await exit;
    await new Promise((resolve) => log.end(resolve));
  };

  try {
    await untilReady(child, output, log, options.signal);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, stop };
}

function untilReady(child: ChildProcess, output: string[], log: NodeJS.WritableStream, signal?: AbortSignal): Promise<void> {
  let onAbort: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let tail = "";
  return new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not accept connections within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    onAbort = () => reject(new Error("Stopped while starting."));
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
    child.stderr!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      const text = chunk.toString();
      if (output.push(text) > 50) output.shift();
      tail = (tail + text).slice(-200);
      if (tail.includes("database system is ready to accept connections")) resolve();
    });
    child.on("error", reject);
    // "close", not "exit": its last words (the reason) may still be in the pipe when it exits.
    child.on("close", (code, exitSignal) => reject(new Error(reasonIn(output) ?? `it exited (${code ?? exitSignal})`)));
  }).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  });
}
