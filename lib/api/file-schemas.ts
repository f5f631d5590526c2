import { z } from "zod";

export const partySchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  affiliation: z.string().describe("Internal, External or Unknown, as Gong reports it."),
  speaker_id: z.string().nullable().describe("Matches speaker_id in transcript sentences."),
});

export const sentenceSchema = z.object({
  start_ms: z.number().int(),
  end_ms: z.number().int(),
  text: z.string(),
  speaker_id: z.string().nullable(),
  speaker: z
    .object({ name: z.string().nullable(), affiliation: z.string() })
    .nullable()
    .describe("Present when the organization has speaker labels on; otherwise null and only speaker_id is given."),
});

export const fileSchema = z.object({
  id: z.uuid().describe("Callbridge's id for the call."),
  gong_id: z.string().describe("Gong's call id."),
  title: z.string(),
  url: z.string().nullable().describe("The call's page in Gong."),
  started_at: z.string().describe("ISO-8601 date-time."),
  duration_seconds: z.number().int().nullable(),
  workspace: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  parties: z.array(partySchema),
  transcript_status: z.enum(["pending", "ready", "unavailable"]).describe("pending: Gong has not finished the transcript yet."),
  synced_at: z.string().describe("When Callbridge last wrote this call."),
  transcript: z.array(sentenceSchema).optional().describe("Only with ?include=transcript."),
});

export type ApiFile = z.input<typeof fileSchema>;
export type ApiSentence = z.input<typeof sentenceSchema>;
