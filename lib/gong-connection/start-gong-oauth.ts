import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createOAuthState, type OAuthStateSettings } from "@/db/queries/gong-oauth-states";
import type { Database } from "@/db/schema";
import { buildAuthorizeUrl } from "@/lib/gong/oauth";
import { REQUIRED_GONG_SCOPE_NAMES } from "@/lib/gong/scopes";
import type { GongAppConfig } from "./config";

export const OAUTH_STATE_TTL_SECONDS = 10 * 60;

export function hashOAuthState(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

/**
 * A single-use, 10-minute `state` bound to the admin (or, for API-started flows, to no session), and
 * Gong's authorize URL carrying it. Only the state's hash is stored.
 */
export async function startGongOAuth(
  db: Kysely<Database>,
  config: Pick<GongAppConfig, "clientId" | "oauthBaseUrl" | "redirectUri">,
  input: { organizationId: string; userId: string | null; gongAccountEmail: string | null; settings?: OAuthStateSettings },
): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await createOAuthState(db, {
    stateHash: hashOAuthState(state),
    organizationId: input.organizationId,
    userId: input.userId,
    gongAccountEmail: input.gongAccountEmail,
    settings: input.settings ?? {},
    ttlSeconds: OAUTH_STATE_TTL_SECONDS,
  });
  return buildAuthorizeUrl({
    oauthBaseUrl: config.oauthBaseUrl,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    scopes: REQUIRED_GONG_SCOPE_NAMES,
    state,
  });
}
