import { z } from "zod";
import { gongCallSyncRequested } from "@/inngest/events";
import { defineApiEndpoint } from "../api-endpoint";
import { callIdSchema, syncRunAcceptedSchema } from "../api-schemas";
import { findOrganizationCalls } from "../find-organization-calls";
import { getConnectedGongConnection } from "../get-connected-gong-connection";
import { queueSyncRun } from "../queue-sync-run";

export const resyncFileEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/resync_file",
  operationId: "resyncFile",
  summary: "Resync one call",
  description:
    "Fetches one call again from Gong: metadata, participants and transcript. A call deleted through the API is brought back when named by its Gong id. A private call answers 404, as if it did not exist.",
  access: "organization",
  successStatus: 202,
  input: z.strictObject({ call_id: callIdSchema }),
  response: syncRunAcceptedSchema,
  run: async (ctx, input) => {
    const connection = await getConnectedGongConnection(ctx.db, ctx.organizationId);
    const [call] = await findOrganizationCalls(ctx.db, ctx.organizationId, [input.call_id], { includeDeleted: true });
    const callGongId = call!.gong_id;
    return queueSyncRun(ctx, {
      connectionId: connection.id,
      kind: "resync",
      params: { call_ids: [callGongId] },
      event: (runId) => gongCallSyncRequested.create({ connectionId: connection.id, callGongId, explicit: true, runId }, { id: runId }),
    });
  },
});
