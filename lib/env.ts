import "server-only";
import { z } from "zod";

const optionalUrl = z.url().optional().or(z.literal("").transform(() => undefined));

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm run demo sets it for the embedded database)"),
  // One secret, or a key ring: comma-separated, newest first (the newest signs, any verifies).
  AUTH_SECRET: z
    .string()
    .refine((text) => text.split(",").every((secret) => secret.trim().length >= 32), "AUTH_SECRET must be at least 32 characters (each, when it lists several)"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Defaults to http://localhost:$PORT below; set it to the public origin anywhere else.
  APP_URL: z.url().optional(),
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  TOKEN_ENCRYPTION_KEY: z.string().optional(),
  GONG_CLIENT_ID: z.string().optional(),
  GONG_CLIENT_SECRET: z.string().optional(),
  GONG_OAUTH_BASE_URL: z.url().default("https://app.gong.io"),
  // API hosts a token response may name besides https://*.gong.io: comma-separated `scheme://host[:port]`, `*.` allowed.
  GONG_ALLOWED_API_BASE_URLS: z
    .string()
    .default("")
    .transform((text) => text.split(",").map((entry) => entry.trim().replace(/\/+$/, "")).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i, "each entry is scheme://host[:port], e.g. http://localhost:4010"))),
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  // First wait before re-checking a transcript Gong had not finished; later waits double, up to 48 h in all.
  LATE_TRANSCRIPT_FIRST_WAIT_SECONDS: z.coerce.number().int().min(1).default(120),
  // Pages (of a workspace's calls, or of Gong's users) one run takes before a fresh run continues from its cursor.
  SYNC_PAGES_PER_RUN: z.coerce.number().int().min(1).max(200).default(40),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  // Reverse proxies we run in front of the app, each appending to X-Forwarded-For; 0 = clients connect directly.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Optional OpenAI-compatible endpoint for call summaries; off unless LLM_BASE_URL is set.
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default("gpt-4o-mini"),
  // Bearer token for GET /api/metrics; the route answers 404 while it is unset.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  // Outbound webhooks: 1 lets them reach http:// and private addresses (demo and tests, with loopback receivers).
  OUTBOUND_ALLOW_PRIVATE_TARGETS: z.enum(["0", "1"]).default("0"),
  // Seconds between attempts, comma-separated; the Standard Webhooks schedule unless set (tests shorten it).
  OUTBOUND_RETRY_SCHEDULE_SECONDS: z
    .string()
    .default("5,300,1800,7200,18000,36000,36000")
    .transform((text) => text.split(",").map((entry) => Number(entry.trim())))
    .pipe(z.array(z.number().int().min(1).max(86_400)).min(1).max(20)),
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  OUTBOUND_FIRST_ATTEMPT_PATIENCE_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
});

export type Env = Omit<z.infer<typeof envSchema>, "APP_URL"> & { APP_URL: string };

let cached: Env | undefined;

/** The only reader of process.env; parsed on first use so `next build` needs no secrets. */
export function getEnv(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
    }
    cached = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}` };
  }
  return cached;
}

export function isDemoMode(): boolean {
  return getEnv().DEMO_MODE === "1";
}

/** The LLM summary endpoint, or null when summaries are off. */
export function getLlmConfig(): { baseUrl: string; apiKey: string | undefined; model: string } | null {
  const env = getEnv();
  return env.LLM_BASE_URL ? { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL } : null;
}

/** How outbound webhooks are sent: the retry waits, the per-attempt timeout and whether private targets are allowed. */
export function getOutboundConfig(): { allowPrivateTargets: boolean; retryScheduleSeconds: number[]; timeoutMs: number; patienceMs: number } {
  const env = getEnv();
  return {
    allowPrivateTargets: env.OUTBOUND_ALLOW_PRIVATE_TARGETS === "1",
    retryScheduleSeconds: env.OUTBOUND_RETRY_SCHEDULE_SECONDS,
    timeoutMs: env.OUTBOUND_TIMEOUT_MS,
    patienceMs: env.OUTBOUND_FIRST_ATTEMPT_PATIENCE_MS,
  };
}
