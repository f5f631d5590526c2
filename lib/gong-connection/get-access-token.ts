import type { Kysely } from "kysely";
import {
  acquireTokenRefreshLease,
  getGongConnection,
  markGongConnectionNeedsReauth,
  releaseTokenRefreshLease,
  storeRefreshedTokens,
} from "@/db/queries/gong-connections";
import type { Database, GongConnection } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";
import { GongAuthRevokedError } from "@/lib/gong/errors";
import { refreshAccessToken } from "@/lib/gong/oauth";
import type { GongAppConfig } from "./config";

// Refresh 5 minutes early so a token never expires in the middle of a sync page.
const REFRESH_MARGIN_MS = 5 * 60_000;
const LEASE_SECONDS = 30;
const WAIT_STEP_MS = 150;

export type UsableConnection = { connection: GongConnection; accessToken: string; apiBaseUrl: string };

const inFlight = new Map<string, Promise<UsableConnection>>();

/**
 * A valid access token for the connection, refreshed when close to expiry. Refreshes are serialised per
 * connection across processes by a lease in Postgres (and within one process by sharing the promise),
 * so a single-use refresh token is never spent twice.
 */
export function getAccessToken(db: Kysely<Database>, config: GongAppConfig, connectionId: string): Promise<UsableConnection> {
  const pending = inFlight.get(connectionId);
  if (pending) return pending;
  const attempt = loadOrRefresh(db, config, connectionId).finally(() => inFlight.delete(connectionId));
  inFlight.set(connectionId, attempt);
  return attempt;
}

async function loadOrRefresh(db: Kysely<Database>, config: GongAppConfig, connectionId: string): Promise<UsableConnection> {
  const deadline = Date.now() + (LEASE_SECONDS + 5) * 1000;
  for (;;) {
    const connection = await requireConnected(db, connectionId);
    if (isFresh(connection)) return decrypt(connection, config);
    if (await acquireTokenRefreshLease(db, connectionId, LEASE_SECONDS)) return refresh(db, config, connection);
    if (Date.now() > deadline) throw new Error("Timed out waiting for another process to refresh the Gong token");
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function refresh(db: Kysely<Database>, config: GongAppConfig, connection: GongConnection): Promise<UsableConnection> {
  try {
    if (!connection.refresh_token_encrypted) throw new GongAuthRevokedError("invalid_grant", "No refresh token is stored; reconnect Gong.");
    const refreshToken = await decryptSecret(connection.refresh_token_encrypted, config.encryptionKey);
    const tokens = await refreshAccessToken({ ...config, refreshToken });
    await storeRefreshedTokens(db, connection.id, {
      accessTokenEncrypted: await encryptSecret(tokens.accessToken, config.encryptionKey),
      refreshTokenEncrypted: tokens.refreshToken ? await encryptSecret(tokens.refreshToken, config.encryptionKey) : null,
      accessTokenExpiresAt: tokens.expiresAt,
      grantedScopes: tokens.grantedScopes.length > 0 ? tokens.grantedScopes : connection.granted_scopes,
      apiBaseUrl: tokens.apiBaseUrl,
    });
    return { connection: await requireConnected(db, connection.id), accessToken: tokens.accessToken, apiBaseUrl: tokens.apiBaseUrl };
  } catch (error) {
    if (error instanceof GongAuthRevokedError) {
      await markGongConnectionNeedsReauth(db, connection.id, "Gong refused to refresh the token (invalid_grant). Reconnect Gong.");
    } else {
      await releaseTokenRefreshLease(db, connection.id, error instanceof Error ? error.message : "Token refresh failed");
    }
    throw error;
  }
}

async function requireConnected(db: Kysely<Database>, connectionId: string): Promise<GongConnection> {
  const connection = await getGongConnection(db, connectionId);
  if (!connection || connection.status !== "connected" || !connection.access_token_encrypted) {
    const status = connection?.status ?? "missing";
    throw new GongAuthRevokedError("access_denied", `The Gong connection is ${status.replace("_", " ")}; reconnect Gong.`);
  }
  return connection;
}

function isFresh(connection: GongConnection): boolean {
  const expiresAt = connection.access_token_expires_at ? new Date(connection.access_token_expires_at).getTime() : 0;
  return expiresAt - Date.now() > REFRESH_MARGIN_MS;
}

async function decrypt(connection: GongConnection, config: GongAppConfig): Promise<UsableConnection> {
  const accessToken = await decryptSecret(connection.access_token_encrypted!, config.encryptionKey);
  return { connection, accessToken, apiBaseUrl: connection.api_base_url ?? "https://api.gong.io" };
}
