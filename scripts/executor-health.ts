import { z } from "zod";
import { hashSigningKey } from "../inngest-executor/src/common/signing";

const healthSchema = z.object({
  status: z.string(),
  rejectedFunctions: z.array(z.string()),
  syncErrors: z.array(z.object({ functionId: z.string(), field: z.string(), message: z.string() })),
});

/**
 * Throws, naming each function and field, when the executor rejected functions at sync. The executor itself
 * still answers 200 "degraded" (inngest-executor/src/http/status.ts), but a demo silently missing workflows is
 * worse than one that does not start.
 */
export async function requireAllFunctionsSynced(executorUrl: string, signingKey: string): Promise<void> {
  // Which functions were rejected, and why, is for the signing key's holders (inngest-executor/README.md).
  const headers = { authorization: `Bearer ${hashSigningKey(signingKey)}` };
  const response = await fetch(`${executorUrl}/health`, { headers, signal: AbortSignal.timeout(10_000) });
  const health = healthSchema.parse(await response.json());
  if (health.rejectedFunctions.length === 0) return;
  const reasons = health.rejectedFunctions.map((functionId) => {
    const errors = health.syncErrors.filter((error) => error.functionId === functionId);
    return `${functionId} (${errors.map((error) => `${error.field}: ${error.message}`).join("; ")})`;
  });
  throw new Error(
    `The Inngest executor rejected ${reasons.length} function(s) at sync, so their workflows would never run: ${reasons.join(", ")}. ` +
      "Fix their configuration in inngest/functions/, or point INNGEST_* at an Inngest that supports it.",
  );
}
