import type { Kysely } from "kysely";
import type { Call, CallParty, Database, GongConnection, SyncRun } from "@/db/schema";

export type CallSubject = {
  call: Pick<Call, "id" | "organization_id" | "gong_id" | "title" | "started_at" | "duration_seconds" | "workspace_gong_id" | "transcript_status">;
  customerId: string | null;
  parties: Pick<CallParty, "name" | "email" | "affiliation" | "speaker_id">[];
  insights: unknown;
  llmSummary: string | null;
};

/**
 * What each call's event tells a receiver: the call, its parties and its insights, with its organization's external
 * id, in two queries however many calls; calls that are gone are missing.
 */
export async function listCallSubjects(db: Kysely<Database>, callIds: readonly string[]): Promise<Map<string, CallSubject>> {
  if (callIds.length === 0) return new Map();
  const calls = await db
    .selectFrom("calls")
    .innerJoin("organizations", "organizations.id", "calls.organization_id")
    .leftJoin("call_insights", "call_insights.call_id", "calls.id")
    .select([
      "calls.id",
      "calls.organization_id",
      "calls.gong_id",
      "calls.title",
      "calls.started_at",
      "calls.duration_seconds",
      "calls.workspace_gong_id",
      "calls.transcript_status",
      "organizations.external_id",
      "call_insights.insights",
      "call_insights.llm_summary",
    ])
    .where("calls.id", "in", callIds)
    .execute();
  if (calls.length === 0) return new Map();
  const parties = await db
    .selectFrom("call_parties")
    .select(["call_id", "name", "email", "affiliation", "speaker_id"])
    .where("call_id", "in", calls.map((call) => call.id))
    .orderBy("call_id")
    .orderBy("name")
    .execute();
  const partiesOf = new Map<string, CallSubject["parties"]>();
  for (const { call_id, ...party } of parties) {
    const list = partiesOf.get(call_id);
    if (list) list.push(party);
    else partiesOf.set(call_id, [party]);
  }
  return new Map(
    calls.map(({ external_id, insights, llm_summary, ...call }) => [
      call.id,
      {
        call,
        customerId: external_id,
        parties: partiesOf.get(call.id) ?? [],
        insights: insights ?? null,
        llmSummary: llm_summary ?? null,
      },
    ]),
  );
}

export async function listCallTranscript(db: Kysely<Database>, callId: string): Promise<{ speaker_id: string | null; start_ms: number; text: string }[]> {
  return db.selectFrom("transcript_segments").select(["speaker_id", "start_ms", "text"]).where("call_id", "=", callId).orderBy("position").execute();
}

export async function getSyncRunSubject(db: Kysely<Database>, runId: string): Promise<{ run: SyncRun; customerId: string | null } | undefined> {
  const run = await db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run) return undefined;
  return { run, customerId: await getCustomerId(db, run.organization_id) };
}

export async function getConnectionSubject(
  db: Kysely<Database>,
  connectionId: string,
): Promise<{ connection: Pick<GongConnection, "id" | "organization_id" | "status" | "gong_account_email">; customerId: string | null } | undefined> {
  const connection = await db.selectFrom("gong_connections").select(["id", "organization_id", "status", "gong_account_email"]).where("id", "=", connectionId).executeTakeFirst();
  if (!connection) return undefined;
  return { connection, customerId: await getCustomerId(db, connection.organization_id) };
}

export async function getCustomerId(db: Kysely<Database>, organizationId: string): Promise<string | null> {
  const row = await db.selectFrom("organizations").select("external_id").where("id", "=", organizationId).executeTakeFirst();
  return row?.external_id ?? null;
}

export type CallOrganization = { organization_id: string; transcript_status: string };

/** Each call's organization and whether its transcript is in, in one query; calls that are gone are missing. */
export async function listCallOrganizations(db: Kysely<Database>, callIds: readonly string[]): Promise<Map<string, CallOrganization>> {
  if (callIds.length === 0) return new Map();
  const rows = await db.selectFrom("calls").select(["id", "organization_id", "transcript_status"]).where("id", "in", callIds).execute();
  return new Map(rows.map(({ id, ...call }) => [id, call]));
}

export async function getSyncRunOutcome(db: Kysely<Database>, runId: string): Promise<{ organization_id: string; status: string } | undefined> {
  return db.selectFrom("sync_runs").select(["organization_id", "status"]).where("id", "=", runId).executeTakeFirst();
}
