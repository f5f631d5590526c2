import { z } from "zod";

/** Shared pieces of the API's contract; each carries a description that lands in the OpenAPI document. */

export const gongCallIdSchema = z.string().regex(/^\d{1,20}$/, "must be a Gong call id (digits)").describe("A Gong call id.");

export const callIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => /^\d{1,20}$/.test(value) || z.uuid().safeParse(value).success, "must be a Gong call id or a Callbridge file id (uuid)")
  .describe("A Gong call id, or the Callbridge file id (uuid) returned by /files.");

// ISO-8601 allows what PostgreSQL refuses (year 0000, offsets past ±15:59); real zones span -12:00 to +14:00.
const STORABLE_DATE_TIME = /^(?!0000)\d{4}-.*(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/i;

export const dateTimeSchema = z.iso
  .datetime({ offset: true })
  .regex(STORABLE_DATE_TIME, "must be a date-time in the years 0001–9999 with Z or an offset from -14:00 to +14:00, e.g. 2026-05-01T09:30:00Z")
  .describe("ISO-8601 date-time with Z or an offset (-14:00 to +14:00).");

export const MAX_IDS = 100;

export function idListSchema<T extends z.ZodType>(item: T, noun: string) {
  return z
    .array(item)
    .min(1, `give at least one ${noun}`)
    .max(MAX_IDS, `at most ${MAX_IDS} ${noun}s per request; split the list into batches of ${MAX_IDS}`);
}

export const syncRunAcceptedSchema = z.object({
  sync_run_id: z.uuid().describe("Poll GET /api/v1/sync_runs/{id} for progress."),
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe("bad_request, unauthorized, forbidden, not_found, method_not_allowed, conflict, payload_too_large, rate_limited, upstream_failed, unavailable or internal."),
      message: z.string().describe("A sentence for a developer; names the offending field for validation errors."),
    }),
  })
  .describe("Every error has this body.");
