import { z } from "zod";

const oauthAppSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  name: z.string().min(1),
  redirectUris: z.array(z.string().url()),
  /** Accept any http://localhost|127.0.0.1:<port><path of a registered URI>, so tests on random ports work. */
  allowLocalhostAnyPort: z.boolean().default(false),
});
export type OAuthApp = z.infer<typeof oauthAppSchema>;

const accessKeySchema = z.object({ accessKey: z.string().min(1), accessKeySecret: z.string().min(1) });
export type AccessKey = z.infer<typeof accessKeySchema>;

export const DEFAULT_OAUTH_APP: OAuthApp = {
  clientId: "callbridge-demo",
  clientSecret: "callbridge-demo-secret",
  name: "Callbridge",
  redirectUris: ["http://localhost:3000/api/gong/oauth/callback"],
  allowLocalhostAnyPort: true,
};

export const DEFAULT_ACCESS_KEY: AccessKey = { accessKey: "sim-access-key", accessKeySecret: "sim-access-key-secret" };

const jsonArray = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

const envSchema = z.object({
  GONG_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  GONG_SIMULATOR_HOST: z.string().default("127.0.0.1"),
  GONG_SIMULATOR_PUBLIC_URL: z.string().url().optional(),
  GONG_SIMULATOR_SEED: z.coerce.number().int().default(42),
  GONG_SIMULATOR_CALLS: z.coerce.number().int().min(0).default(300),
  GONG_SIMULATOR_OAUTH_APPS: jsonArray(oauthAppSchema).optional(),
  GONG_SIMULATOR_ACCESS_KEYS: jsonArray(accessKeySchema).optional(),
  GONG_SIMULATOR_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  GONG_SIMULATOR_MEDIA_TTL_SECONDS: z.coerce.number().int().positive().default(8 * 3600),
  GONG_SIMULATOR_RATE_LIMIT: z.coerce.number().int().positive().default(3),
  GONG_SIMULATOR_DAILY_LIMIT: z.coerce.number().int().positive().default(10_000),
  GONG_SIMULATOR_LOG: z.enum(["none", "info"]).default("info"),
  GONG_SIMULATOR_DRIFT_RATE: z.coerce.number().min(0).max(1).default(0),
});

export const simulatorOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().default("127.0.0.1"),
  publicUrl: z.string().url().optional(),
  seed: z.number().int().default(42),
  calls: z.number().int().min(0).default(300),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  workspaces: z.number().int().min(1).max(50).default(2),
  users: z.number().int().min(4).max(5000).default(12),
  companyName: z.string().default("Acme"),
  oauthApps: z.array(oauthAppSchema).default([DEFAULT_OAUTH_APP]),
  accessKeys: z.array(accessKeySchema).default([DEFAULT_ACCESS_KEY]),
  tokenTtlSeconds: z.number().int().positive().default(86_400),
  mediaTtlSeconds: z.number().int().positive().default(8 * 3600),
  codeTtlSeconds: z.number().int().positive().default(600),
  cursorTtlSeconds: z.number().int().positive().default(3600),
  rateLimit: z.number().int().positive().default(3),
  dailyLimit: z.number().int().positive().default(10_000),
  webhookRetryDelaysMs: z.array(z.number().int().min(0)).default([250, 1000, 3000]),
  /** The drift fault's rate at start-up (README "Drift"); reset keeps it, /__sim/faults changes it. */
  driftRate: z.number().min(0).max(1).default(0),
  log: z.boolean().default(false),
});
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;
export type SimulatorConfig = z.infer<typeof simulatorOptionsSchema>;

/** Reads the GONG_SIMULATOR_* variables; the only reader of process.env in the simulator. */
export function readConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SimulatorConfig {
  const parsed = envSchema.parse(env);
  return simulatorOptionsSchema.parse({
    port: parsed.GONG_SIMULATOR_PORT,
    host: parsed.GONG_SIMULATOR_HOST,
    publicUrl: parsed.GONG_SIMULATOR_PUBLIC_URL,
    seed: parsed.GONG_SIMULATOR_SEED,
    calls: parsed.GONG_SIMULATOR_CALLS,
    oauthApps: parsed.GONG_SIMULATOR_OAUTH_APPS,
    accessKeys: parsed.GONG_SIMULATOR_ACCESS_KEYS,
    tokenTtlSeconds: parsed.GONG_SIMULATOR_TOKEN_TTL_SECONDS,
    mediaTtlSeconds: parsed.GONG_SIMULATOR_MEDIA_TTL_SECONDS,
    rateLimit: parsed.GONG_SIMULATOR_RATE_LIMIT,
    dailyLimit: parsed.GONG_SIMULATOR_DAILY_LIMIT,
    log: parsed.GONG_SIMULATOR_LOG === "info",
    driftRate: parsed.GONG_SIMULATOR_DRIFT_RATE,
  });
}
