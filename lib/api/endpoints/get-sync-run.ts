import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineApiEndpoint } from "../api-endpoint";

const isoOrNull = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export const getSyncRunEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/sync_runs/{id}",
  operationId: "getSyncRun",
  summary: "Get a sync run's status and progress",
  description: "Poll this after files/sync, resync_file or delete_files. status moves queued → running → succeeded or failed.",
  access: "organization",
  params: z.object({ id: z.uuid("must be a sync_run_id (uuid)") }),
  input: z.strictObject({}),
  response: z.object({
    id: z.uuid(),
    kind: z.enum(["backfill", "scheduled", "manual", "single_call", "resync", "delete", "purge"]),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
    progress: z.object({
      workspaces_done: z.number().int(),
      workspaces_total: z.number().int(),
      calls_total: z.number().int().nullable().describe("Calls Gong reported for the range, once known."),
      pages: z.number().int(),
      calls: z.number().int().describe("Calls written so far."),
      transcripts: z.number().int(),
      transcripts_pending: z.number().int(),
      skipped_deleted: z.number().int(),
      quarantined: z.number().int().describe("Calls (or their transcripts) Gong sent in a shape that could not be stored; set aside and retried by the next sync."),
    }),
    error: z.string().nullable(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  }),
  run: async (ctx, _input, params) => {
    const run = await ctx.db
      .selectFrom("sync_runs")
      .selectAll()
      .where("id", "=", params.id)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    if (!run) throw new AppError("not_found", `No sync run with id "${params.id}" in this organization.`);
    return {
      id: run.id,
      kind: run.kind,
      status: run.status,
      progress: {
        workspaces_done: run.workspaces_done,
        workspaces_total: run.workspaces_total,
        calls_total: run.calls_total,
        pages: run.pages,
        calls: run.calls,
        transcripts: run.transcripts,
        transcripts_pending: run.transcripts_pending,
        skipped_deleted: run.skipped_deleted,
        quarantined: run.quarantined,
      },
      error: run.error,
      created_at: new Date(run.created_at).toISOString(),
      started_at: isoOrNull(run.started_at),
      finished_at: isoOrNull(run.finished_at),
    };
  },
});
