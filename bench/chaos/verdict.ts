import type pg from "pg";
import type { ChaosOrganization } from "./chaos-stack";
import type { ChaosTruth } from "./gong-truth";
import type { DeletedCall } from "./api-load";

export type Verdict = {
  lost: number;
  duplicated: number;
  missingTranscripts: number;
  deletedResurrected: number;
  webhookAcceptedNotStored: number;
  stuckRuns: number;
  failedRuns: number;
};

type StoredCall = { organization_id: string; gong_id: string; rows: string; segments: string; positions: string };

/**
 * The database against Gong's truth, per organization: every call Gong holds stored once (except the ones deleted
 * through the API, which must stay deleted), with every transcript sentence once; every accepted webhook's call
 * stored; every sync run finished.
 */
export async function judge(pool: pg.Pool, organizations: ChaosOrganization[], truth: ChaosTruth, deleted: DeletedCall[]): Promise<Verdict & { examples: Record<string, string[]> }> {
  const organizationIds = organizations.map((organization) => organization.organizationId);
  const { rows: stored } = await pool.query<StoredCall>(
    `select c.organization_id, c.gong_id, count(distinct c.id) as rows,
            count(s.position) as segments, count(distinct s.position) as positions
       from calls c left join transcript_segments s on s.call_id = c.id
      where c.organization_id = any($1) group by c.organization_id, c.gong_id`,
    [organizationIds],
  );
  const key = (organizationId: string, gongId: string) => `${organizationId}:${gongId}`;
  const byKey = new Map(stored.map((row) => [key(row.organization_id, row.gong_id), row]));
  const deletedKeys = new Set(deleted.map((entry) => key(entry.organizationId, entry.gongId)));
  const examples: Record<string, string[]> = { lost: [], duplicated: [], missingTranscripts: [], deletedResurrected: [], webhookAcceptedNotStored: [] };
  const verdict: Verdict = { lost: 0, duplicated: 0, missingTranscripts: 0, deletedResurrected: 0, webhookAcceptedNotStored: 0, stuckRuns: 0, failedRuns: 0 };
  const count = (figure: keyof Verdict, what: string) => {
    verdict[figure]++;
    if ((examples[figure]?.length ?? 0) < 5) examples[figure]?.push(what);
  };

  for (const organizationId of organizationIds) {
    for (const gongId of truth.callIds) {
      const id = key(organizationId, gongId);
      const row = byKey.get(id);
      if (deletedKeys.has(id)) {
        if (row) count("deletedResurrected", id);
        continue;
      }
      if (!row) {
        count("lost", id);
        continue;
      }
      const sentences = truth.sentencesByCall.get(gongId) ?? 0;
      const segments = Number(row.segments) / Math.max(1, Number(row.rows));
      if (Number(row.rows) > 1 || Number(row.segments) > Number(row.positions) || segments > sentences) count("duplicated", id);
      else if (sentences > 0 && Number(row.positions) < sentences) count("missingTranscripts", id);
    }
  }

  const { rows: accepted } = await pool.query<{ organization_id: string; call_gong_id: string }>(
    `select distinct d.organization_id, d.call_gong_id from webhook_deliveries d
      where d.organization_id = any($1) and d.outcome = 'accepted' and d.call_gong_id is not null
        and not exists (select 1 from calls c where c.organization_id = d.organization_id and c.gong_id = d.call_gong_id)`,
    [organizationIds],
  );
  for (const row of accepted) {
    const id = key(row.organization_id, row.call_gong_id);
    if (!deletedKeys.has(id)) count("webhookAcceptedNotStored", id);
  }

  const { rows: runs } = await pool.query<{ stuck: string; failed: string }>(
    `select count(*) filter (where status in ('queued', 'running')) as stuck, count(*) filter (where status = 'failed') as failed
       from sync_runs where organization_id = any($1)`,
    [organizationIds],
  );
  verdict.stuckRuns = Number(runs[0]?.stuck ?? 0);
  verdict.failedRuns = Number(runs[0]?.failed ?? 0);
  const { rows: failed } = await pool.query<{ kind: string; error: string | null }>(
    "select kind, error from sync_runs where organization_id = any($1) and status = 'failed' limit 5",
    [organizationIds],
  );
  examples.failedRuns = failed.map((run) => `${run.kind}: ${run.error ?? "(no error)"}`);
  return { ...verdict, examples };
}
