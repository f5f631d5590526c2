import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const secretsSchema = z.object({
  AUTH_SECRET: z.string().min(32),
  TOKEN_ENCRYPTION_KEY: z.string().min(43),
  INNGEST_SIGNING_KEY: z.string().startsWith("signkey-"),
  INNGEST_EVENT_KEY: z.string().min(16),
});

export type LocalSecrets = z.infer<typeof secretsSchema>;

export function generateSecrets(): LocalSecrets {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    INNGEST_SIGNING_KEY: `signkey-local-${randomBytes(32).toString("hex")}`,
    INNGEST_EVENT_KEY: randomBytes(24).toString("base64url"),
  };
}

/** Secrets of the embedded installation: generated once, kept (mode 0600) under the data directory. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return secretsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  mkdirSync(dataDir, { recursive: true });
  const secrets = generateSecrets();
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
