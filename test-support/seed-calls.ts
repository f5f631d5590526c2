import type { Kysely } from "kysely";
import type { Database, Role, TranscriptStatus } from "../db/schema";

/**
 * Small insert helpers for calls and everything around them, for integration tests, e2e seeding and
 * benchmarks. They write rows directly; nothing here talks to Gong.
 */

export async function seedOrganization(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db.insertInto("organizations").values({ name }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function seedUser(
  db: Kysely<Database>,
  user: { organizationId: string; email: string; name: string; role: Role; passwordHash?: string },
): Promise<string> {
  const row = await db
    .insertInto("users")
    .values({
      organization_id: user.organizationId,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash ?? "not-a-hash",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedConnection(
  db: Kysely<Database>,
  organizationId: string,
  options: { grantedScopes?: string[]; includeSpeakerLabels?: boolean; apiBaseUrl?: string } = {},
): Promise<string> {
  const row = await db
    .insertInto("gong_connections")
    .values({
      organization_id: organizationId,
      status: "connected",
      connected_at: new Date(),
      granted_scopes: options.grantedScopes ?? ["api:calls:read:basic", "api:calls:read:extensive", "api:calls:read:transcript", "api:calls:read:media-url", "api:users:read"],
      include_speaker_labels: options.includeSpeakerLabels ?? true,
      api_base_url: options.apiBaseUrl ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedGongUser(
  db: Kysely<Database>,
  user: { organizationId: string; gongId: string; email: string | null; firstName?: string; lastName?: string; emailAliases?: string[] },
): Promise<string> {
  const row = await db
    .insertInto("gong_users")
    .values({
      organization_id: user.organizationId,
      gong_id: user.gongId,
      email: user.email,
      email_aliases: user.emailAliases ?? [],
      first_name: user.firstName ?? null,
      last_name: user.lastName ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedUserGongLink(
  db: Kysely<Database>,
  link: { userId: string; organizationId: string; gongUserId: string | null; source?: "email" | "manual" },
): Promise<void> {
  await db
    .insertInto("user_gong_links")
    .values({ user_id: link.userId, organization_id: link.organizationId, gong_user_id: link.gongUserId, source: link.source ?? "email" })
    .execute();
}

export type SeedParty = {
  gongId: string;
  speakerId?: string | null;
  userGongId?: string | null;
  name?: string | null;
  email?: string | null;
  affiliation?: "Internal" | "External" | "Unknown";
};

export type SeedSegment = { speakerId: string | null; startMs: number; endMs: number; text: string; topic?: string | null };

export type SeedCall = {
  organizationId: string;
  connectionId: string;
  gongId: string;
  title?: string;
  startedAt: Date;
  durationSeconds?: number | null;
  primaryUserGongId?: string | null;
  workspaceGongId?: string | null;
  isPrivate?: boolean;
  url?: string | null;
  audioUrl?: string | null;
  videoUrl?: string | null;
  mediaType?: "Video" | "Audio" | null;
  system?: string | null;
  mediaFetchedAt?: Date | null;
  transcriptStatus?: TranscriptStatus;
  content?: unknown;
  interaction?: unknown;
  parties?: SeedParty[];
  segments?: SeedSegment[];
};

export async function seedCall(db: Kysely<Database>, call: SeedCall): Promise<string> {
  const segments = call.segments ?? [];
  const row = await db
    .insertInto("calls")
    .values({
      organization_id: call.organizationId,
      connection_id: call.connectionId,
      gong_id: call.gongId,
      title: call.title ?? `Call ${call.gongId}`,
      url: call.url ?? null,
      started_at: call.startedAt,
      duration_seconds: call.durationSeconds ?? null,
      primary_user_gong_id: call.primaryUserGongId ?? null,
      workspace_gong_id: call.workspaceGongId ?? null,
      is_private: call.isPrivate ?? false,
      audio_url: call.audioUrl ?? null,
      video_url: call.videoUrl ?? null,
      media_type: call.mediaType ?? null,
      system: call.system ?? null,
      media_fetched_at: call.mediaFetchedAt ?? null,
      transcript_status: call.transcriptStatus ?? (segments.length > 0 ? "ready" : "pending"),
      transcript_segment_count: segments.length,
      content: call.content === undefined ? undefined : JSON.stringify(call.content),
      interaction: call.interaction === undefined ? undefined : JSON.stringify(call.interaction),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (call.parties?.length) {
    await db
      .insertInto("call_parties")
      .values(
        call.parties.map((party) => ({
          call_id: row.id,
          gong_id: party.gongId,
          speaker_id: party.speakerId ?? null,
          user_gong_id: party.userGongId ?? null,
          name: party.name ?? null,
          email: party.email ?? null,
          affiliation: party.affiliation ?? "Unknown",
        })),
      )
      .execute();
  }
  for (let start = 0; start < segments.length; start += 1000) {
    await db
      .insertInto("transcript_segments")
      .values(
        segments.slice(start, start + 1000).map((segment, offset) => ({
          call_id: row.id,
          organization_id: call.organizationId,
          position: start + offset,
          speaker_id: segment.speakerId,
          topic: segment.topic ?? null,
          start_ms: segment.startMs,
          end_ms: segment.endMs,
          text: segment.text,
        })),
      )
      .execute();
  }
  return row.id;
}
