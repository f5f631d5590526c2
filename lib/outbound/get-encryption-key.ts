import "server-only";
import { type EncryptionKeys, parseEncryptionKeyRing } from "@/lib/crypto/encryption";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The key ring endpoint secrets are encrypted with: the same TOKEN_ENCRYPTION_KEY as Gong's tokens. */
export function getOutboundEncryptionKey(): EncryptionKeys {
  const encoded = getEnv().TOKEN_ENCRYPTION_KEY;
  if (!encoded) throw new AppError("unavailable", "Outbound webhooks need TOKEN_ENCRYPTION_KEY to store signing secrets.");
  return parseEncryptionKeyRing(encoded);
}
