import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Executor } from "../inngest-executor/src/index";
import { startProcess, waitForHttp } from "../scripts/child-processes";
import type { ExecutorLaunchOptions } from "../test-support/sync-stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `npm run executor` as a child process, as `npm run demo` runs it, so its work does not share the app's event loop. */
export async function startExecutorProcess(options: ExecutorLaunchOptions): Promise<Executor> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = startProcess("executor", process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "inngest-executor/src/main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      INNGEST_EXECUTOR_PORT: String(options.port),
      INNGEST_EXECUTOR_APP_URL: options.appUrls.join(","),
      INNGEST_SIGNING_KEY: options.signingKey,
      INNGEST_EVENT_KEY: options.eventKey,
      INNGEST_EXECUTOR_BACKOFF_SCALE: String(options.backoffScale),
      INNGEST_EXECUTOR_POLL_MS: String(options.pollMs),
    },
    quiet: true,
  });
  await waitForHttp(`${url}/health`);
  return {
    url,
    port: options.port,
    // A PUT to the app's serve() makes the SDK register its functions with the executor, as a deploy would.
    syncApps: async () => {
      for (const appUrl of options.appUrls) await fetch(appUrl, { method: "PUT" });
    },
    stop: () => child.stop(),
  };
}
