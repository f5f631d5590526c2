import { z } from "zod";
import { defineApiEndpoint } from "../api-endpoint";
import { dateTimeSchema } from "../api-schemas";
import { getConnectedGongConnection } from "../get-connected-gong-connection";
import { decodeItemsCursor, encodeItemsCursor, type ItemsCursor, listItemCalls, listItemWorkspaces } from "../list-gong-items";

const DEFAULT_RANGE_DAYS = 90;

export const listItemsEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/integrations/items/list",
  operationId: "listItems",
  summary: "List workspaces and calls available in Gong",
  description: `Workspaces, and one page of the calls Gong has for the range (default: the last ${DEFAULT_RANGE_DAYS} days), each marked synced or not. Calls come live from Gong, so each page costs one Gong request. Pass next_cursor back as cursor, with no other filters, for the next page. Private calls are left out, even their titles: they are for their participants only, and an API key is none. A page may therefore hold fewer calls than page_size; keep following next_cursor until it is null.`,
  access: "organization",
  input: z
    .strictObject({
      workspace_ids: z.array(z.string().min(1).max(64)).min(1).max(100).optional().describe("Only calls of these Gong workspaces."),
      from: dateTimeSchema.optional().describe("Calls that started at or after this time."),
      to: dateTimeSchema.optional().describe("Calls that started before this time (default now)."),
      cursor: z.string().max(2000).optional().describe("next_cursor from the previous page; the filters travel inside it."),
      page_size: z.number().int().min(1).max(100).default(100).describe("Calls per page, 1–100 (default 100)."),
    })
    .refine((input) => !input.from || !input.to || new Date(input.from) < new Date(input.to), { message: "from must be before to", path: ["from"] }),
  response: z.object({
    workspaces: z.array(z.object({ id: z.string(), name: z.string(), sync_enabled: z.boolean() })),
    calls: z.array(
      z.object({
        id: z.string().describe("Gong's call id."),
        title: z.string().nullable(),
        started_at: z.string().nullable(),
        duration_seconds: z.number().nullable(),
        workspace_id: z.string().nullable(),
        url: z.string().nullable(),
        synced: z.boolean().describe("Whether Callbridge holds this call."),
        file_id: z.uuid().nullable().describe("Callbridge's id when synced, for /files/{id}."),
      }),
    ),
    next_cursor: z.string().nullable(),
  }),
  run: async (ctx, input) => {
    const connection = await getConnectedGongConnection(ctx.db, ctx.organizationId);
    const cursor: ItemsCursor = input.cursor
      ? decodeItemsCursor(input.cursor)
      : {
          workspaces: input.workspace_ids ?? null,
          index: 0,
          gongCursor: null,
          offset: 0,
          from: input.from ?? new Date(Date.now() - DEFAULT_RANGE_DAYS * 86_400_000).toISOString(),
          to: input.to ?? new Date().toISOString(),
        };
    const [workspaces, page] = await Promise.all([listItemWorkspaces(ctx, connection), listItemCalls(ctx, connection, cursor, input.page_size)]);
    const gongIds = page.calls.map((call) => call.id);
    const synced = gongIds.length
      ? await ctx.db
          .selectFrom("calls")
          .select(["id", "gong_id", "is_private"])
          .where("organization_id", "=", ctx.organizationId)
          .where("gong_id", "in", gongIds)
          .execute()
      : [];
    // A call made private since Gong listed it is private in our copy; it stays hidden too.
    const hidden = new Set(synced.filter((row) => row.is_private).map((row) => row.gong_id));
    return {
      workspaces,
      calls: page.calls.filter((call) => !hidden.has(call.id)).map((call) => {
        const file = synced.find((row) => row.gong_id === call.id);
        return {
          id: call.id,
          title: call.title,
          started_at: call.started ? new Date(call.started).toISOString() : null,
          duration_seconds: call.duration,
          workspace_id: call.workspaceId,
          url: call.url,
          synced: Boolean(file),
          file_id: file?.id ?? null,
        };
      }),
      next_cursor: page.next ? encodeItemsCursor(page.next) : null,
    };
  },
});
