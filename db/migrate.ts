import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { migrations } from "./migrations";

/** Brings the database at `databaseUrl` to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(databaseUrl: string): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against an untyped schema
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error, results = [] } = await migrator.migrateToLatest();
    const failed = results.find((result) => result.status === "Error");
    if (error) {
      throw new Error(`migration ${failed?.migrationName ?? "(unknown)"} failed`, { cause: error });
    }
    return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
  } finally {
    await db.destroy();
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. Start the embedded database with `npm run demo`, or set it.");
    process.exit(1);
  }
  const applied = await migrateToLatest(databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
