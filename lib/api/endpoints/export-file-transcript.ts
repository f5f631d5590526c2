import { z } from "zod";
import { getApiFile, getApiFileCall } from "@/db/queries/api-files";
import { AppError } from "@/lib/errors";
import { loadTranscriptExport } from "@/lib/transcript-export/load-transcript-export";
import { renderTranscriptExport } from "@/lib/transcript-export/render-transcript-export";
import { TRANSCRIPT_FORMATS } from "@/lib/transcript-export/types";
import { defineApiEndpoint } from "../api-endpoint";
import { callIdSchema } from "../api-schemas";

const transcriptExportSchema = z.object({
  call: z.object({
    id: z.uuid(),
    title: z.string(),
    started_at: z.string().describe("ISO-8601 date-time."),
    duration_seconds: z.number().int().nullable(),
    url: z.string().nullable(),
  }),
  sentences: z.array(
    z.object({
      start_ms: z.number().int(),
      end_ms: z.number().int(),
      speaker: z.string().describe('The speaker\'s name when the organization has speaker labels on; "Speaker 1", "Speaker 2"… otherwise.'),
      text: z.string(),
    }),
  ),
});

export const exportFileTranscriptEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/files/{id}/transcript",
  operationId: "exportFileTranscript",
  summary: "Download a call's transcript",
  description:
    "The transcript as a file to keep: ?format=txt (\"[00:01:23] Speaker: sentence\" lines), vtt (WebVTT, one cue per sentence with a <v Speaker> voice tag) or json (the default). The Content-Disposition names the file after the call's date and title. A private call answers 404, as in getFile.",
  access: "organization",
  params: z.object({ id: callIdSchema }),
  input: z.strictObject({ format: z.enum(TRANSCRIPT_FORMATS).default("json").describe("txt, vtt or json.") }),
  response: transcriptExportSchema,
  otherMediaTypes: ["text/plain", "text/vtt"],
  run: async (ctx, input, params) => {
    const file = await getApiFile(ctx.db, ctx.organizationId, params.id);
    const call = file && (await getApiFileCall(ctx.db, ctx.organizationId, file.id));
    if (!call) throw new AppError("not_found", `No call with id "${params.id}" in this organization.`);
    return renderTranscriptExport(await loadTranscriptExport(ctx.db, call), input.format);
  },
});
