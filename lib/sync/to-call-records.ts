import type { CallTranscript, ExtensiveCall } from "@/lib/gong/schemas";

export type CallRecord = {
  gong_id: string;
  workspace_gong_id: string | null;
  title: string;
  url: string | null;
  scheduled_at: string | null;
  started_at: string;
  duration_seconds: number | null;
  primary_user_gong_id: string | null;
  direction: string | null;
  system: string | null;
  scope: string | null;
  media_type: string | null;
  language: string | null;
  purpose: string | null;
  meeting_url: string | null;
  is_private: boolean;
  content: string | null;
  interaction: string | null;
  audio_url: string | null;
  video_url: string | null;
};

export type PartyRecord = {
  gong_id: string;
  speaker_id: string | null;
  user_gong_id: string | null;
  name: string | null;
  email: string | null;
  title: string | null;
  affiliation: string;
  methods: string[];
};

export type SegmentRecord = { position: number; speaker_id: string | null; topic: string | null; start_ms: number; end_ms: number; text: string };

/**
 * One `calls/extensive` call as our rows. Imported calls have no parties; a party may lack an id. The schema
 * guarantees a start or a scheduled time; `content` and `interaction` are kept as the JSON Gong sent.
 */
export function toCallRecords(call: ExtensiveCall): { call: CallRecord; parties: PartyRecord[] } {
  const meta = call.metaData;
  const started = (meta.started ?? meta.scheduled)!;
  return {
    call: {
      gong_id: meta.id,
      workspace_gong_id: meta.workspaceId,
      title: meta.title ?? "",
      url: meta.url,
      scheduled_at: meta.scheduled,
      started_at: started,
      duration_seconds: meta.duration === null ? null : Math.round(meta.duration),
      primary_user_gong_id: meta.primaryUserId,
      direction: meta.direction,
      system: meta.system,
      scope: meta.scope,
      media_type: meta.media,
      language: meta.language,
      purpose: meta.purpose,
      meeting_url: meta.meetingUrl,
      is_private: meta.isPrivate ?? false,
      content: call.content === null ? null : JSON.stringify(call.content),
      interaction: call.interaction === null ? null : JSON.stringify(call.interaction),
      audio_url: call.media?.audioUrl ?? null,
      video_url: call.media?.videoUrl ?? null,
    },
    parties: (call.parties ?? []).map((party, index) => ({
      gong_id: party.id ?? `party-${index}`,
      speaker_id: party.speakerId,
      user_gong_id: party.userId,
      name: party.name,
      email: party.emailAddress?.toLowerCase() ?? null,
      title: party.title,
      affiliation: party.affiliation ?? "Unknown",
      methods: party.methods,
    })),
  };
}

/** Gong groups sentences by speaker turn; we store one row per sentence, numbered in transcript order. */
export function toSegmentRecords(transcript: CallTranscript): SegmentRecord[] {
  const segments: SegmentRecord[] = [];
  for (const monologue of transcript.transcript) {
    for (const sentence of monologue.sentences) {
      segments.push({
        position: segments.length,
        speaker_id: monologue.speakerId,
        topic: monologue.topic,
        start_ms: Math.round(sentence.start),
        end_ms: Math.round(sentence.end),
        text: sentence.text,
      });
    }
  }
  return segments;
}
