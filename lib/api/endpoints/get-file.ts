import { z } from "zod";
import { getApiFile } from "@/db/queries/api-files";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import { AppError } from "@/lib/errors";
import { defineApiEndpoint } from "../api-endpoint";
import { callIdSchema } from "../api-schemas";
import { fileSchema } from "../file-schemas";
import { serializeFiles, serializeTranscript } from "../serialize-files";

export const getFileEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/files/{id}",
  operationId: "getFile",
  summary: "Get one synced call",
  description:
    "One synced call by Callbridge id or Gong id. With ?include=transcript the transcript comes as sentences; speaker names and affiliations are included when the organization has speaker labels on. A private call answers 404, as if it did not exist: private calls are for their participants only.",
  access: "organization",
  params: z.object({ id: callIdSchema }),
  input: z.strictObject({
    include: z.literal("transcript").optional().describe("transcript: add the transcript sentences."),
  }),
  response: fileSchema,
  run: async (ctx, input, params) => {
    const row = await getApiFile(ctx.db, ctx.organizationId, params.id);
    if (!row) throw new AppError("not_found", `No call with id "${params.id}" in this organization.`);
    const [file] = await serializeFiles(ctx.db, [row]);
    if (!file) throw new AppError("not_found", `No call with id "${params.id}" in this organization.`);
    if (input.include !== "transcript") return file;
    const connection = await getGongConnectionByOrganization(ctx.db, ctx.organizationId);
    return { ...file, transcript: await serializeTranscript(ctx.db, file, connection?.include_speaker_labels ?? false) };
  },
});
