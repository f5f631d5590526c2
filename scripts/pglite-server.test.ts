import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgliteServer, servePglite } from "./pglite-server";

let db: PGlite;
let server: PgliteServer;
const connect = async () => {
  const client = new pg.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres" });
  client.on("error", () => undefined);
  await client.connect();
  return client;
};

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec("create table items (id int primary key, label text)");
  server = await servePglite(db, { port: 0 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe("the embedded database server", () => {
  it("keeps two busy pool connections' extended-protocol statements apart", async () => {
    const pool = new pg.Pool({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres", max: 4 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, index) => pool.query<{ n: number }>("select $1::int * 2 as n", [index])),
      );
      expect(answers.map((answer) => answer.rows[0]?.n)).toEqual(Array.from({ length: 40 }, (_, index) => index * 2));
    } finally {
      await pool.end();
    }
  });

  it("holds the backend for a client inside a transaction, so another client never sees its uncommitted rows", async () => {
    const [writer, reader] = await Promise.all([connect(), connect()]);
    try {
      await writer.query("begin");
      await writer.query("insert into items values (1, 'uncommitted')");
      const read = reader.query<{ n: string }>("select count(*) as n from items");
      await writer.query("rollback");
      expect((await read).rows[0]?.n).toBe("0");
    } finally {
      await Promise.all([writer.end(), reader.end()]);
    }
  });

  it("rolls back the open transaction of a client that vanished, and serves the next client", async () => {
    const vanishing = await connect();
    await vanishing.query("begin");
    await vanishing.query("insert into items values (2, 'never committed')");
    (vanishing as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const next = await connect();
    try {
      const { rows } = await next.query<{ n: string }>("select count(*) as n from items where id = 2");
      expect(rows[0]?.n).toBe("0");
      await next.query("insert into items values (2, 'committed')");
      expect((await next.query("select label from items where id = 2")).rows).toEqual([{ label: "committed" }]);
    } finally {
      await next.end();
    }
  });
});
