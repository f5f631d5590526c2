import "server-only";
import { randomBytes } from "node:crypto";
import { type EncryptionKeys, decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function createEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The secret to show once, and its encrypted form to store. */
export async function issueEndpointSecret(encryptionKey: EncryptionKeys): Promise<{ secret: string; encrypted: string }> {
  const secret = createEndpointSecret();
  return { secret, encrypted: await encryptSecret(secret, encryptionKey) };
}

/** The secrets a delivery is signed with: the current one, and the previous one while its window lasts. */
export async function readSigningSecrets(
  endpoint: { secret_encrypted: string; previous_secret_encrypted: string | null; previous_secret_expires_at: Date | string | null },
  encryptionKey: EncryptionKeys,
  now = new Date(),
): Promise<string[]> {
  const current = await decryptSecret(endpoint.secret_encrypted, encryptionKey);
  const previousValid =
    endpoint.previous_secret_encrypted && endpoint.previous_secret_expires_at && new Date(endpoint.previous_secret_expires_at) > now;
  return previousValid ? [current, await decryptSecret(endpoint.previous_secret_encrypted!, encryptionKey)] : [current];
}

/** When the previous secret stops signing after a rotation at `rotatedAt`: 24 hours later. */
export function previousSecretExpiresAt(rotatedAt: Date): Date {
  const validMs = 24 * 60 * 60 * 1000;
  return new Date(rotatedAt.getTime() + validMs);
}
