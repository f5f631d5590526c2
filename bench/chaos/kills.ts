import type { Random } from "../../gong-simulator/src/data/prng";
import { descendantsOf } from "../../scripts/process-table";
import type { DatabaseServer } from "../../test-support/database-server";
import type { BenchStack } from "../webhook-stack";

export type KillTarget = "executor" | "worker" | "app" | "database";
export type KillRecord = { target: KillTarget; atMs: number; downMs: number };

/**
 * The kills of a run in a seeded order: the executor and the worker `perKind` times each, the app server
 * `appKills` times, and the embedded database once when there is one to restart (never DATABASE_URL's server).
 */
export function planKills(random: Random, options: { perKind: number; appKills: number; database: boolean }): KillTarget[] {
  const targets: KillTarget[] = [];
  for (let index = 0; index < options.perKind; index++) targets.push("executor", "worker");
  for (let index = 0; index < options.appKills; index++) targets.push("app");
  if (options.database) targets.push("database");
  // Fisher–Yates with the run's seed: the same seed kills in the same order.
  for (let index = targets.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [targets[index], targets[other]] = [targets[other]!, targets[index]!];
  }
  return targets;
}

/**
 * SIGKILLs one process of the stack and starts it again as the launcher does (same command, same environment,
 * ready when it answers as at start-up); the database is stopped and started again on its files.
 */
export async function killAndRestart(bench: BenchStack, database: DatabaseServer, target: KillTarget, startedAt: number): Promise<KillRecord> {
  const atMs = Math.round(performance.now() - startedAt);
  const began = performance.now();
  if (target === "database") {
    if (!database.restart) throw new Error("the database is DATABASE_URL's server; it is not restarted");
    await database.restart();
  } else {
    const { child } = bench.stack.process(target);
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // `npm run executor` and the app server run under tsx, whose real process is a child of the one started:
    // the whole tree dies at once, as when the machine's OOM killer or a crash takes the service down.
    for (const pid of child.pid ? descendantsOf(child.pid) : []) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    child.kill("SIGKILL");
    await exited;
    await bench.stack.respawn(target);
  }
  return { target, atMs, downMs: Math.round(performance.now() - began) };
}
