import type { Kysely } from "kysely";
import type { Call, Database } from "@/db/schema";
import type { TranscriptSentence } from "@/lib/calls/group-turns";
import { type CallViewer, whereVisibleTo } from "./call-access";

/** The call if the viewer may see it; undefined otherwise (callers answer 404 either way). */
export function getVisibleCall(db: Kysely<Database>, viewer: CallViewer, callId: string): Promise<Call | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(callId)) return Promise.resolve(undefined);
  return db.selectFrom("calls").selectAll().where("calls.id", "=", callId).where(whereVisibleTo(viewer)).executeTakeFirst();
}

export type CallPageParty = {
  id: string;
  speakerId: string | null;
  name: string | null;
  email: string | null;
  title: string | null;
  affiliation: string;
  appUserName: string | null;
};

/** Parties with the app user linked to their Gong user, if any. */
export function listCallPageParties(db: Kysely<Database>, call: Pick<Call, "id" | "organization_id">): Promise<CallPageParty[]> {
  return db
    .selectFrom("call_parties")
    .leftJoin("gong_users", (join) =>
      join.onRef("gong_users.gong_id", "=", "call_parties.user_gong_id").on("gong_users.organization_id", "=", call.organization_id),
    )
    .leftJoin("user_gong_links", "user_gong_links.gong_user_id", "gong_users.id")
    .leftJoin("users", "users.id", "user_gong_links.user_id")
    .select([
      "call_parties.id",
      "call_parties.speaker_id as speakerId",
      "call_parties.name",
      "call_parties.email",
      "call_parties.title",
      "call_parties.affiliation",
      "users.name as appUserName",
    ])
    .where("call_parties.call_id", "=", call.id)
    .orderBy("call_parties.affiliation", "desc")
    .orderBy("call_parties.name")
    .execute();
}

export function listTranscriptSentences(db: Kysely<Database>, callId: string): Promise<TranscriptSentence[]> {
  return db
    .selectFrom("transcript_segments")
    .select(["position", "speaker_id as speakerId", "start_ms as startMs", "end_ms as endMs", "text"])
    .where("call_id", "=", callId)
    .orderBy("position")
    .execute();
}

export type CallConnectionFacts = { includeSpeakerLabels: boolean; grantedScopes: string[]; status: string; id: string };

export async function getCallConnectionFacts(db: Kysely<Database>, connectionId: string): Promise<CallConnectionFacts | undefined> {
  const row = await db
    .selectFrom("gong_connections")
    .select(["id", "include_speaker_labels", "granted_scopes", "status"])
    .where("id", "=", connectionId)
    .executeTakeFirst();
  return row && { id: row.id, includeSpeakerLabels: row.include_speaker_labels, grantedScopes: row.granted_scopes, status: row.status };
}
