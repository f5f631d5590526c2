import { z } from "zod";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import { gongCallsDeleteRequested } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { defineApiEndpoint } from "../api-endpoint";
import { callIdSchema, idListSchema, syncRunAcceptedSchema } from "../api-schemas";
import { findOrganizationCalls } from "../find-organization-calls";
import { queueSyncRun } from "../queue-sync-run";

export const deleteFilesEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/delete_files",
  operationId: "deleteFiles",
  summary: "Delete calls",
  description:
    "Deletes up to 100 synced calls with their participants and transcripts, and remembers them so scheduled syncs do not bring them back (resync_file or files/sync with call_ids does). Every id must be one of the organization's calls, or nothing is deleted; private calls count as not found.",
  access: "organization",
  successStatus: 202,
  input: z.strictObject({ call_ids: idListSchema(callIdSchema, "call_id") }),
  response: syncRunAcceptedSchema,
  run: async (ctx, input) => {
    // Deleting needs no Gong access, so a lapsed or revoked connection still allows it.
    const connection = await getGongConnectionByOrganization(ctx.db, ctx.organizationId);
    if (!connection) throw new AppError("conflict", "This organization has never connected Gong, so it has no calls to delete.");
    const calls = await findOrganizationCalls(ctx.db, ctx.organizationId, [...new Set(input.call_ids)]);
    const callGongIds = [...new Set(calls.map((call) => call.gong_id))];
    return queueSyncRun(ctx, {
      connectionId: connection.id,
      kind: "delete",
      params: { call_ids: callGongIds },
      event: (runId) => gongCallsDeleteRequested.create({ connectionId: connection.id, runId, callGongIds }, { id: runId }),
    });
  },
});
