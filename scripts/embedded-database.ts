import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "./pglite-server";

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

/** PGlite with its files under `dataDir`, served to ordinary Postgres clients on a loopback port. */
export async function startEmbeddedDatabase(options: { dataDir: string; port: number }): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  let server;
  try {
    server = await servePglite(db, { port: options.port });
  } catch (error) {
    await db.close();
    throw new Error(`Could not serve the embedded database on 127.0.0.1:${options.port}; is another Callbridge running?`, {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}
