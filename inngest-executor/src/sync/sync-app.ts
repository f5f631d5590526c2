import { createHash } from "node:crypto";
import type pg from "pg";
import { headerKeys } from "inngest";
import { z } from "zod";
import { signBody } from "../common/signing.js";
import { registerFunctions, type RegisterResult } from "./register-functions.js";

const inBandResponseSchema = z.object({ functions: z.array(z.unknown()) });

/** In-band sync: PUT the app's serve URL, which answers with its function configs (no callback needed). */
export async function syncApp(
  pool: pg.Pool,
  appUrl: string,
  signingKey: string | undefined,
  lastFingerprint?: string,
): Promise<RegisterResult & { fingerprint: string; changed: boolean }> {
  const body = JSON.stringify({ url: appUrl });
  const headers: Record<string, string> = { [headerKeys.ContentType]: "application/json", [headerKeys.InngestSyncKind]: "in_band" };
  if (signingKey) headers[headerKeys.Signature] = signBody(body, signingKey);
  const response = await fetch(appUrl, { method: "PUT", body, headers, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`in-band sync of ${appUrl} answered ${response.status}: ${await response.text()}`);
  if (response.headers.get(headerKeys.InngestSyncKind) !== "in_band") {
    throw new Error(`${appUrl} did not answer an in-band sync (is INNGEST_ALLOW_IN_BAND_SYNC off?)`);
  }
  const { functions } = inBandResponseSchema.parse(await response.json());
  const fingerprint = createHash("sha256").update(JSON.stringify(functions)).digest("hex");
  if (fingerprint === lastFingerprint) return { registered: [], errors: [], fingerprint, changed: false };
  return { ...(await registerFunctions(pool, appUrl, functions)), fingerprint, changed: true };
}
