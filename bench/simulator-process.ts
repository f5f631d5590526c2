import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startProcess, waitForHttp } from "../scripts/child-processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");


/** `npm run simulator` as a child process with the given company size, limits and drift; resolves once it answers. */
export async function startSimulatorProcess(options: { calls: number; rateLimit: number; dailyLimit: number; driftRate?: number }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startProcess("gong-sim", process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "gong-simulator/src/main.ts")], {
    env: {
      ...process.env,
      GONG_SIMULATOR_PORT: String(port),
      GONG_SIMULATOR_PUBLIC_URL: url,
      GONG_SIMULATOR_CALLS: String(options.calls),
      GONG_SIMULATOR_RATE_LIMIT: String(options.rateLimit),
      GONG_SIMULATOR_DAILY_LIMIT: String(options.dailyLimit),
      GONG_SIMULATOR_DRIFT_RATE: String(options.driftRate ?? 0),
      GONG_SIMULATOR_LOG: "none",
    },
    quiet: true,
  });
  await waitForHttp(`${url}/__sim/stats`);
  return { url, close: () => child.stop() };
}
