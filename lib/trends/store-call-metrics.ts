import type { Kysely } from "kysely";
import { type CallMetricsValues, replaceCallMetrics } from "@/db/queries/trends/replace-call-metrics";
import type { Database } from "@/db/schema";
import type { CallInsights } from "@/lib/insights/types";
import { readCallMetrics } from "./read-call-metrics";

/** After calls' insights are stored: their trend figures, so the weekly aggregates follow (db triggers do the sums). */
export async function storeCallMetrics(db: Kysely<Database>, stored: Map<string, CallInsights>): Promise<void> {
  const values: CallMetricsValues[] = [];
  for (const [callId, insights] of stored) {
    const metrics = readCallMetrics(insights);
    if (metrics) values.push({ callId, ...metrics });
  }
  await replaceCallMetrics(db, [...stored.keys()], values);
}
