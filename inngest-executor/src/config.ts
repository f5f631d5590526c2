import { z } from "zod";
import { DEFAULT_MAX_EVENT_REQUEST_BYTES } from "./common/limits.js";

/** How long finished runs, their steps and events are kept (Inngest Cloud keeps 7 days of history on Pro). */
export const DEFAULT_RETENTION_DAYS = 7;

const intFromEnv = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  INNGEST_EXECUTOR_PORT: z.coerce.number().int().min(0).max(65535).default(8288),
  INNGEST_EXECUTOR_HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  INNGEST_EXECUTOR_APP_URL: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY_FALLBACK: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_EXECUTOR_DEV: z.enum(["", "0", "1", "false", "true"]).default("").transform((value) => value === "1" || value === "true"),
  INNGEST_EXECUTOR_BACKOFF_SCALE: z.coerce.number().positive().default(1),
  INNGEST_EXECUTOR_POLL_MS: intFromEnv(100),
  INNGEST_EXECUTOR_WORKERS: intFromEnv(8),
  INNGEST_EXECUTOR_LEASE_MS: intFromEnv(15_000),
  INNGEST_EXECUTOR_SYNC_INTERVAL_MS: intFromEnv(5_000),
  INNGEST_EXECUTOR_POOL_MAX: intFromEnv(5),
  INNGEST_EXECUTOR_INTAKE_FIRST_MS: z.coerce.number().int().min(0).default(1_000),
  INNGEST_EXECUTOR_MAX_EVENT_BYTES: intFromEnv(DEFAULT_MAX_EVENT_REQUEST_BYTES),
  INNGEST_EXECUTOR_RETENTION_DAYS: z.coerce.number().positive().default(DEFAULT_RETENTION_DAYS),
});

export type ExecutorOptions = {
  port: number;
  host: string;
  databaseUrl: string;
  appUrls: string[];
  signingKey?: string;
  /** The previous signing key while keys rotate: accepted wherever the signing key is checked, as the SDK does. */
  signingKeyFallback?: string;
  eventKey?: string;
  /**
   * A local dev server: it may start without keys, and its read API (runs, functions, health details) answers
   * requests from loopback without the signing key. Off, it refuses to start without both keys.
   */
  dev: boolean;
  backoffScale: number;
  pollMs: number;
  workers: number;
  leaseMs: number;
  syncIntervalMs: number;
  poolMax: number;
  /** While events pour in, new work starts at most this often (ms); 0 turns intake-first off. */
  intakeFirstMs: number;
  /** Bytes an event request may have: Inngest's 512 KiB by default, 262144 for Inngest Cloud's free plan. */
  maxEventBytes: number;
  /** Finished runs with their steps, and events, are purged this many days after they ended or arrived. */
  retentionDays: number;
};

/** Reads the executor's settings from the environment; throws a readable error when one is invalid or missing. */
export function parseConfig(env: Record<string, string | undefined> = process.env): ExecutorOptions {
  const parsed = envSchema.parse(env);
  return resolveOptions({
    port: parsed.INNGEST_EXECUTOR_PORT,
    host: parsed.INNGEST_EXECUTOR_HOST,
    databaseUrl: parsed.DATABASE_URL,
    appUrls: splitUrls(parsed.INNGEST_EXECUTOR_APP_URL),
    signingKey: parsed.INNGEST_SIGNING_KEY || undefined,
    signingKeyFallback: parsed.INNGEST_SIGNING_KEY_FALLBACK || undefined,
    eventKey: parsed.INNGEST_EVENT_KEY || undefined,
    dev: parsed.INNGEST_EXECUTOR_DEV,
    backoffScale: parsed.INNGEST_EXECUTOR_BACKOFF_SCALE,
    pollMs: parsed.INNGEST_EXECUTOR_POLL_MS,
    workers: parsed.INNGEST_EXECUTOR_WORKERS,
    leaseMs: parsed.INNGEST_EXECUTOR_LEASE_MS,
    syncIntervalMs: parsed.INNGEST_EXECUTOR_SYNC_INTERVAL_MS,
    poolMax: parsed.INNGEST_EXECUTOR_POOL_MAX,
    intakeFirstMs: parsed.INNGEST_EXECUTOR_INTAKE_FIRST_MS,
    maxEventBytes: parsed.INNGEST_EXECUTOR_MAX_EVENT_BYTES,
    retentionDays: parsed.INNGEST_EXECUTOR_RETENTION_DAYS,
  });
}

/**
 * Fills in defaults for options given in code (tests, the demo launcher); throws when the keys are missing outside
 * dev mode, as an executor without them would run any event and answer anyone's sync.
 */
export function resolveOptions(partial: Partial<ExecutorOptions> & { databaseUrl: string }): ExecutorOptions {
  const options: ExecutorOptions = {
    port: 8288,
    host: "127.0.0.1",
    appUrls: [],
    dev: false,
    backoffScale: 1,
    pollMs: 100,
    workers: 8,
    leaseMs: 15_000,
    syncIntervalMs: 5_000,
    poolMax: 5,
    intakeFirstMs: 1_000,
    maxEventBytes: DEFAULT_MAX_EVENT_REQUEST_BYTES,
    retentionDays: DEFAULT_RETENTION_DAYS,
    ...partial,
  };
  const missing = [!options.signingKey && "INNGEST_SIGNING_KEY", !options.eventKey && "INNGEST_EVENT_KEY"].filter(Boolean);
  if (missing.length > 0 && !options.dev) {
    throw new Error(
      `the executor needs ${missing.join(" and ")} (the same as the app's); set INNGEST_EXECUTOR_DEV=1 to run it as a local dev server without keys`,
    );
  }
  return options;
}

function splitUrls(value: string | undefined): string[] {
  return (value ?? "").split(",").map((url) => url.trim()).filter(Boolean);
}
