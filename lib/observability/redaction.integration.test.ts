import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, parseEncryptionKeyRing } from "@/lib/crypto/encryption";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";
import { REDACTED, redact } from "./redact";

const logFile = path.join(mkdtempSync(path.join(tmpdir(), "callbridge-logs-")), "app.log");
let stack: SyncStack;

beforeAll(async () => {
  // The app's logger is created when the sync stack first loads app modules, after these are set.
  stack = await startSyncStack({ simulator: { calls: 30 }, env: { LOG_FILE: logFile, LOG_LEVEL: "debug" } });
}, 120_000);
afterAll(() => stack?.stop());

const readLines = () =>
  readFileSync(logFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("structured logs", () => {
  it("carry what a line concerns and none of the secrets of a full sync and of sign-ins", async () => {
    const connectionId = await stack.connect();
    const run = await stack.waitForRun(await stack.startSync(connectionId, "backfill"), 90_000);
    expect(run.status).toBe("succeeded");

    const { authenticateWithPassword } = await import("@/lib/auth/authenticate");
    const { hashPassword } = await import("@/lib/auth/password");
    const password = `pw-${randomBytes(12).toString("hex")}`;
    const wrongPassword = `wrong-${randomBytes(12).toString("hex")}`;
    await stack.db.updateTable("users").set({ password_hash: await hashPassword(password) }).where("id", "=", stack.adminId).execute();
    const client = { key: "ip:203.0.113.9", shared: false };
    const attempt = { email: "admin@acme.test", client, deviceToken: undefined, secret: process.env.AUTH_SECRET! };
    expect((await authenticateWithPassword(stack.db, { ...attempt, password: wrongPassword })).ok).toBe(false);
    const signedIn = await authenticateWithPassword(stack.db, { ...attempt, password });
    expect(signedIn.ok).toBe(true);

    const { logger } = await import("@/lib/observability/logger");
    // A careless call site: the logger, not the caller, keeps these out.
    logger.error({ accessToken: "careless-access-token", request: { headers: { authorization: "Bearer careless-bearer", cookie: "authjs.session-token=careless-cookie" } } }, "careless line with https://x.test/hook?key=careless-url-key");

    const connection = await stack.db.selectFrom("gong_connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    const keys = parseEncryptionKeyRing(process.env.TOKEN_ENCRYPTION_KEY!);
    const sentences = await stack.db.selectFrom("transcript_segments").select("text").orderBy("end_ms", "desc").limit(20).execute();
    const secrets = {
      password,
      wrongPassword,
      deviceToken: signedIn.ok ? signedIn.deviceToken : "",
      authSecret: process.env.AUTH_SECRET!,
      tokenEncryptionKey: process.env.TOKEN_ENCRYPTION_KEY!,
      signingKey: process.env.INNGEST_SIGNING_KEY!,
      eventKey: process.env.INNGEST_EVENT_KEY!,
      gongClientSecret: process.env.GONG_CLIENT_SECRET!,
      accessToken: await decryptSecret(connection.access_token_encrypted!, keys),
      refreshToken: await decryptSecret(connection.refresh_token_encrypted!, keys),
      accessTokenEncrypted: connection.access_token_encrypted!,
      careless: "careless-",
      ...Object.fromEntries(sentences.filter((row) => row.text.length >= 24).map((row, index) => [`transcript${index}`, row.text])),
    };

    const text = readFileSync(logFile, "utf8");
    const lines = readLines();
    expect(lines.length).toBeGreaterThan(5);
    const leaked = Object.entries(secrets).filter(([, secret]) => secret.length > 0 && text.includes(secret)).map(([name]) => name);
    expect(leaked).toEqual([]);

    // Lines written inside the sync carry the function, the run and the connection; sign-ins say what happened.
    const gongLine = lines.find((line) => line.msg === "gong request" && line.connectionId === connectionId);
    expect(gongLine).toMatchObject({ level: "debug", connectionId, functionId: expect.any(String), stepId: expect.any(String), workflowRunId: expect.any(String), status: 200 });
    expect(lines.some((line) => line.msg === "gong request" && line.runId === run.id)).toBe(true);
    expect(lines.find((line) => line.msg === "sign-in failed")).toMatchObject({ level: "warn", reason: "invalid_credentials" });
    expect(lines.find((line) => line.msg === "sign-in succeeded")).toMatchObject({ userId: stack.adminId, organizationId: stack.organizationId });
    expect(lines.find((line) => typeof line.msg === "string" && line.msg.startsWith("careless line"))).toMatchObject({
      accessToken: REDACTED,
      request: { headers: { authorization: REDACTED, cookie: REDACTED } },
    });
  }, 180_000);

  it("redacts by field name at any depth and scrubs strings and errors", () => {
    const error = new Error("Gong said no to Bearer abc.def.ghi at https://h.test/cb?code=the-code&state=s1");
    expect(redact({ a: { b: { password: "p", clientSecret: "s", apiKey: "k", text: "said on the call", webhookUrlKey: "u" } }, error })).toEqual({
      a: { b: { password: REDACTED, clientSecret: REDACTED, apiKey: REDACTED, text: REDACTED, webhookUrlKey: REDACTED } },
      error: {
        type: "Error",
        message: `Gong said no to Bearer ${REDACTED} at https://h.test/cb?code=${REDACTED}&state=${REDACTED}`,
        stack: expect.not.stringContaining("the-code"),
      },
    });
  });
});
