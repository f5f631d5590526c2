import "./allow-server-only";
import { parseArgs } from "node:util";
import { createScriptDb } from "./script-db";

const USAGE = [
  "usage: DATABASE_URL=… TOKEN_ENCRYPTION_KEY=<new key>,<old key>[,…] npm run rotate-token-key [-- --batch-size 20]",
  "  Re-encrypts every stored Gong token, webhook URL key, outbound signing secret and Slack URL with the first (newest) key,",
  "  and encrypts Slack URLs stored in plain text by releases before they were encrypted. Safe beside running syncs,",
  "  safe to stop and run again. Give every app process the same key ring first; drop the old key once this reports",
  "  nothing left under it.",
].join("\n");

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "batch-size": { type: "string" }, help: { type: "boolean" } } });
  const databaseUrl = process.env.DATABASE_URL;
  const keyText = process.env.TOKEN_ENCRYPTION_KEY;
  const batchSize = Number(values["batch-size"] ?? 20);
  if (values.help || !databaseUrl || !keyText || !Number.isInteger(batchSize) || batchSize < 1) {
    if (!values.help) console.error(!databaseUrl ? "DATABASE_URL is not set." : !keyText ? "TOKEN_ENCRYPTION_KEY is not set." : "--batch-size must be a positive integer.");
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  // Loaded after the server-only guard is lifted.
  const [{ parseEncryptionKeyRing }, { checkEncryptionKey }, { rotateStoredSecrets }] = await Promise.all([
    import("../lib/crypto/encryption"),
    import("../lib/key-rotation/check-encryption-key"),
    import("../lib/key-rotation/rotate-stored-secrets"),
  ]);
  let keys: readonly Uint8Array[];
  try {
    keys = parseEncryptionKeyRing(keyText);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const db = createScriptDb(databaseUrl);
  try {
    const check = await checkEncryptionKey(db, keys);
    if (check.status === "mismatch") {
      console.error(check.message);
      return 1;
    }
    const report = await rotateStoredSecrets(db, keys, {
      batchSize,
      onBatch: (progress) => console.log(`… ${progress.connections} connections, ${progress.endpoints} endpoints, ${progress.reEncrypted} secrets re-encrypted`),
    });
    console.log(
      `Done: ${report.connections} connections, ${report.endpoints} outbound endpoints, ${report.reEncrypted} secrets re-encrypted with the newest key, ` +
        `${report.alreadyCurrent} already under it, ${report.unreadable.length} unreadable, ${report.slackUrlsEncrypted} plain Slack URLs encrypted.`,
    );
    for (const { table, id, column } of report.unreadable) {
      console.error(`Unreadable with every key given: ${table} ${id} ${column} (left as it is; if its key is lost, reconnect that connection, or roll that endpoint's secret or enter its Slack URL again).`);
    }
    if (report.unreadable.length === 0) console.log("Nothing is left under an older key: it may be dropped from TOKEN_ENCRYPTION_KEY once every process has restarted.");
    return report.unreadable.length === 0 ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
