import type { Kysely } from "kysely";
import { type ApiFileRow, listApiFileParties, listApiFileSegments } from "@/db/queries/api-files";
import type { Database } from "@/db/schema";
import type { ApiFile, ApiSentence } from "./file-schemas";

/** Rows to the API's file objects, with every call's parties loaded in one query. */
export async function serializeFiles(db: Kysely<Database>, rows: ApiFileRow[]): Promise<ApiFile[]> {
  const parties = await listApiFileParties(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    gong_id: row.gong_id,
    title: row.title,
    url: row.url,
    started_at: new Date(row.started_at).toISOString(),
    duration_seconds: row.duration_seconds,
    workspace: row.workspace_gong_id ? { id: row.workspace_gong_id, name: row.workspace_name } : null,
    parties: parties
      .filter((party) => party.call_id === row.id)
      .map(({ name, email, title, affiliation, speaker_id }) => ({ name, email, title, affiliation, speaker_id })),
    transcript_status: row.transcript_status,
    synced_at: new Date(row.synced_at).toISOString(),
  }));
}

/** The transcript as sentences; speaker names only when the organization chose to include them. */
export async function serializeTranscript(db: Kysely<Database>, file: ApiFile, includeSpeakerLabels: boolean): Promise<ApiSentence[]> {
  const segments = await listApiFileSegments(db, file.id);
  const speakers = new Map(file.parties.filter((party) => party.speaker_id).map((party) => [party.speaker_id, party]));
  return segments.map((segment) => {
    const party = includeSpeakerLabels && segment.speaker_id ? speakers.get(segment.speaker_id) : undefined;
    return {
      start_ms: segment.start_ms,
      end_ms: segment.end_ms,
      text: segment.text,
      speaker_id: segment.speaker_id,
      speaker: party ? { name: party.name, affiliation: party.affiliation } : null,
    };
  });
}
