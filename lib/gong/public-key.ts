import "server-only";
import { createPublicKey } from "node:crypto";

export type ParsedPublicKey = { ok: true; spkiBase64: string } | { ok: false; message: string };

const PREFIX = "That doesn't look like a Gong public key:";
const MIN_RSA_BITS = 2048;

/**
 * Reads the key an admin pastes from Gong's "Show public key": bare base64 DER SubjectPublicKeyInfo, or the
 * same wrapped in PEM armour. Returns the canonical bare base64 to store.
 */
export function parsePublicKey(text: string): ParsedPublicKey {
  const trimmed = text.trim();
  if (trimmed === "") return fail("it is empty.");
  if (/PRIVATE KEY/.test(trimmed)) return fail("this is a private key. Paste the public key Gong shows.");
  if (/BEGIN RSA PUBLIC KEY/.test(trimmed)) return fail("expected an X.509 (\"BEGIN PUBLIC KEY\") key, got PKCS#1.");
  if (/BEGIN CERTIFICATE/.test(trimmed)) return fail("this is a certificate, not the public key.");
  const body = trimmed
    .replace(/-----BEGIN PUBLIC KEY-----/, "")
    .replace(/-----END PUBLIC KEY-----/, "")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return fail("it contains characters that are not base64.");
  try {
    const key = createPublicKey({ key: Buffer.from(body, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "rsa") return fail(`it is a ${key.asymmetricKeyType ?? "non-RSA"} key; Gong signs with RSA.`);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) return fail(`the RSA key is ${bits} bits; at least ${MIN_RSA_BITS} are needed.`);
    const der = key.export({ format: "der", type: "spki" });
    return { ok: true, spkiBase64: der.toString("base64") };
  } catch {
    return fail("it could not be read. Copy the whole key from Gong's \"Show public key\".");
  }
}

function fail(reason: string): ParsedPublicKey {
  return { ok: false, message: `${PREFIX} ${reason}` };
}
