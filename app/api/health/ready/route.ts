// GET /api/health/ready – 200 when the database answers and is migrated, the workflow engine answers and the
// token key opens what is stored; otherwise 503 naming the part. No secrets, URLs or stacks in the answer.
import { db } from "@/db";
import { migrations } from "@/db/migrations";
import { parseEncryptionKeyRing } from "@/lib/crypto/encryption";
import { getEnv } from "@/lib/env";
import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

// Each check is capped; they run side by side, so a healthy instance answers in a few milliseconds.
const CHECK_TIMEOUT_MS = 1_000;
const INNGEST_CLOUD_URL = "https://api.inngest.com";
const INNGEST_DEV_URL = "http://127.0.0.1:8288";

export async function GET() {
  const env = getEnv();
  const readiness = await checkReadiness({
    db,
    expectedMigrations: Object.keys(migrations),
    workflowsUrl: env.INNGEST_BASE_URL ?? inngestDevUrl(env.INNGEST_DEV) ?? INNGEST_CLOUD_URL,
    encryptionKeys: env.TOKEN_ENCRYPTION_KEY ? parseEncryptionKeyRing(env.TOKEN_ENCRYPTION_KEY) : undefined,
    timeoutMs: CHECK_TIMEOUT_MS,
  });
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

/** INNGEST_DEV as the SDK reads it: a URL, or "1"/"true" for the dev server's default address. */
function inngestDevUrl(value: string | undefined): string | undefined {
  if (!value || value === "0" || value === "false") return undefined;
  return URL.canParse(value) ? value : INNGEST_DEV_URL;
}
