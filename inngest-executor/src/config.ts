import { z } from "zod";

const intFromEnv = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  INNGEST_EXECUTOR_PORT: z.coerce.number().int().min(0).max(65535).default(8288),
  INNGEST_EXECUTOR_HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  INNGEST_EXECUTOR_APP_URL: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_EXECUTOR_BACKOFF_SCALE: z.coerce.number().positive().default(1),
  INNGEST_EXECUTOR_POLL_MS: intFromEnv(100),
  INNGEST_EXECUTOR_WORKERS: intFromEnv(8),
  INNGEST_EXECUTOR_LEASE_MS: intFromEnv(15_000),
  INNGEST_EXECUTOR_SYNC_INTERVAL_MS: intFromEnv(5_000),
  INNGEST_EXECUTOR_POOL_MAX: intFromEnv(5),
  INNGEST_EXECUTOR_INTAKE_FIRST_MS: z.coerce.number().int().min(0).default(1_000),
});

export type ExecutorOptions = {
  port: number;
  host: string;
  databaseUrl: string;
  appUrls: string[];
  signingKey?: string;
  eventKey?: string;
  backoffScale: number;
  pollMs: number;
  workers: number;
  leaseMs: number;
  syncIntervalMs: number;
  poolMax: number;
  /** While events pour in, new work starts at most this often (ms); 0 turns intake-first off. */
  intakeFirstMs: number;
};

/** Reads the executor's settings from the environment; throws a readable error when one is invalid. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): ExecutorOptions {
  const parsed = envSchema.parse(env);
  return {
    port: parsed.INNGEST_EXECUTOR_PORT,
    host: parsed.INNGEST_EXECUTOR_HOST,
    databaseUrl: parsed.DATABASE_URL,
    appUrls: splitUrls(parsed.INNGEST_EXECUTOR_APP_URL),
    signingKey: parsed.INNGEST_SIGNING_KEY || undefined,
    eventKey: parsed.INNGEST_EVENT_KEY || undefined,
    backoffScale: parsed.INNGEST_EXECUTOR_BACKOFF_SCALE,
    pollMs: parsed.INNGEST_EXECUTOR_POLL_MS,
    workers: parsed.INNGEST_EXECUTOR_WORKERS,
    leaseMs: parsed.INNGEST_EXECUTOR_LEASE_MS,
    syncIntervalMs: parsed.INNGEST_EXECUTOR_SYNC_INTERVAL_MS,
    poolMax: parsed.INNGEST_EXECUTOR_POOL_MAX,
    intakeFirstMs: parsed.INNGEST_EXECUTOR_INTAKE_FIRST_MS,
  };
}

/** Fills in defaults for options given in code (tests, the demo launcher). */
export function resolveOptions(partial: Partial<ExecutorOptions> & { databaseUrl: string }): ExecutorOptions {
  return {
    port: 8288,
    host: "127.0.0.1",
    appUrls: [],
    backoffScale: 1,
    pollMs: 100,
    workers: 8,
    leaseMs: 15_000,
    syncIntervalMs: 5_000,
    poolMax: 5,
    intakeFirstMs: 1_000,
    ...partial,
  };
}

function splitUrls(value: string | undefined): string[] {
  return (value ?? "").split(",").map((url) => url.trim()).filter(Boolean);
}
