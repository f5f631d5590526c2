import type { Kysely } from "kysely";
import { sampleEncryptedSecrets } from "@/db/queries/encrypted-secrets";
import type { Database } from "@/db/schema";
import { EncryptionKeyMismatchError, type EncryptionKeys, decryptSecret } from "@/lib/crypto/encryption";

export type EncryptionKeyCheck =
  | { status: "ok"; checked: number }
  /** Nothing is stored yet, so there is nothing to check the key against. */
  | { status: "nothing-stored" }
  /** Stored secrets exist and the key ring opens none of them: the key was lost or replaced. */
  | { status: "mismatch"; checked: number; message: string };

const SAMPLE = 5;

/**
 * Whether TOKEN_ENCRYPTION_KEY opens what is stored. A ring that opens none of a sample of stored secrets is
 * the wrong key, said plainly, rather than every connection later looking as if Gong had revoked it.
 */
export async function checkEncryptionKey(db: Kysely<Database>, keys: EncryptionKeys): Promise<EncryptionKeyCheck> {
  const secrets = await sampleEncryptedSecrets(db, SAMPLE);
  if (secrets.length === 0) return { status: "nothing-stored" };
  for (const secret of secrets) {
    try {
      await decryptSecret(secret, keys);
      return { status: "ok", checked: secrets.length };
    } catch (error) {
      if (!(error instanceof EncryptionKeyMismatchError)) throw error;
    }
  }
  const message =
    `TOKEN_ENCRYPTION_KEY decrypts none of the ${secrets.length} most recently stored Gong secrets: it is not the key they ` +
    "were encrypted with. Nothing was changed and no connection was marked for re-authorization. Put the key they were " +
    "encrypted with back into TOKEN_ENCRYPTION_KEY (after the new key, comma-separated) and restart.";
  return { status: "mismatch", checked: secrets.length, message };
}
