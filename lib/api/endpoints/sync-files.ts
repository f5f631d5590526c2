import { z } from "zod";
import { gongCallsSyncRequested } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { defineApiEndpoint } from "../api-endpoint";
import { dateTimeSchema, gongCallIdSchema, MAX_IDS, syncRunAcceptedSchema } from "../api-schemas";
import { getConnectedGongConnection } from "../get-connected-gong-connection";
import { queueSyncRun } from "../queue-sync-run";

export const syncFilesEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/integrations/files/sync",
  operationId: "syncFiles",
  summary: "Sync workspaces and/or calls",
  description:
    "Starts one sync run over the chosen workspaces (all enabled ones when omitted) and/or up to 100 Gong call ids, optionally limited to a date range. Calls deleted through the API are skipped unless named in call_ids. Private calls are synced for their participants in the app but never returned by this API.",
  access: "organization",
  successStatus: 202,
  input: z
    .strictObject({
      workspace_ids: z.array(z.string().min(1).max(64)).max(MAX_IDS).optional().describe("Gong workspace ids, as listed by items/list."),
      call_ids: z
        .array(gongCallIdSchema)
        .min(1)
        .max(MAX_IDS, `at most ${MAX_IDS} call_ids per request; split the list into batches of ${MAX_IDS}`)
        .optional(),
      from: dateTimeSchema.optional().describe("Only calls that started at or after this time."),
      to: dateTimeSchema.optional().describe("Only calls that started before this time."),
    })
    .refine((input) => !input.from || !input.to || new Date(input.from) < new Date(input.to), { message: "from must be before to", path: ["from"] }),
  response: syncRunAcceptedSchema,
  run: async (ctx, input) => {
    const connection = await getConnectedGongConnection(ctx.db, ctx.organizationId);
    if (input.workspace_ids?.length) {
      const known = await ctx.db
        .selectFrom("gong_workspaces")
        .select("gong_id")
        .where("organization_id", "=", ctx.organizationId)
        .where("gong_id", "in", input.workspace_ids)
        .execute();
      const unknown = input.workspace_ids.filter((id) => !known.some((row) => row.gong_id === id));
      if (unknown.length > 0) throw new AppError("not_found", `No workspace with id ${unknown.map((id) => `"${id}"`).join(", ")} in this organization.`);
    }
    const params = { workspace_ids: input.workspace_ids, call_ids: input.call_ids, from: input.from, to: input.to };
    return queueSyncRun(ctx, {
      connectionId: connection.id,
      kind: "manual",
      params,
      event: (runId) =>
        gongCallsSyncRequested.create(
          {
            connectionId: connection.id,
            runId,
            workspaceGongIds: input.workspace_ids,
            callGongIds: input.call_ids,
            fromDateTime: input.from ?? null,
            toDateTime: input.to ?? null,
          },
          { id: runId },
        ),
    });
  },
});
