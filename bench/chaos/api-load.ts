import type { Random } from "../../gong-simulator/src/data/prng";
import type { ChaosOrganization } from "./chaos-stack";

export type ApiTally = { requests: number; byStatus: Record<string, number>; errors: number; failures: string[] };
/** Calls deleted through delete_files (accepted with 202): they must stay deleted. */
export type DeletedCall = { organizationId: string; gongId: string };

type FilesPage = { data: Array<{ id: string; gong_id: string }>; next_cursor: string | null };

/**
 * What an integration does beside the sync, through the public API with each organization's key: lists items and
 * files, resyncs a stored call, and deletes a few calls (never one it resynced or will resync: resync_file brings
 * a deleted call back by design).
 */
export function createApiLoad(appUrl: string, organizations: ChaosOrganization[], random: Random, options: { deletesPerOrganization: number }) {
  const tally: ApiTally = { requests: 0, byStatus: {}, errors: 0, failures: [] };
  const deleted: DeletedCall[] = [];
  const resynced = new Set<string>();
  const deletesLeft = new Map(organizations.map((organization) => [organization.organizationId, options.deletesPerOrganization]));

  async function call<T>(organization: ChaosOrganization, method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: T | null }> {
    tally.requests++;
    try {
      const response = await fetch(`${appUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${organization.apiKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
      const text = await response.text();
      // A few answers of each failing status, to say what they were.
      const seen = tally.failures.filter((line) => line.includes(` ${response.status} `)).length;
      if (!response.ok && response.status !== 429 && seen < 3) tally.failures.push(`${method} ${path} ${response.status} ${text.slice(0, 200)}`);
      return { status: response.status, body: response.ok ? (JSON.parse(text) as T) : null };
    } catch {
      // A killed app server or a restarting database: the integration sees an error and goes on.
      tally.errors++;
      return { status: 0, body: null };
    }
  }

  /** Starts a full sync of the organization's workspaces (the backfill); returns the sync run id, retrying until accepted. */
  async function startSync(organization: ChaosOrganization): Promise<string> {
    for (;;) {
      const answer = await call<{ sync_run_id?: string; id?: string }>(organization, "POST", "/integrations/files/sync", {});
      const runId = answer.body?.sync_run_id ?? answer.body?.id;
      if (answer.status === 202 && runId) return runId;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  /** One round of requests for one seeded organization. */
  async function round(): Promise<void> {
    const organization = random.pick(organizations);
    await call(organization, "POST", "/integrations/items/list", {});
    const page = await call<FilesPage>(organization, "GET", `/files?limit=${random.int(5, 50)}`);
    const files = page.body?.data ?? [];
    if (files.length === 0) return;
    const gone = new Set(deleted.filter((entry) => entry.organizationId === organization.organizationId).map((entry) => entry.gongId));
    const candidates = files.filter((file) => !gone.has(file.gong_id));
    const left = deletesLeft.get(organization.organizationId) ?? 0;
    if (left > 0 && random.chance(0.5)) {
      const victims = candidates.filter((file) => !resynced.has(`${organization.organizationId}:${file.gong_id}`)).slice(0, Math.min(left, random.int(1, 3)));
      if (victims.length === 0) return;
      const answer = await call(organization, "POST", "/delete_files", { call_ids: victims.map((file) => file.id) });
      if (answer.status === 202) {
        deletesLeft.set(organization.organizationId, left - victims.length);
        for (const victim of victims) deleted.push({ organizationId: organization.organizationId, gongId: victim.gong_id });
      }
      return;
    }
    const target = random.pick(candidates);
    if (!target) return;
    // Marked before asking: a resync that times out may still have been queued.
    resynced.add(`${organization.organizationId}:${target.gong_id}`);
    await call(organization, "POST", "/resync_file", { call_id: target.id });
  }

  return { tally, deleted, startSync, round };
}
