import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { createCoreFunctions } from "./functions/core.js";
import { createCrashFunctions, createCronFunctions } from "./functions/durability.js";
import { createFailureFunctions } from "./functions/failures.js";
import { createFlowControlFunctions } from "./functions/flow-control.js";
import { createLimitFunctions } from "./functions/limits.js";
import { createResyncAfterFunctions, createResyncBeforeFunctions } from "./functions/resync.js";
import { createVisibilityFunctions } from "./functions/visibility.js";

/** Side effects seen by the test app: how often each step body ran, and per-test observations. */
export class Recorder {
  readonly counts = new Map<string, number>();
  readonly times = new Map<string, number[]>();
  readonly live = new Map<string, number>();
  readonly maxLive = new Map<string, number>();
  readonly values = new Map<string, unknown>();

  hit(key: string): number {
    const next = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, next);
    this.times.set(key, [...(this.times.get(key) ?? []), Date.now()]);
    return next;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  enter(key: string): void {
    const live = (this.live.get(key) ?? 0) + 1;
    this.live.set(key, live);
    this.maxLive.set(key, Math.max(this.maxLive.get(key) ?? 0, live));
  }

  leave(key: string): void {
    this.live.set(key, (this.live.get(key) ?? 1) - 1);
  }
}

export const createSigningKey = () => `signkey-test-${randomBytes(32).toString("hex")}`;

export type ContractApp = {
  url: string;
  client: Inngest;
  recorder: Recorder;
  /** Where the app's client sends events and API calls; tests point it at the executor under test. */
  target: { url: string };
  /**
   * Takes the serve() endpoint down, awaits `whileDown`, then serves `functions` on the same URL: a restart or
   * redeploy with another function set. The recorder carries over, so a test sees every step body that ran.
   */
  restart(functions: FunctionSet, whileDown?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

const FUNCTION_SETS = {
  contract: (inngest: Inngest, rec: Recorder) => Object.values(createCoreFunctions(inngest, rec)),
  cron: createCronFunctions,
  crash: createCrashFunctions,
  failures: createFailureFunctions,
  "flow-control": createFlowControlFunctions,
  limits: createLimitFunctions,
  "resync-before": createResyncBeforeFunctions,
  "resync-after": createResyncAfterFunctions,
  visibility: createVisibilityFunctions,
};

export type FunctionSet = keyof typeof FUNCTION_SETS;

type AppOptions = { signingKey: string; eventKey: string; functions: FunctionSet };

/** A small Inngest app served by the real `serve()` on a loopback port, in cloud mode with a local key. */
export async function startContractApp(options: AppOptions): Promise<ContractApp> {
  const target = { url: "http://127.0.0.1:9" };
  const recorder = new Recorder();
  const client = new Inngest({
    id: "contract-app",
    isDev: false,
    signingKey: options.signingKey,
    eventKey: options.eventKey,
    baseUrl: "http://executor.invalid/",
    // API paths are absolute, so rewriting the origin is enough to follow an executor that restarted elsewhere.
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const rewritten = new URL(url.pathname + url.search, target.url);
      return fetch(rewritten, init);
    },
  });
  const listen = async (functions: FunctionSet, port = 0) => {
    const server: Server = createServer(serve({ client, functions: FUNCTION_SETS[functions](client, recorder) }));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
    return server;
  };
  let server = await listen(options.functions);
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}/api/inngest`,
    client,
    recorder,
    target,
    async restart(functions, whileDown) {
      await close();
      await whileDown?.();
      server = await listen(functions, port);
    },
    close,
  };
}
