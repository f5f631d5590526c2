import { z } from "zod";
import { listApiFiles } from "@/db/queries/api-files";
import { decodeCallCursor, encodeCallCursor } from "@/lib/calls/call-cursor";
import { AppError } from "@/lib/errors";
import { defineApiEndpoint } from "../api-endpoint";
import { dateTimeSchema } from "../api-schemas";
import { fileSchema } from "../file-schemas";
import { serializeFiles } from "../serialize-files";

export const listFilesEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/files",
  operationId: "listFiles",
  summary: "List synced calls",
  description:
    "Synced calls, newest first, with metadata and participants. Follow next_cursor until it is null. Private calls are never listed: they are for their participants only, and an API key is none.",
  access: "organization",
  input: z.strictObject({
    cursor: z.string().max(500).optional().describe("next_cursor from the previous page."),
    limit: z.coerce.number().int().min(1).max(100).default(25).describe("Page size, 1–100 (default 25)."),
    workspace_id: z.string().max(64).optional().describe("Only calls of this Gong workspace."),
    from: dateTimeSchema.optional().describe("Only calls that started at or after this time."),
    to: dateTimeSchema.optional().describe("Only calls that started before this time."),
  }),
  response: z.object({
    data: z.array(fileSchema),
    next_cursor: z.string().nullable(),
  }),
  run: async (ctx, input) => {
    const rows = await listApiFiles(ctx.db, ctx.organizationId, {
      cursor: input.cursor ? decodeCursor(input.cursor) : undefined,
      limit: input.limit + 1,
      workspaceGongId: input.workspace_id,
      from: input.from,
      to: input.to,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const hasMore = rows.length > input.limit;
    return {
      data: await serializeFiles(ctx.db, page),
      next_cursor: hasMore && last ? encodeCallCursor({ startedAt: last.started_at_text, id: last.id }) : null,
    };
  },
});

/** The same cursor as the calls list; anything else, forged or garbled, is the caller's mistake: a 400. */
function decodeCursor(value: string) {
  const cursor = decodeCallCursor(value);
  if (!cursor) throw new AppError("bad_request", "cursor: not a cursor this API returned.");
  return cursor;
}
