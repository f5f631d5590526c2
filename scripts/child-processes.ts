import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Its last lines of output (up to {@link KEPT_LINES}), kept even when quiet, to say why it stopped. */
  lastOutput(): string[];
  stop(): Promise<void>;
};

/** How many of a child's last output lines are kept for an error message. */
const KEPT_LINES = 40;

const COLORS = ["\x1b[36m", "\x1b[35m", "\x1b[33m", "\x1b[32m"];
let started = 0;

/**
 * Starts a child whose output is prefixed with its name (or kept back when quiet); `stop()` sends SIGTERM, then
 * SIGKILL after 5 s.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; quiet?: boolean; onExit?: (code: number | null) => void },
): ManagedProcess {
  const color = COLORS[started++ % COLORS.length] ?? "";
  const prefix = `${color}${name.padEnd(9)}\x1b[0m│ `;
  const child = spawn(command, args, { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const kept: string[] = [];
  const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      kept.push(line);
      if (kept.length > KEPT_LINES) kept.shift();
      if (!options.quiet) stream.write(`${prefix}${line}\n`);
    }
  };
  child.stdout?.on("data", forward(process.stdout));
  child.stderr?.on("data", forward(process.stderr));
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.on("exit", (code) => {
      exited = true;
      options.onExit?.(code);
      resolve();
    });
  });
  return {
    name,
    child,
    lastOutput: () => [...kept],
    stop: async () => {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 2xx, or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms`, { cause: lastError });
}

/**
 * The first of `count` consecutive ports nobody listens on right now, for a stack whose ports are fixed before it
 * starts. They lie below 32768, where Linux and macOS take no ports for outgoing connections, so none is taken by a
 * connection between this check and the listen; each is checked on every address, as a listener anywhere would clash.
 */
export async function freePortBlock(count: number, attempts = 50): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const first = FIXED_PORTS_FROM + Math.floor(Math.random() * (FIXED_PORTS_BELOW - FIXED_PORTS_FROM - count));
    const ports = Array.from({ length: count }, (_, index) => first + index);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return first;
  }
  throw new Error(`no ${count} consecutive free ports between ${FIXED_PORTS_FROM} and ${FIXED_PORTS_BELOW}`);
}

const FIXED_PORTS_FROM = 20_000;
const FIXED_PORTS_BELOW = 32_768;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no free loopback port");
  return address.port;
}
