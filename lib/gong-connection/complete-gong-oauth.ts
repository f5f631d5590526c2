import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { upsertConnectedGongConnection } from "@/db/queries/gong-connections";
import { consumeOAuthState } from "@/db/queries/gong-oauth-states";
import type { Database, GongConnection } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/encryption";
import { GongUntrustedApiHostError } from "@/lib/gong/api-base-url";
import { GongClientConfigError, GongError } from "@/lib/gong/errors";
import { exchangeAuthorizationCode } from "@/lib/gong/oauth";
import type { GongAppConfig } from "./config";
import { hashOAuthState } from "./start-gong-oauth";

export type OAuthFailureReason =
  | "denied"
  | "missing_state"
  | "invalid_state"
  | "expired_state"
  | "wrong_user"
  | "exchange_failed"
  | "app_misconfigured"
  | "untrusted_api_host";

/** What the connection page tells the admin for each way a connection attempt can fail. */
export const OAUTH_FAILURE_MESSAGES: Record<OAuthFailureReason, string> = {
  denied: "Gong access was not granted, so nothing was connected.",
  missing_state: "Gong sent no state, so this sign-in can't be matched to a request. Start again from Connect Gong.",
  invalid_state: "This link was already used or was never issued. Start again from Connect Gong.",
  expired_state: "This connection attempt took longer than 10 minutes. Start again from Connect Gong.",
  wrong_user: "This connection was started by someone else, or you are no longer an admin. Start again from Connect Gong while signed in as an admin.",
  exchange_failed: "Gong did not accept the authorization, so nothing was stored. Try connecting again.",
  app_misconfigured:
    "Gong refused Callbridge's own app credentials, so nothing was stored. Check GONG_CLIENT_ID and GONG_CLIENT_SECRET in Callbridge's configuration; connecting again will not help until they are right.",
  untrusted_api_host:
    "Gong's answer named an API address outside gong.io, so Callbridge refused its tokens and stored nothing. The server log names the address; if it really is your Gong's, the server's operator can allow it with GONG_ALLOWED_API_BASE_URLS.",
};

export class OAuthCallbackError extends Error {
  constructor(readonly reason: OAuthFailureReason, detail?: string) {
    super(detail ? `${OAUTH_FAILURE_MESSAGES[reason]} (${detail})` : OAUTH_FAILURE_MESSAGES[reason]);
  }
}

export type OAuthCallbackInput = { state?: string; code?: string; error?: string; sessionUserId: string | null };

/** Verifies the state, exchanges the code and stores the encrypted tokens. Nothing is stored on failure. */
export async function completeGongOAuth(db: Kysely<Database>, config: GongAppConfig, input: OAuthCallbackInput): Promise<GongConnection> {
  if (!input.state) throw new OAuthCallbackError("missing_state");
  const state = await consumeOAuthState(db, hashOAuthState(input.state));
  if (!state) throw new OAuthCallbackError("invalid_state");
  if (state.expired) throw new OAuthCallbackError("expired_state");
  if (state.user_id && state.user_id !== input.sessionUserId) {
    throw new OAuthCallbackError("wrong_user");
  }
  if (input.error) {
    throw new OAuthCallbackError("denied", input.error === "access_denied" ? undefined : `Gong reported ${input.error}`);
  }
  if (!input.code) throw new OAuthCallbackError("exchange_failed", "no authorization code");

  let tokens;
  try {
    tokens = await exchangeAuthorizationCode({ ...config, code: input.code, redirectUri: config.redirectUri });
  } catch (error) {
    if (error instanceof GongClientConfigError) throw new OAuthCallbackError("app_misconfigured", error.message);
    if (error instanceof GongUntrustedApiHostError) throw new OAuthCallbackError("untrusted_api_host", error.apiBaseUrl);
    throw new OAuthCallbackError("exchange_failed", error instanceof GongError ? error.message : "Gong could not be reached");
  }

  return db.transaction().execute(async (trx) => {
    const connection = await upsertConnectedGongConnection(trx, {
      organizationId: state.organization_id,
      connectedByUserId: state.user_id,
      gongAccountEmail: state.gong_account_email,
      settings: state.settings,
      accessTokenEncrypted: await encryptSecret(tokens.accessToken, config.encryptionKey),
      refreshTokenEncrypted: tokens.refreshToken ? await encryptSecret(tokens.refreshToken, config.encryptionKey) : null,
      accessTokenExpiresAt: tokens.expiresAt,
      grantedScopes: tokens.grantedScopes,
      apiBaseUrl: tokens.apiBaseUrl,
    });
    await createAuditEvent(trx, {
      organizationId: state.organization_id,
      actorUserId: state.user_id,
      action: "gong.connected",
      target: tokens.apiBaseUrl,
      details: { grantedScopes: tokens.grantedScopes, gongAccountEmail: state.gong_account_email },
    });
    return connection;
  });
}
