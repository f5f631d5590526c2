import "server-only";
import { z } from "zod";
import { gongIdSchema, list, nullable, recordsSchema } from "./common";

/** `start`/`end` are milliseconds from the start of the call; all three are computed on (search, insights, timeline). */
export const sentenceSchema = z.looseObject({
  start: z.number(),
  end: z.number(),
  text: z.string(),
});

/** `speakerId` and `topic` may be null (Nango's and Dust's Gong schemas). */
export const monologueSchema = z.looseObject({
  speakerId: nullable(gongIdSchema),
  topic: nullable(z.string()),
  sentences: list(sentenceSchema),
});
export type Monologue = z.infer<typeof monologueSchema>;

export const callTranscriptSchema = z.looseObject({
  callId: gongIdSchema,
  transcript: list(monologueSchema),
});
export type CallTranscript = z.infer<typeof callTranscriptSchema>;

/** The page around the transcripts; each is validated on its own (parseRecords), so one odd sentence costs one call. */
export const callTranscriptsResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  callTranscripts: list(z.unknown()),
});
