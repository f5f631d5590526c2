import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { commandOf } from "../process-table";

/** Lock files this process holds, so that a second start in the same process is refused as one in another. */
const held = new Set<string>();

/**
 * Takes the lock of an embedded database's folder for this process, for as long as its server runs; returns the
 * release. A lock whose holder is gone (a killed run) is taken over; a live holder's is refused in one line.
 */
export function lockDataDir(file: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new Error(`Cannot write to ${path.dirname(file)} (${code}): set CALLBRIDGE_DATA_DIR to a folder you can write.`);
    }
    const holder = lockHolder(file);
    if (holder !== null) {
      throw new Error(
        `Another Callbridge (PID ${holder}) is using the embedded database in ${path.dirname(file)}: stop it first, or give this one its own CALLBRIDGE_DATA_DIR and EMBEDDED_DATABASE_PORT.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}; try again.`);
}

/** The PID of the live process holding the lock, or null when there is none (no lock, or its holder died). */
export function lockHolder(file: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(file, "utf8").trim());
  } catch {
    return null;
  }
  if (pid === process.pid) return held.has(file) ? pid : null;
  // A PID reused by something that is not Node after a reboot is not a holder.
  const command = commandOf(pid);
  return command !== null && /node|tsx/.test(command) ? pid : null;
}
