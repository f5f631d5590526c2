import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export type ChildExecutor = { url: string; process: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** `npm run executor` as a separate OS process (node + tsx), so a test can SIGKILL it mid-run. */
export async function spawnExecutor(env: Record<string, string>): Promise<ChildExecutor> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { ...process.env, INNGEST_EXECUTOR_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A SIGKILLed child can reset its stdio pipes; that is expected here, not an error of the test.
  child.stdout?.on("error", () => undefined);
  child.stderr?.on("error", () => undefined);
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[child ${child.pid}] ${chunk}`));
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`executor child did not start: ${output}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`executor child exited with ${code}: ${output}`)));
  });
  return {
    url,
    process: child,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
