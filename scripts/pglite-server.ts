import { type Server, type Socket, createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST_CODE = 80877103;
const CANCEL_REQUEST_CODE = 80877102;
const ROLLBACK_QUERY = simpleQuery("ROLLBACK");

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`);
  const message = Buffer.alloc(5 + body.length);
  message.write("Q", 0);
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return new Uint8Array(message);
}

/** Whole-session ownership of the single PGlite backend: one client at a time, kept across a transaction. */
class BackendLock {
  private owner: number | null = null;
  private waiters: (() => void)[] = [];

  async acquire(client: number): Promise<void> {
    while (this.owner !== null && this.owner !== client) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.owner = client;
  }

  release(client: number): void {
    if (this.owner !== client) return;
    this.owner = null;
    this.waiters.shift()?.();
  }
}

export type PgliteServer = { port: number; close(): Promise<void> };

/**
 * Serves one PGlite database to ordinary Postgres clients on a loopback port. PGlite is a single backend, so a
 * client's messages run as a unit up to each Sync or simple Query, and a client inside a transaction keeps the
 * backend until it commits or rolls back. (@electric-sql/pglite-socket 0.2.17 queues single messages from all
 * clients, so two busy pool connections interleave Parse/Bind/Execute: run through it, this project's suite fails
 * with "unnamed prepared statement does not exist" and 'portal "" does not exist'. Hence this server.)
 */
export async function servePglite(db: PGlite, options: { host?: string; port: number }): Promise<PgliteServer> {
  const lock = new BackendLock();
  const state = { closed: false };
  let nextClient = 1;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    // Replies are many small writes; Nagle's algorithm would hold each one back waiting for an ACK.
    socket.setNoDelay(true);
    // A client killed mid-query resets the connection; "close" then releases its hold on the backend.
    socket.on("error", () => socket.destroy());
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    handleClient(db, lock, state, nextClient++, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      state.closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function handleClient(db: PGlite, lock: BackendLock, state: { closed: boolean }, client: number, socket: Socket): void {
  let buffered = Buffer.alloc(0);
  let started = false;
  let batch: Buffer[] = [];
  let work = Promise.resolve();

  const run = (messages: Buffer[]) => {
    work = work.then(async () => {
      await lock.acquire(client);
      try {
        for (const message of messages) {
          if (state.closed) return;
          await db.runExclusive(() =>
            db.execProtocolRawStream(new Uint8Array(message), { onRawData: (data) => socket.writable && socket.write(data) }),
          );
        }
      } finally {
        if (state.closed || !db.isInTransaction()) lock.release(client);
      }
    }).catch(() => {
      socket.destroy();
    });
  };

  socket.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (!started) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (code === SSL_REQUEST_CODE) socket.write("N");
        else if (code === CANCEL_REQUEST_CODE) socket.end();
        else {
          started = true;
          run([message]);
        }
        continue;
      }
      if (buffered.length < 5) return;
      const length = 1 + buffered.readInt32BE(1);
      if (buffered.length < length) return;
      const type = String.fromCharCode(buffered[0]!);
      const message = buffered.subarray(0, length);
      buffered = buffered.subarray(length);
      if (type === "X") {
        socket.end();
        return;
      }
      batch.push(message);
      if (type === "S" || type === "Q" || type === "H") {
        run(batch);
        batch = [];
      }
    }
  });

  socket.on("close", () => {
    work = work.then(async () => {
      // A client that vanished inside a transaction must not leave the backend locked or the transaction open.
      await lock.acquire(client);
      try {
        // Sent as a wire-protocol Query like the client's own BEGIN was: db.exec() would wait for PGlite's own
        // transaction mutex, which a BEGIN over the raw protocol never took, and hang every later client.
        if (!state.closed && db.isInTransaction()) await db.runExclusive(() => db.execProtocolRawStream(ROLLBACK_QUERY, { onRawData: () => undefined }));
      } finally {
        lock.release(client);
      }
    });
  });
}
