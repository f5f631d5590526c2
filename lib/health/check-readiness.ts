import type { Kysely } from "kysely";
import { listAppliedMigrations, pingDatabase } from "@/db/queries/health";
import type { Database } from "@/db/schema";
import type { EncryptionKeys } from "@/lib/crypto/encryption";
import { checkEncryptionKey } from "@/lib/key-rotation/check-encryption-key";

/** Each check's answer: "ok", or what is wrong in a few words. Never a secret, a URL or a stack. */
export type CheckResult = "ok" | "not-configured" | "timeout" | "unreachable" | "error" | "migrations-pending" | "key-mismatch";

export type Readiness = {
  status: "ready" | "not-ready";
  database: CheckResult;
  migrations: CheckResult;
  workflows: CheckResult;
  encryptionKey: CheckResult;
};

export type ReadinessDeps = {
  db: Kysely<Database>;
  /** Every migration this build knows, by name. */
  expectedMigrations: readonly string[];
  /** Where the workflows run: the embedded executor, `inngest start`, or Inngest Cloud. */
  workflowsUrl: string;
  /** TOKEN_ENCRYPTION_KEY's ring; undefined when Gong is not configured on this server. */
  encryptionKeys: EncryptionKeys | undefined;
  timeoutMs: number;
  fetch?: typeof fetch;
};

function within<T>(timeoutMs: number, work: () => Promise<T>, onError: (error: unknown) => CheckResult = () => "error"): Promise<T | CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  return Promise.race([work().catch(onError), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance can serve: its database answers and has every migration this build expects, the
 * workflow engine answers, and the token key opens what is stored. The checks run side by side, each capped.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const { db, timeoutMs } = deps;
  const [database, migrations, workflows, encryptionKey] = await Promise.all([
    within(timeoutMs, async (): Promise<CheckResult> => {
      await pingDatabase(db);
      return "ok";
    }),
    within(timeoutMs, async (): Promise<CheckResult> => {
      const applied = new Set(await listAppliedMigrations(db));
      return deps.expectedMigrations.every((name) => applied.has(name)) ? "ok" : "migrations-pending";
    }),
    within(
      timeoutMs,
      async (): Promise<CheckResult> => {
        const response = await (deps.fetch ?? fetch)(new URL("/health", deps.workflowsUrl), { signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        // The embedded executor answers 503 while starting or without its database; Inngest answers anything below.
        return response.status < 500 ? "ok" : "unreachable";
      },
      () => "unreachable",
    ),
    within(timeoutMs, async (): Promise<CheckResult> => {
      if (!deps.encryptionKeys) return "not-configured";
      const check = await checkEncryptionKey(db, deps.encryptionKeys);
      return check.status === "mismatch" ? "key-mismatch" : "ok";
    }),
  ]);
  const results = { database, migrations, workflows, encryptionKey } as Record<keyof Omit<Readiness, "status">, CheckResult>;
  const ready = Object.values(results).every((result) => result === "ok" || result === "not-configured");
  return { status: ready ? "ready" : "not-ready", ...results };
}
