import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/** What the scripts need to know of a running process: its parent and its resident memory. */
export type ProcessEntry = { pid: number; ppid: number; rssKb: number };

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
      .map(([pid = 0, ppid = 0, rssKb = 0]) => ({ pid, ppid, rssKb }));
  }
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      entries.push({ pid: Number(name), ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0), rssKb: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) });
    } catch {
      // The process ended while the table was read.
    }
  }
  return entries;
}

/** Resident memory of a process and all its descendants, in MB (shared pages count once per process). */
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
  const kb = processes.filter((entry) => tree.has(entry.pid)).reduce((sum, entry) => sum + entry.rssKb, 0);
  return kb / 1024;
}
