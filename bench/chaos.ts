// npm run bench:chaos [-- --seed S --calls N --minutes M]
// The whole stack as `npm run demo` runs it (built Next app server and worker, executor, simulator, PostgreSQL),
// under load, Gong's faults and seeded SIGKILLs; the verdict compares the database with Gong's truth. Needs
// `next build`. Last line is JSON.
import "../scripts/allow-server-only";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startDatabaseServerForRun } from "../test-support/database-server";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "19" },
    calls: { type: "string", default: "5000" },
    minutes: { type: "string", default: "0" },
    // The simulator is one Gong company serving all three organizations; each would be a company of its own with
    // Gong's 3 requests/second, hence 9 in all.
    "rate-limit": { type: "string", default: "9" },
  },
});
const number = (text: string | undefined, min = 0) => z.coerce.number().int().min(min).parse(text);
const options = { seed: number(values.seed), calls: number(values.calls, 1), minutes: number(values.minutes), rateLimit: number(values["rate-limit"], 1) };

// Without DATABASE_URL, an embedded PostgreSQL set up as `npm run demo` runs it, which the run restarts once.
const databaseServer = await startDatabaseServerForRun({ throwaway: false });
const { runChaos } = await import("./chaos/run-chaos");
let result: Record<string, unknown>;
try {
  result = { ...(await runChaos({ ...options, log: (line) => console.log(line) }, databaseServer)), database: databaseServer.database };
} finally {
  await databaseServer.stop();
}
console.log(JSON.stringify(result));
process.exit(0);
