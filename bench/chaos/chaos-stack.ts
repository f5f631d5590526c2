import { issueApiKey } from "../../lib/api/issue-api-key";
import { createScriptDb } from "../../scripts/script-db";
import type { BenchStack } from "../webhook-stack";

export type ChaosOrganization = { name: string; connectionId: string; organizationId: string; apiKey: string };

const DAY_MS = 86_400_000;

/**
 * The simulator reset to `calls` seeded calls ending two days ago (every transcript of the backfill already made),
 * webhook retries spread over half a minute as Gong spreads them, and `count` organizations connected to it, each
 * with a "new call" rule pointing at the app and an organization API key.
 */
export async function prepareOrganizations(bench: BenchStack, options: { seed: number; calls: number; count: number }): Promise<ChaosOrganization[]> {
  const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS);
  await bench.control("reset", { seed: options.seed, calls: options.calls, from: new Date(to.getTime() - 30 * DAY_MS).toISOString(), to: to.toISOString() });
  // A delivery that meets a restarting app server is tried again for ~40 s, as Gong keeps retrying failed ones.
  await bench.control("config", { webhookRetryDelaysMs: [500, 2_000, 5_000, 10_000, 20_000] });
  const db = createScriptDb(bench.stack.databaseUrl);
  const organizations: ChaosOrganization[] = [];
  try {
    for (let index = 0; index < options.count; index++) {
      const name = `Chaos ${index + 1}`;
      const connectionId = await bench.connectOrganization(name, null);
      const rule = await bench.control("rules", { url: `${bench.stack.appUrl}/api/webhooks/gong/${connectionId}`, auth: "jwt" });
      await bench.pool.query("update gong_connections set webhook_public_key = $1 where id = $2", [String(rule.publicKey), connectionId]);
      const { rows } = await bench.pool.query<{ organization_id: string }>("select organization_id from gong_connections where id = $1", [connectionId]);
      const organizationId = rows[0]!.organization_id;
      const { key } = await issueApiKey(db, { kind: "organization", organizationId, name: "chaos", createdByUserId: null });
      organizations.push({ name, connectionId, organizationId, apiKey: key });
    }
  } finally {
    await db.destroy();
  }
  return organizations;
}

