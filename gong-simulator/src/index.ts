import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simulatorOptionsSchema, type SimulatorOptions } from "./config";
import { createRequestListener } from "./server";
import { createState, type SimulatorState } from "./state";

export type { SimulatorOptions } from "./config";

export interface RunningSimulator {
  url: string;
  port: number;
  /** Live state, for in-process tests that need to peek; prefer the /__sim control API. */
  state: SimulatorState;
  close(): Promise<void>;
}

/** Starts a simulator in this process (port 0 = any free port); the API base URL is its origin. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const config = simulatorOptionsSchema.parse(options);
  const state = createState(config);
  const server = createServer(createRequestListener(state));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
  state.origin = config.publicUrl?.replace(/\/$/, "") ?? `http://${host}:${port}`;
  return {
    url: state.origin,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
