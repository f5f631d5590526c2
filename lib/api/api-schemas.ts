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

export const dateTimeSchema = z.iso.datetime({ offset: true }).describe("ISO-8601 date-time with Z or an offset.");

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
        .describe("bad_request, unauthorized, forbidden, not_found, method_not_allowed, conflict, rate_limited, upstream_failed, unavailable or internal."),
      message: z.string().describe("A sentence for a developer; names the offending field for validation errors."),
    }),
  })
  .describe("Every error has this body.");
