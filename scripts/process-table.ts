import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/** What the scripts need to know of a running process: its parent and its resident memory (shared memory apart, where known). */
export type ProcessEntry = { pid: number; ppid: number; rssKb: number; sharedKb: number };

const onLinux = process.platform === "linux";

/** The command line of a running process, or null when there is none with that PID (or it cannot be read). */
export function commandOf(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    if (onLinux) return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim() || null;
    return execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    return null;
  }
}

/** Every process: read from /proc on Linux, from `ps` elsewhere. */
export function listProcesses(): ProcessEntry[] {
  if (!onLinux) {
    const table = execFileSync("ps", ["-A", "-o", "pid=,ppid=,rss="], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return table
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number))
      .map(([pid = 0, ppid = 0, rssKb = 0]) => ({ pid, ppid, rssKb, sharedKb: 0 }));
  }
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const field = (label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
      entries.push({ pid: Number(name), ppid: field("PPid"), rssKb: field("VmRSS"), sharedKb: field("RssShmem") });
    } catch {
      // The process ended while the table was read.
    }
  }
  return entries;
}

/**
 * Resident memory of a process and all its descendants, in MB: the sum of their RSS, with the shared memory they
 * all map (PostgreSQL's shared buffers) counted once where the system says how much it is (Linux), else in each.
 */
export function treeRssMb(rootPid: number): number {
  const processes = listProcesses();
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of processes) {
      if (!tree.has(entry.pid) && tree.has(entry.ppid)) {
        tree.add(entry.pid);
        grew = true;
      }
    }
  }
  const members = processes.filter((entry) => tree.has(entry.pid));
  const ownKb = members.reduce((sum, entry) => sum + entry.rssKb - entry.sharedKb, 0);
  return (ownKb + Math.max(0, ...members.map((entry) => entry.sharedKb))) / 1024;
}

/** The PIDs of a process's descendants (children first found, then theirs), not the process itself. */
export function descendantsOf(rootPid: number): number[] {
  const processes = listProcesses();
  const found: number[] = [];
  for (let frontier = [rootPid]; frontier.length > 0; ) {
    const children = processes.filter((entry) => frontier.includes(entry.ppid)).map((entry) => entry.pid);
    found.push(...children);
    frontier = children;
  }
  return found;
}
