import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Hand-maintained mirror of db/migrations; one spelling of every column, as in SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type Role = "admin" | "rep";

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  external_id: string | null;
  /** Set once the default trackers were given; an organization never gets them twice. */
  default_trackers_seeded_at: Timestamp | null;
  /** A user linked to a Gong manager sees their reports' calls (db/queries/call-access.ts); on by default. */
  managers_see_team: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  password_change_required: Generated<boolean>;
  /** Raised to end every session issued before; each session token carries the version it was issued at. */
  session_version: Generated<number>;
  /** Set while the user is deactivated: sign-in is refused and their sessions have ended; their data stays. */
  deactivated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  organization_id: string;
  actor_user_id: string | null;
  action: string;
  target: string | null;
  details: Json;
  created_at: Timestamp;
}

/** The attempts counted against one sign-in limit key within the window, oldest first (lib/auth/sign-in-limits.ts). */
export interface SignInAttemptsTable {
  key: string;
  counted_at: ColumnType<Date[], Date[] | undefined, Date[]>;
  updated_at: Timestamp;
}

export type GongConnectionStatus = "connected" | "needs_reauth" | "revoked";

export type WebhookAuth = "jwt" | "url-key";

export interface GongConnectionsTable {
  id: Generated<string>;
  organization_id: string;
  status: GongConnectionStatus;
  connected_by_user_id: string | null;
  connected_at: Timestamp | null;
  gong_account_email: string | null;
  granted_scopes: ColumnType<string[], string[] | undefined, string[]>;
  api_base_url: string | null;
  access_token_encrypted: string | null;
  refresh_token_encrypted: string | null;
  access_token_expires_at: Timestamp | null;
  token_refreshed_at: Timestamp | null;
  token_refresh_locked_until: Timestamp | null;
  /** Bumped by every write of the tokens, the refresh lease or the status; refreshes are conditional on it. */
  token_version: Generated<number>;
  last_token_error: string | null;
  sync_on_connect: Generated<boolean>;
  include_speaker_labels: Generated<boolean>;
  auto_sync_interval_hours: ColumnType<number | null, number | null | undefined, number | null>;
  revoked_at: Timestamp | null;
  revoked_by_user_id: string | null;
  include_new_workspaces: Generated<boolean>;
  webhook_auth: ColumnType<WebhookAuth, WebhookAuth | undefined, WebhookAuth>;
  /** Bare base64 SPKI as Gong's "Show public key" gives it. */
  webhook_public_key: string | null;
  webhook_url_key_encrypted: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GongOauthStatesTable {
  state_hash: string;
  organization_id: string;
  user_id: string | null;
  gong_account_email: string | null;
  settings: Json;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface GongRequestSlotsTable {
  connection_id: string;
  next_slot_at: Timestamp;
}

export interface ApiUsageTable {
  connection_id: string;
  day: ColumnType<string, string, string>;
  requests: Generated<number>;
  rate_limited: Generated<number>;
  failed: Generated<number>;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface GongWorkspacesTable {
  id: Generated<string>;
  organization_id: string;
  connection_id: string;
  gong_id: string;
  name: string;
  description: string | null;
  sync_enabled: Generated<boolean>;
  is_new: Generated<boolean>;
  discovered_at: Timestamp;
  last_synced_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GongUsersTable {
  id: Generated<string>;
  organization_id: string;
  gong_id: string;
  email: string | null;
  email_aliases: TextArray;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  active: Generated<boolean>;
  manager_gong_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type LinkSource = "email" | "manual";

/** A row with gong_user_id null and source "manual" records that an admin unlinked the user on purpose. */
export interface UserGongLinksTable {
  user_id: string;
  organization_id: string;
  gong_user_id: string | null;
  source: LinkSource;
  created_at: Timestamp;
}

export type TranscriptStatus = "pending" | "ready" | "unavailable";
/** Why an `unavailable` transcript is missing: the scope was not granted, or Gong made none within 48 hours. */
export type TranscriptUnavailableReason = "scope_missing" | "timed_out";

export interface CallsTable {
  id: Generated<string>;
  organization_id: string;
  connection_id: string;
  gong_id: string;
  workspace_gong_id: string | null;
  title: Generated<string>;
  url: string | null;
  scheduled_at: Timestamp | null;
  started_at: Timestamp;
  duration_seconds: number | null;
  primary_user_gong_id: string | null;
  direction: string | null;
  system: string | null;
  scope: string | null;
  media_type: string | null;
  language: string | null;
  purpose: string | null;
  meeting_url: string | null;
  is_private: Generated<boolean>;
  content: Json | null;
  interaction: Json | null;
  audio_url: string | null;
  video_url: string | null;
  media_fetched_at: Timestamp | null;
  /** While in the future, one request is asking Gong for this call's media; others wait for what it stores. */
  media_fetch_lease_until: Timestamp | null;
  transcript_status: ColumnType<TranscriptStatus, TranscriptStatus | undefined, TranscriptStatus>;
  transcript_segment_count: Generated<number>;
  transcript_unavailable_reason: TranscriptUnavailableReason | null;
  synced_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallPartiesTable {
  id: Generated<string>;
  call_id: string;
  gong_id: string;
  speaker_id: string | null;
  user_gong_id: string | null;
  name: string | null;
  email: string | null;
  title: string | null;
  affiliation: Generated<string>;
  methods: TextArray;
}

export interface TranscriptSegmentsTable {
  call_id: string;
  position: number;
  /** Its call's organization, so the search index is looked up per organization. */
  organization_id: string;
  speaker_id: string | null;
  topic: string | null;
  start_ms: number;
  end_ms: number;
  text: string;
  search_vector: ColumnType<string, never, never>;
}

export interface DeletedCallsTable {
  organization_id: string;
  gong_id: string;
  deleted_by_user_id: string | null;
  deleted_at: Timestamp;
}

export type SyncRunKind = "backfill" | "scheduled" | "manual" | "single_call" | "resync" | "delete" | "purge";
export type SyncRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface SyncRunsTable {
  id: Generated<string>;
  organization_id: string;
  connection_id: string;
  kind: SyncRunKind;
  status: ColumnType<SyncRunStatus, SyncRunStatus | undefined, SyncRunStatus>;
  requested_by_user_id: string | null;
  params: Json;
  workspaces_total: Generated<number>;
  workspaces_done: Generated<number>;
  calls_total: number | null;
  pages: Generated<number>;
  calls: Generated<number>;
  transcripts: Generated<number>;
  transcripts_pending: Generated<number>;
  users: Generated<number>;
  skipped_deleted: Generated<number>;
  gong_requests: Generated<number>;
  quarantined: Generated<number>;
  error: string | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The Inngest run driving this run now (the last to mark it running); null before it started. */
  workflow_run_id: string | null;
}

/** One unit of a run's work under a stable key; the run's counters are the sums over its rows. */
export interface SyncRunProgressTable {
  run_id: string;
  key: string;
  pages: Generated<number>;
  calls: Generated<number>;
  calls_total: number | null;
  transcripts: Generated<number>;
  transcripts_pending: Generated<number>;
  users: Generated<number>;
  skipped_deleted: Generated<number>;
  workspaces_done: Generated<number>;
  quarantined: Generated<number>;
  updated_at: Timestamp;
}

/** Which response a quarantined call failed in: `calls/extensive` (not stored) or `calls/transcript` (stored without it). */
export type QuarantineSource = "call" | "transcript";

/** A Gong call a sync could not store; what failed and where, never the payload. Keyed like `calls`. */
export interface QuarantinedGongRecordsTable {
  organization_id: string;
  connection_id: string;
  gong_id: string;
  source: QuarantineSource;
  /** The first failing field, relative to the call or its transcript, e.g. `parties[2].speakerId`. */
  field_path: string;
  /** The JSON type found there (`number`, `null`, `missing`, …). */
  value_type: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SyncWatermarksTable {
  connection_id: string;
  synced_through: Timestamp;
  last_run_started_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallInsightsTable {
  call_id: string;
  version: number;
  /** Hash of the organization's trackers when computed; a different hash means tracker hits are stale. */
  trackers_hash: string;
  insights: Json;
  llm_summary: string | null;
  computed_at: Timestamp;
}

/** One call's trend figures and the bucket it counts in; kept by the insights code, see the 2026_12_06_1900 migration. */
export interface CallMetricsTable {
  call_id: string;
  organization_id: string;
  rep_gong_id: string;
  /** '' when the call has no workspace. */
  workspace_gong_id: string;
  /** Monday of the call's UTC week, "YYYY-MM-DD". */
  week_start: string;
  talk_ratio: number | null;
  longest_monologue_seconds: number | null;
  questions_asked: number;
  patience_seconds: number | null;
  interactivity: number | null;
  /** Tracker name → mentions in the call. */
  tracker_mentions: Json;
}

/** Sums and counts per rep, workspace and UTC week, maintained by triggers on call_metrics (never written by the app). */
export interface RepWeeklyMetricsTable {
  organization_id: string;
  rep_gong_id: string;
  workspace_gong_id: string;
  week_start: string;
  call_count: number;
  talk_ratio_sum: number;
  talk_ratio_count: number;
  longest_monologue_sum: number;
  longest_monologue_count: number;
  questions_sum: ColumnType<string, string | number, string | number>;
  patience_sum: number;
  patience_count: number;
  interactivity_sum: number;
  interactivity_count: number;
  tracker_mentions: Json;
}

export interface TrackersTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  keywords: TextArray;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ApiKeyKind = "organization" | "platform";

export interface ApiKeysTable {
  id: Generated<string>;
  kind: ApiKeyKind;
  organization_id: string | null;
  name: string;
  prefix: string;
  secret_hash: string;
  created_by_user_id: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** After this the key is refused; set at creation, or when the key is rolled (the old secret's overlap). */
  expires_at: Timestamp | null;
}

export interface ApiRateLimitsTable {
  api_key_id: string;
  window_start: Timestamp;
  requests: Generated<number>;
}

export interface UserRateLimitsTable {
  user_id: string;
  action: string;
  window_start: Timestamp;
  requests: Generated<number>;
}

/** deferred: verified, but the connection needs re-authorization; synced once Gong is connected again. */
export type WebhookDeliveryOutcome = "accepted" | "test" | "rejected" | "deferred";

/** The verdict on one webhook request to a known connection; the body itself is never stored. */
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  organization_id: string;
  connection_id: string;
  received_at: Timestamp;
  outcome: WebhookDeliveryOutcome;
  reason: string | null;
  http_status: number;
  call_gong_id: string | null;
  is_test: Generated<boolean>;
  /** The sync event's id; for a deferred delivery what took it up once reconnected: a sync run's id, "stored" or "deleted". */
  event_id: string | null;
  /** The method the delivery was checked with; null for deliveries recorded before it was kept. */
  auth: WebhookAuth | null;
}

export type WebhookEndpointFormat = "standard" | "slack";

/** Where Callbridge pushes its events: an organization's, or a platform key's for all its customers. */
export interface WebhookEndpointsTable {
  id: Generated<string>;
  organization_id: string | null;
  api_key_id: string | null;
  format: Generated<WebhookEndpointFormat>;
  /** A Slack endpoint's masked URL once `url_encrypted` holds the real one. */
  url: string;
  /** Slack endpoints: the incoming-webhook URL, encrypted with TOKEN_ENCRYPTION_KEY (null: a standard endpoint, or stored before encryption). */
  url_encrypted: string | null;
  description: Generated<string>;
  event_types: TextArray;
  include_transcript: Generated<boolean>;
  /** Slack endpoints: { externalOnly?, workspaceGongIds?, trackerIds? } (lib/outbound/endpoint-filters.ts). */
  filters: Json;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  disabled_at: Timestamp | null;
  throttle_per_second: number | null;
  /** The earliest time the next throttled delivery may start. */
  next_slot_at: Timestamp | null;
  /** Since when every attempt failed; cleared by a success. */
  failing_since: Timestamp | null;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Timestamp | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OutboundDeliveryStatus = "pending" | "delivered" | "failed" | "cancelled";

/** One event to one endpoint; `message_id` is the webhook-id of every attempt and of every replay. */
export interface OutboundDeliveriesTable {
  id: Generated<string>;
  endpoint_id: string;
  organization_id: string | null;
  message_id: string;
  event_type: string;
  payload: Json;
  status: Generated<OutboundDeliveryStatus>;
  attempts: Generated<number>;
  response_status: number | null;
  latency_ms: number | null;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  replay_of: string | null;
  created_at: Timestamp;
  first_attempt_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  audit_events: AuditEventsTable;
  sign_in_attempts: SignInAttemptsTable;
  gong_connections: GongConnectionsTable;
  gong_oauth_states: GongOauthStatesTable;
  gong_request_slots: GongRequestSlotsTable;
  api_usage: ApiUsageTable;
  gong_workspaces: GongWorkspacesTable;
  gong_users: GongUsersTable;
  user_gong_links: UserGongLinksTable;
  calls: CallsTable;
  call_parties: CallPartiesTable;
  transcript_segments: TranscriptSegmentsTable;
  deleted_calls: DeletedCallsTable;
  sync_runs: SyncRunsTable;
  sync_run_progress: SyncRunProgressTable;
  sync_watermarks: SyncWatermarksTable;
  quarantined_gong_records: QuarantinedGongRecordsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  call_insights: CallInsightsTable;
  call_metrics: CallMetricsTable;
  rep_weekly_metrics: RepWeeklyMetricsTable;
  trackers: TrackersTable;
  api_keys: ApiKeysTable;
  api_rate_limits: ApiRateLimitsTable;
  user_rate_limits: UserRateLimitsTable;
  webhook_endpoints: WebhookEndpointsTable;
  outbound_deliveries: OutboundDeliveriesTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type GongConnection = Selectable<GongConnectionsTable>;
export type GongWorkspace = Selectable<GongWorkspacesTable>;
export type GongUser = Selectable<GongUsersTable>;
export type Call = Selectable<CallsTable>;
export type CallParty = Selectable<CallPartiesTable>;
export type TranscriptSegment = Selectable<TranscriptSegmentsTable>;
export type SyncRun = Selectable<SyncRunsTable>;
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;
export type Tracker = Selectable<TrackersTable>;
export type QuarantinedGongRecord = Selectable<QuarantinedGongRecordsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type WebhookEndpoint = Selectable<WebhookEndpointsTable>;
export type OutboundDelivery = Selectable<OutboundDeliveriesTable>;
