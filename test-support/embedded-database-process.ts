// A process holding an embedded database as `npm run demo` does, for tests that kill it or start a second one:
// prints "ready <url>" once it serves, stops it on SIGINT or SIGTERM, and on a failure prints the one-line
// reason as the demo does and exits 1. Usage: node --import tsx test-support/embedded-database-process.ts <dataDir> [port]
import { startEmbeddedDatabase } from "../scripts/embedded-database";

const [dataDir, port = "0"] = process.argv.slice(2);
try {
  const database = await startEmbeddedDatabase({ dataDir: dataDir!, port: Number(port) });
  console.log(`ready ${database.url}`);
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} catch (error) {
  console.error(`Callbridge could not start: ${(error as Error).message}`);
  process.exit(1);
}
