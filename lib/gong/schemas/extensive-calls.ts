import "server-only";
import { z } from "zod";
import { callBasicDataSchema, partySchema } from "./calls";
import { list, nullable, recordsSchema, storedJson } from "./common";

/** Media URLs expire 8 hours after the response, so they are never worth storing for long; a non-text URL is none. */
const mediaUrl = z.unknown().optional().transform((value) => (typeof value === "string" && value !== "" ? value : null));
export const callMediaSchema = z.looseObject({ audioUrl: mediaUrl, videoUrl: mediaUrl });

/**
 * One `calls/extensive` call. Strict where Callbridge computes (the call's ids and times, its parties' ids and
 * emails); tolerant where it only stores: `content` and `interaction` are kept as the JSON Gong sent, CRM
 * `context` and `collaboration` are not used. Sections Gong was not asked for, has no data for, or leaves out
 * (imported calls have no `parties`) are `null`.
 */
export const extensiveCallSchema = z.looseObject({
  metaData: callBasicDataSchema.refine((meta) => meta.started !== null || meta.scheduled !== null, {
    path: ["started"],
    message: "A call needs a start or a scheduled time",
  }),
  context: storedJson,
  parties: nullable(z.array(partySchema)),
  content: storedJson,
  interaction: storedJson,
  collaboration: storedJson,
  media: nullable(callMediaSchema),
});
export type ExtensiveCall = z.infer<typeof extensiveCallSchema>;

/** The page around the calls; each call is validated on its own (parseRecords), so one odd call costs only itself. */
export const extensiveCallsResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  calls: list(z.unknown()),
});
