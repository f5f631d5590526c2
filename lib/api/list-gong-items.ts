import { z } from "zod";
import type { GongConnection } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { listCalls, listWorkspaces } from "@/lib/gong/client";
import type { OrganizationApiContext } from "./api-endpoint";
import { dateTimeSchema } from "./api-schemas";

/**
 * Where a listing stands: the workspaces being walked (null = all at once), which one, Gong's cursor inside it
 * and how many of that Gong page were already returned (our page size can be smaller than Gong's 100).
 */
const itemsCursorSchema = z
  .object({
    workspaces: z.array(z.string().min(1).max(64)).min(1).max(100).nullable(),
    index: z.number().int().min(0),
    gongCursor: z.string().nullable(),
    offset: z.number().int().min(0).max(100),
    from: dateTimeSchema,
    to: dateTimeSchema,
  })
  // A cursor is base64 JSON anyone can edit; what Gong or the walk would choke on is refused here as a 400.
  .refine((cursor) => (cursor.workspaces ? cursor.index < cursor.workspaces.length : cursor.index === 0));
export type ItemsCursor = z.infer<typeof itemsCursorSchema>;

export function encodeItemsCursor(cursor: ItemsCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeItemsCursor(value: string): ItemsCursor {
  try {
    return itemsCursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", "cursor: not a cursor this API returned.");
  }
}

/** Workspaces as Callbridge knows them; asked of Gong when no workspace sync has run yet. */
export async function listItemWorkspaces(ctx: OrganizationApiContext, connection: GongConnection) {
  const stored = await ctx.db
    .selectFrom("gong_workspaces")
    .select(["gong_id", "name", "sync_enabled"])
    .where("connection_id", "=", connection.id)
    .orderBy("name")
    .execute();
  if (stored.length > 0) return stored.map((row) => ({ id: row.gong_id, name: row.name, sync_enabled: row.sync_enabled }));
  const gong = await createGongContext(ctx.db, ctx.getGongConfig(), connection.id);
  return (await listWorkspaces(gong)).map((workspace) => ({ id: workspace.id, name: workspace.name ?? workspace.id, sync_enabled: true }));
}

/**
 * One page of calls from Gong, live, continuing from `cursor`; Gong is asked for one page per request. Calls Gong
 * marks private are dropped before paging (participants only; an API key is none), so offsets count the rest.
 */
export async function listItemCalls(ctx: OrganizationApiContext, connection: GongConnection, cursor: ItemsCursor, pageSize: number) {
  const gong = await createGongContext(ctx.db, ctx.getGongConfig(), connection.id);
  const workspaceId = cursor.workspaces ? cursor.workspaces[cursor.index] : undefined;
  const page = await listCalls(gong, { fromDateTime: cursor.from, toDateTime: cursor.to, workspaceId, cursor: cursor.gongCursor ?? undefined });
  const visible = page.items.filter((call) => call.isPrivate !== true);
  const calls = visible.slice(cursor.offset, cursor.offset + pageSize);
  const consumed = cursor.offset + calls.length;
  let next: ItemsCursor | null = null;
  if (consumed < visible.length) next = { ...cursor, offset: consumed };
  else if (page.nextCursor) next = { ...cursor, gongCursor: page.nextCursor, offset: 0 };
  else if (cursor.workspaces && cursor.index + 1 < cursor.workspaces.length) next = { ...cursor, index: cursor.index + 1, gongCursor: null, offset: 0 };
  return { calls, next };
}
