import { z } from "zod";
import { isValidExpression } from "../common/cel.js";
import { isValidCron } from "../common/cron.js";
import { parseDuration } from "../common/duration.js";

const triggerSchema = z.union([
  z.object({ event: z.string().min(1), expression: z.string().optional() }).strict(),
  z.object({ cron: z.string().min(1), jitter: z.string().optional() }).strict(),
]);

const concurrencyOptionSchema = z
  .object({ limit: z.number().int().min(0), key: z.string().optional(), scope: z.enum(["fn", "env", "account"]).optional() })
  .strict();

const functionConfigSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(""),
  triggers: z.array(triggerSchema).default([]),
  steps: z.record(
    z.string(),
    z.object({
      id: z.string(),
      runtime: z.object({ type: z.literal("http"), url: z.string().url() }),
      retries: z.object({ attempts: z.number().int().min(0) }).optional(),
    }),
  ),
  concurrency: z.union([z.number().int().min(0), concurrencyOptionSchema, z.array(concurrencyOptionSchema).max(2)]).optional(),
  throttle: z
    .object({ limit: z.number().int().min(1), period: z.string(), key: z.string().optional(), burst: z.number().int().min(1).optional() })
    .strict()
    .optional(),
  batchEvents: z
    .object({ maxSize: z.number().int().min(1), timeout: z.string(), key: z.string().optional(), if: z.string().optional() })
    .strict()
    .optional(),
  cancel: z
    .array(z.object({ event: z.string().min(1), if: z.string().optional(), timeout: z.string().optional() }).strict())
    .optional(),
});

export type FunctionConfig = z.infer<typeof functionConfigSchema>;
export type ConcurrencyOption = z.infer<typeof concurrencyOptionSchema>;
export type SyncError = { functionId: string; field: string; message: string };

const SUPPORTED_FIELDS = new Set(["id", "name", "triggers", "steps", "concurrency", "throttle", "batchEvents", "cancel"]);

/** Parses one FunctionConfig from a sync; anything the executor cannot honour is an error naming the field. */
export function parseFunctionConfig(raw: unknown): { config?: FunctionConfig; errors: SyncError[] } {
  const functionId = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : "(unknown)";
  const unsupported = Object.entries(raw && typeof raw === "object" ? raw : {})
    .filter(([field, value]) => !SUPPORTED_FIELDS.has(field) && value !== undefined && value !== null)
    .map(([field]) => ({ functionId, field, message: `${field} is not supported by the embedded executor` }));
  if (unsupported.length > 0) return { errors: unsupported };

  const parsed = functionConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({
        functionId,
        field: issue.path.join(".") || "(config)",
        message: issue.message,
      })),
    };
  }
  const errors = checkSemantics(parsed.data);
  return errors.length > 0 ? { errors } : { config: parsed.data, errors: [] };
}

function checkSemantics(config: FunctionConfig): SyncError[] {
  const errors: SyncError[] = [];
  const fail = (field: string, message: string) => errors.push({ functionId: config.id, field, message });
  const expressions: [string, string | undefined][] = [
    ...config.triggers.map((trigger, i): [string, string | undefined] => [
      `triggers.${i}.expression`,
      "event" in trigger ? trigger.expression : undefined,
    ]),
    ...toConcurrencyOptions(config.concurrency).map((option, i): [string, string | undefined] => [`concurrency.${i}.key`, option.key]),
    ["throttle.key", config.throttle?.key],
    ["batchEvents.key", config.batchEvents?.key],
    ["batchEvents.if", config.batchEvents?.if],
    ...(config.cancel ?? []).map((cancel, i): [string, string | undefined] => [`cancel.${i}.if`, cancel.if]),
  ];
  for (const [field, expression] of expressions) {
    if (expression && !isValidExpression(expression)) fail(field, `invalid CEL expression: ${expression}`);
  }
  config.triggers.forEach((trigger, i) => {
    if (!("cron" in trigger)) return;
    if (trigger.jitter) fail(`triggers.${i}.jitter`, "cron jitter is not supported by the embedded executor");
    if (!isValidCron(trigger.cron)) fail(`triggers.${i}.cron`, `invalid cron schedule: ${trigger.cron}`);
  });
  if (config.throttle && !parseDuration(config.throttle.period)) fail("throttle.period", "unreadable period");
  if (config.batchEvents && !parseDuration(config.batchEvents.timeout)) fail("batchEvents.timeout", "unreadable timeout");
  (config.cancel ?? []).forEach((cancel, i) => {
    if (cancel.timeout && !parseDuration(cancel.timeout)) fail(`cancel.${i}.timeout`, "unreadable timeout");
  });
  if (!config.steps.step) fail("steps", "the function has no `step` entry to call");
  return errors;
}

/** Normalises `concurrency` (number | option | option[]) to a list of options. */
export function toConcurrencyOptions(value: FunctionConfig["concurrency"]): ConcurrencyOption[] {
  if (value === undefined) return [];
  if (typeof value === "number") return value > 0 ? [{ limit: value }] : [];
  return (Array.isArray(value) ? value : [value]).filter((option) => option.limit > 0);
}

/** Attempts in total: Inngest's `retries.attempts` counts retries, defaulting to 3. */
export function getMaxAttempts(config: FunctionConfig): number {
  return (config.steps.step?.retries?.attempts ?? 3) + 1;
}
