import "server-only";
import { type EncryptionKeys, parseEncryptionKeyRing } from "@/lib/crypto/encryption";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type GongAppConfig = {
  clientId: string;
  clientSecret: string;
  oauthBaseUrl: string;
  redirectUri: string;
  /** The key ring from TOKEN_ENCRYPTION_KEY: newest first, older keys only decrypt. */
  encryptionKey: EncryptionKeys;
  /** API hosts a token response may name besides `https://*.gong.io`. */
  allowedApiBaseUrls: readonly string[];
  fetch?: typeof fetch;
};

/** Callbridge's Gong OAuth app and token key, from the environment; a clear error names what is missing. */
export function getGongAppConfig(): GongAppConfig {
  const env = getEnv();
  const missing = [
    !env.GONG_CLIENT_ID && "GONG_CLIENT_ID",
    !env.GONG_CLIENT_SECRET && "GONG_CLIENT_SECRET",
    !env.TOKEN_ENCRYPTION_KEY && "TOKEN_ENCRYPTION_KEY",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new AppError("unavailable", `Gong is not configured on this server: set ${missing.join(", ")}.`);
  }
  return {
    clientId: env.GONG_CLIENT_ID!,
    clientSecret: env.GONG_CLIENT_SECRET!,
    oauthBaseUrl: env.GONG_OAUTH_BASE_URL,
    redirectUri: new URL("/api/gong/oauth/callback", env.APP_URL).toString(),
    encryptionKey: parseEncryptionKeyRing(env.TOKEN_ENCRYPTION_KEY!),
    allowedApiBaseUrls: env.GONG_ALLOWED_API_BASE_URLS,
  };
}
