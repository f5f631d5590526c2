import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { commandOf } from "../process-table";

/**
 * Makes way for a start on `pgdata` by someone holding its folder's lock: a server a killed run left serving it is
 * stopped; a postmaster.pid whose server is gone (its PID now free, or another program's) is removed, which
 * PostgreSQL itself would refuse to do when that PID is alive.
 */
export async function clearLeftoverServer(pgdata: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  let lines: string[];
  try {
    lines = readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return;
  }
  const pid = Number(lines[0]);
  const command = commandOf(pid);
  if (command?.includes("postgres") && lines[1] && command.includes(lines[1])) {
    log(`Stopping the embedded PostgreSQL (PID ${pid}) that a killed run left running on ${pgdata}…`);
    await stopServerProcess(pid);
  }
  rmSync(pidFile, { force: true });
}

/**
 * Stops a postmaster: a smart shutdown (SIGTERM: no new sessions; it ends when the last client has gone, so a
 * client still closing is not cut off into an error), after 5 s a fast one (SIGINT: sessions are ended), after
 * 30 s more an immediate one (SIGQUIT, recovered from the WAL at the next start). Everything committed is kept.
 * Resolves once it is gone.
 */
export async function stopServerProcess(pid: number, exited: () => boolean = () => !isAlive(pid)): Promise<void> {
  const steps = [["SIGTERM", 5_000], ["SIGINT", 30_000], ["SIGQUIT", 10_000], ["SIGKILL", 5_000]] as const;
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return; // already gone
      throw new Error(`Cannot stop the embedded PostgreSQL (PID ${pid}) that another user started; stop it as that user, or run as them.`);
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; await sleep(50)) if (exited()) return;
  }
  throw new Error(`The embedded PostgreSQL (PID ${pid}) did not stop; stop it yourself (kill ${pid}) and start again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
