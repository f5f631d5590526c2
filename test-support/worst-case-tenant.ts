import type { GongConnection, SyncRun } from "@/db/schema";
import type { GongUser } from "@/lib/gong/schemas/users";

/**
 * A Gong tenant as large as Callbridge plans for, held as counts rather than rows, and the app's Gong and database
 * layer answering from it at once, for tests of what the Inngest functions do at that size (how many steps a run
 * takes, how large its state and its event requests grow), which the real layer would take hours to show. Each
 * fake keeps the real function's signature and answers in the real shapes: the functions' own code builds every
 * step output and event from them.
 */
export const WORST_CASE_TENANT = { calls: 1_000_000, gongUsers: 200_000, dueConnections: 5_000 } as const;

const PAGE = 100;
const ORGANIZATION_ID = "00000000-0000-4000-8000-00000000000a";
const CONNECTION_ID = "00000000-0000-4000-8000-00000000000c";
// Gong's cursors are long signed tokens; the fake's are at least as long.
const CURSOR_PADDING = "c".repeat(480);

const uuidOf = (prefix: number, index: number) => `00000000-0000-4000-8${prefix.toString(16).padStart(3, "0")}-${index.toString(16).padStart(12, "0")}`;
const indexOfUuid = (id: string) => Number.parseInt(id.slice(-12), 16);
const gongIdOf = (index: number) => `7${index.toString().padStart(18, "0")}`;
const cursorOf = (offset: number) => `${CURSOR_PADDING}.${offset}`;
const offsetOf = (cursor: string | null | undefined) => (cursor ? Number(cursor.split(".").at(-1)) : 0);
const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

export type TenantShape = {
  calls: number;
  gongUsers: number;
  dueConnections: number;
  /** Workspaces the calls are spread over, evenly. */
  workspaces: number;
  /** Whether transcripts Gong had not finished arrive at the next check (false: never, the late checks' worst case). */
  transcriptsArrive: boolean;
};

/** The tenant the fakes answer from; `reset` gives it a shape and forgets what was computed or deleted. */
export const tenant = {
  shape: { ...WORST_CASE_TENANT, workspaces: 1, transcriptsArrive: true } as TenantShape,
  callsLeft: 0,
  runKind: "backfill" as SyncRun["kind"],
  reset(shape: Partial<TenantShape> = {}, runKind: SyncRun["kind"] = "backfill") {
    this.shape = { ...WORST_CASE_TENANT, workspaces: 1, transcriptsArrive: true, ...shape };
    this.callsLeft = this.shape.calls;
    this.runKind = runKind;
  },
  workspaceIds(): string[] {
    return range(1, this.shape.workspaces).map((index) => `9${index.toString().padStart(17, "0")}`);
  },
};

const connection = {
  id: CONNECTION_ID,
  organization_id: ORGANIZATION_ID,
  status: "connected",
  connected_by_user_id: null,
  connected_at: new Date(0),
  granted_scopes: ["api:calls:read:extensive", "api:calls:read:transcript", "api:users:read", "api:workspaces:read", "api:calls:read:media-url"],
  sync_on_connect: true,
  include_new_workspaces: true,
} as unknown as GongConnection;

const noop = async () => undefined;

export const fakeGongConnections = {
  getGongConnection: async () => connection,
} satisfies Partial<typeof import("@/db/queries/gong-connections")>;

export const fakeSyncRuns = {
  createSyncRun: async (_db, input) => input.id ?? uuidOf(0xf, 0),
  getSyncRun: async (_db, id) => ({ id, kind: tenant.runKind, status: "running", organization_id: ORGANIZATION_ID, connection_id: CONNECTION_ID, started_at: new Date(), requested_by_user_id: null }) as unknown as SyncRun,
  markSyncRunRunning: async () => true,
  setSyncRunWorkspacesTotal: noop,
  addSyncRunDeletedCalls: noop,
  finishSyncRun: noop,
  failStaleQueuedSyncRuns: async () => 0,
  failQueuedSyncRunsScheduledBy: noop,
  listQuietSyncRunWorkflows: async () => [],
  failQuietSyncRuns: async () => 0,
} satisfies Partial<typeof import("@/db/queries/sync-runs")>;

export const fakeSyncRunProgress = {
  recordSyncRunProgress: noop,
} satisfies Partial<typeof import("@/db/queries/sync-run-progress")>;

export const fakeSyncWatermarks = {
  upsertSyncWatermark: noop,
  listConnectionsDueForSync: async () =>
    range(0, tenant.shape.dueConnections).map((index) => ({
      id: uuidOf(0xc, index),
      organization_id: uuidOf(0xa, index),
      sync_on_connect: true,
      synced_through: new Date(),
      connected_at: new Date(0),
    })),
} satisfies Partial<typeof import("@/db/queries/sync-watermarks")>;

export const fakeGongUsers = { upsertGongUsers: noop } satisfies Partial<typeof import("@/db/queries/gong-users")>;
export const fakeUserGongLinks = { linkUsersByEmail: async () => 0 } satisfies Partial<typeof import("@/db/queries/user-gong-links")>;
export const fakeGongWorkspaces = { markWorkspaceSynced: noop } satisfies Partial<typeof import("@/db/queries/gong-workspaces")>;
export const fakeLateTranscripts = { markTranscriptsUnavailable: noop } satisfies Partial<typeof import("@/db/queries/late-transcripts")>;
export const fakeDeletedCalls = {
  deleteCallsByGongId: async (_db, input) => input.gongIds,
} satisfies Partial<typeof import("@/db/queries/deleted-calls")>;

export const fakePurgeSyncedData = {
  deleteSyncedCallsBatch: async (_db, _organizationId, limit = 500) => {
    const deleted = Math.min(limit, tenant.callsLeft);
    tenant.callsLeft -= deleted;
    return deleted;
  },
  purgeSyncedRecords: noop,
} satisfies Partial<typeof import("@/db/queries/purge-synced-data")>;

/** Calls are ordered by id, as the queries order them; every call lacks insights and a summary. */
const callIdsAfter = (afterId: string | null | undefined, limit: number) => {
  const from = afterId ? indexOfUuid(afterId) + 1 : 0;
  return range(from, Math.max(0, Math.min(limit, tenant.shape.calls - from))).map((index) => uuidOf(1, index));
};

export const fakeCallInsights = {
  listCallIdsWithoutInsights: async (_db, input) => callIdsAfter(input.afterId, input.limit),
  listCallIdsWithoutLlmSummary: async (_db, input) => callIdsAfter(input.afterId, input.limit),
  listCallIdsWithStaleTrackerHits: async (_db, input) => callIdsAfter(input.afterId, input.limit),
} satisfies Partial<typeof import("@/db/queries/call-insights")>;

export const fakeTrackers = {
  ensureDefaultTrackers: async (_db, organizationId) => [{ id: uuidOf(5, 1), organization_id: organizationId, name: "Pricing", keywords: ["price"] }] as never,
} satisfies Partial<typeof import("@/db/queries/trackers")>;

export const fakeRefreshCallInsights = {
  computeAndStoreCallsInsights: async (_db, callIds) => new Map(callIds.map((id) => [id, {} as never])),
  computeAndStoreCallInsights: async () => ({ sentenceCount: 400 }) as never,
} satisfies Partial<typeof import("@/lib/calls/refresh-call-insights")>;

export const fakeSummarizeCallWithLlm = {
  summarizeCallsWithLlm: async (_db, callIds) => ({ summarized: callIds.length, failed: 0 }),
} satisfies Partial<typeof import("@/lib/calls/summarize-call-with-llm")>;

/** A workspace's calls are a contiguous block of the tenant's, paged by 100 with Gong-length cursors. */
export const fakeSyncCallPage = {
  syncCallPage: async (_db, _config, input) => {
    const later = input.transcripts === "later";
    if (input.filter.callIds) {
      const gongIds = input.filter.callIds;
      return { nextCursor: null, callIds: gongIds.map((_, index) => uuidOf(2, index)), pendingGongIds: later ? gongIds : [], calls: gongIds.length, quarantined: 0, cursorExpired: false };
    }
    const workspaces = tenant.workspaceIds();
    const position = Math.max(0, workspaces.indexOf(input.filter.workspaceId ?? ""));
    const perWorkspace = Math.ceil(tenant.shape.calls / workspaces.length);
    const first = position * perWorkspace;
    const size = Math.max(0, Math.min(perWorkspace, tenant.shape.calls - first));
    const offset = offsetOf(input.cursor);
    const count = Math.min(PAGE, size - offset);
    const indexes = range(first + offset, count);
    return {
      nextCursor: offset + count < size ? cursorOf(offset + count) : null,
      callIds: indexes.map((index) => uuidOf(1, index)),
      pendingGongIds: later ? indexes.map(gongIdOf) : [],
      calls: count,
      quarantined: 0,
      cursorExpired: false,
    };
  },
} satisfies Partial<typeof import("@/lib/sync/sync-call-page")>;

export const fakeFetchLateTranscripts = {
  fetchLateTranscripts: async (_db, _config, input) =>
    tenant.shape.transcriptsArrive ? { stored: input.callGongIds.map((_, index) => uuidOf(3, index)), remaining: [] } : { stored: [], remaining: input.callGongIds },
} satisfies Partial<typeof import("@/lib/sync/fetch-late-transcripts")>;

/** A full batch of quarantined calls waits for every sync (the most a run retries). */
export const fakeQuarantinedGongRecords = {
  listQuarantinedCallIdsToRetry: async (_db, _connectionId, _before, limit) => range(0, limit).map(gongIdOf),
  forgetQuarantinedRecords: async () => undefined,
} satisfies Partial<typeof import("@/db/queries/quarantined-gong-records")>;

export const fakeDiscoverWorkspaces = {
  discoverWorkspaces: async () => ({ targets: tenant.workspaceIds(), added: [] }),
} satisfies Partial<typeof import("@/lib/sync/discover-workspaces")>;

const userOf = (index: number): GongUser => ({
  id: gongIdOf(index),
  emailAddress: `user-${index}@acme.test`,
  created: null,
  active: true,
  emailAliases: [],
  trustedEmailAddress: null,
  firstName: "First",
  lastName: `Last ${index}`,
  title: "Account Executive",
  phoneNumber: null,
  extension: null,
  personalMeetingUrls: [],
  settings: null,
  managerId: null,
  meetingConsentPageUrl: null,
  spokenLanguages: [],
});

export const fakeGongClient = {
  listUsers: async (_context, input = {}) => {
    const offset = offsetOf(input.cursor);
    const count = Math.min(PAGE, tenant.shape.gongUsers - offset);
    const nextCursor = offset + count < tenant.shape.gongUsers ? cursorOf(offset + count) : null;
    return { items: range(offset, count).map(userOf), rejected: [], records: null, nextCursor };
  },
} satisfies Partial<typeof import("@/lib/gong/client")>;

export const fakeCreateGongContext = {
  createGongContext: async () => ({ baseUrl: "http://gong.invalid", accessToken: "unused" }),
} satisfies Partial<typeof import("@/lib/gong-connection/create-gong-context")>;

export const fakeGongConfig = {
  getGongAppConfig: () => ({}) as never,
} satisfies Partial<typeof import("@/lib/gong-connection/config")>;

/**
 * Outbound webhooks at their most: a stored call with its transcript is two events, each to the most endpoints an
 * organization's events can reach (its own 20 and as many of platform keys'), and every attempt of a delivery first
 * waits for its throttle slot, then fails, through the whole retry schedule.
 */
const OUTBOUND_ENDPOINTS_REACHED = 60;
export const fakeOutboundEventRequests = {
  toOutboundEventRequests: async (_db, event) =>
    ["call.synced", "call.transcript_ready"].map((type) => ({
      request: { type: type as "call.synced", organizationId: ORGANIZATION_ID, subjectId: String(event.data.callId ?? event.id), occurredAt: new Date(0).toISOString() },
      sourceKey: `${event.id}-${type}`,
    })),
} satisfies Partial<typeof import("@/lib/outbound/to-outbound-event-request")>;
export const fakeRecordOutboundDeliveries = {
  recordOutboundDeliveries: async (_db, request) =>
    range(0, OUTBOUND_ENDPOINTS_REACHED).map((index) => ({
      // One delivery per event, type and endpoint: the subject (a call's Gong id in a batch) tells the events apart.
      deliveryId: `00000000-${(Number(request.subjectId.slice(-4)) || 0).toString(16).padStart(4, "0")}-4000-8${request.type.length.toString(16).padStart(3, "0")}-${index.toString(16).padStart(12, "0")}`,
      endpointId: `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`,
    })),
} satisfies Partial<typeof import("@/lib/outbound/record-outbound-deliveries")>;
export const fakeAttemptDelivery = {
  attemptDelivery: async (_db, _id, options) => (options.slotReserved ? { kind: "retry", error: "HTTP 500" } : { kind: "throttled", untilMs: Date.now() + 10 }),
} satisfies Partial<typeof import("@/lib/outbound/attempt-delivery")>;

/** The app's `db` where the functions use it themselves: transactions whose work the fakes above do. */
const fakeDb: { isTransaction: boolean; transaction(): { execute<T>(work: (trx: unknown) => Promise<T>): Promise<T> } } = {
  isTransaction: true,
  transaction: () => ({ execute: (work) => work(fakeDb) }),
};
export const fakeDbModule = { db: fakeDb as never };

export const TENANT_IDS = { organizationId: ORGANIZATION_ID, connectionId: CONNECTION_ID };
