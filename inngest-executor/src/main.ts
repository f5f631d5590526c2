import { parseConfig, startExecutor } from "./index.js";

// `npm run executor`: configuration comes from the environment (see README.md).
const executor = await startExecutor(parseConfig()).catch((error: unknown) => {
  console.error(`[inngest-executor] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`[inngest-executor] listening on ${executor.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`[inngest-executor] ${signal}: finishing in-flight requests`);
    executor.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[inngest-executor] stop failed:", error);
        process.exit(1);
      },
    );
  });
}
