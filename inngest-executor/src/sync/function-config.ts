import { functionConfigSchema, type FunctionConfig } from "inngest/types";
import { isValidExpression } from "../common/cel.js";
import { isValidCron } from "../common/cron.js";
import { parseDuration } from "../common/duration.js";
import { MAX_BATCH_SIZE, MIN_BATCH_SIZE, MIN_BATCH_TIMEOUT_MS } from "../common/limits.js";

export type { FunctionConfig };
export type ConcurrencyOption = Exclude<NonNullable<FunctionConfig["concurrency"]>, number | unknown[]>;
export type SyncError = { functionId: string; field: string; message: string };

const SUPPORTED_FIELDS = new Set(["id", "name", "triggers", "steps", "concurrency", "throttle", "batchEvents", "cancel"]);

/**
 * Parses one FunctionConfig from a sync with the SDK's own schema, then refuses, naming the field, whatever the
 * executor cannot honour or Inngest itself would refuse at sync.
 */
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
  const isCount = (value: number | undefined, min: number) => value === undefined || (Number.isInteger(value) && value >= min);
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
  const concurrency = config.concurrency;
  const limits = typeof concurrency === "number" ? [concurrency] : toOptionList(concurrency).map((option) => option.limit);
  if (!limits.every((limit) => isCount(limit, 0))) fail("concurrency", "a concurrency limit is a whole number, 0 or more");
  if (config.throttle) {
    if (!isCount(config.throttle.limit, 1) || !isCount(config.throttle.burst, 1)) fail("throttle", "limit and burst are whole numbers, 1 or more");
    if (!parseDuration(config.throttle.period)) fail("throttle.period", "unreadable period");
  }
  if (config.batchEvents) errors.push(...checkBatching(config));
  (config.cancel ?? []).forEach((cancel, i) => {
    if (cancel.timeout && !parseDuration(cancel.timeout)) fail(`cancel.${i}.timeout`, "unreadable timeout");
  });
  const step = config.steps.step;
  if (!step) fail("steps", "the function has no `step` entry to call");
  else if (step.runtime.type !== "http") fail("steps.step.runtime.type", `${step.runtime.type} (Connect) is not supported by the embedded executor`);
  else if (!isCount(step.retries?.attempts, 0)) fail("steps.step.retries.attempts", "retries are a whole number, 0 or more");
  return errors;
}

/** batchEvents as Inngest validates it at sync (pkg/inngest/batch.go and function.go), with its plan's size cap. */
function checkBatching(config: FunctionConfig): SyncError[] {
  const batching = config.batchEvents!;
  const errors: SyncError[] = [];
  const fail = (field: string, message: string) => errors.push({ functionId: config.id, field, message });
  if (!Number.isInteger(batching.maxSize) || batching.maxSize < MIN_BATCH_SIZE || batching.maxSize > MAX_BATCH_SIZE) {
    fail("batchEvents.maxSize", `batch size must be a whole number from ${MIN_BATCH_SIZE} to ${MAX_BATCH_SIZE} (Inngest's limit): ${batching.maxSize}`);
  }
  const timeout = parseDuration(batching.timeout);
  if (!timeout) fail("batchEvents.timeout", "unreadable timeout");
  else if (timeout < MIN_BATCH_TIMEOUT_MS) fail("batchEvents.timeout", "batch timeout should be more than 1s");
  // Inngest creates no cancel listeners for a batch's run, so an app must not count on cancelOn there.
  if ((config.cancel ?? []).length > 0) fail("cancel", `${config.id}: batching and cancellation are mutually exclusive (as on Inngest)`);
  return errors;
}

/** Normalises `concurrency` (number | option | option[]) to a list of the options that limit anything. */
export function toConcurrencyOptions(value: FunctionConfig["concurrency"]): ConcurrencyOption[] {
  if (typeof value === "number") return value > 0 ? [{ limit: value }] : [];
  return toOptionList(value).filter((option) => option.limit > 0);
}

function toOptionList(value: FunctionConfig["concurrency"]): ConcurrencyOption[] {
  if (value === undefined || typeof value === "number") return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Retries when a function sets none: the SDK then sends no `retries`, and Inngest's server applies its own default
 * (consts.DefaultRetryCount in its Go server; "4 retries, 5 attempts" in Inngest's docs).
 */
const DEFAULT_RETRIES = 4;

/** Attempts in total: Inngest's `retries.attempts` counts retries. */
export function getMaxAttempts(config: FunctionConfig): number {
  return (config.steps.step?.retries?.attempts ?? DEFAULT_RETRIES) + 1;
}
