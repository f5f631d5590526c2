import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";

/** Whether a TCP connection to host:port opens within a second. */
function opens(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

// Every address of this machine but 127.0.0.1: its network interfaces, and 127.0.0.2, which Linux routes to
// loopback too, so a server on every interface answers there even on a machine without a network.
const otherAddresses = [
  "127.0.0.2",
  ...Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal)
    .map((address) => address!.address),
];

test("the app and the worker the launcher starts listen on loopback only (they print a published demo password)", async () => {
  const appPort = Number(process.env.E2E_PORT);
  for (const port of [appPort, appPort + 3]) {
    expect(await opens("127.0.0.1", port), `127.0.0.1:${port}`).toBe(true);
    for (const address of otherAddresses) expect(await opens(address, port), `${address}:${port}`).toBe(false);
  }
});
