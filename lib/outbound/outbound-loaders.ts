import DataLoader from "dataloader";
import type { Kysely } from "kysely";
import { markEndpointsFailed, markEndpointsSucceeded } from "@/db/queries/outbound/endpoint-health";
import { type CallOrganization, type CallSubject, listCallOrganizations, listCallSubjects } from "@/db/queries/outbound/event-subjects";
import { type DeliveryAttemptRecord, type NewOutboundDelivery, createOutboundDeliveries, recordDeliveryAttempts } from "@/db/queries/outbound/outbound-deliveries";
import type { Database, OutboundDelivery } from "@/db/schema";

/**
 * The reads and writes a fan-out makes for each of its events and deliveries, gathered over all it handles at once
 * (DataLoader): whatever is asked for together is one query, so a batch of a hundred calls and their two hundred
 * first attempts cost a few dozen queries rather than several hundred. Reads are asked for in the same turn of the
 * event loop and remembered for the loaders' life (one fan-out step); writes come as responses arrive, so they are
 * gathered over `writeWindowMs`. A fresh set serves a single event or attempt as well.
 */
export type OutboundLoaders = {
  callOrganization: DataLoader<string, CallOrganization | undefined>;
  callSubject: DataLoader<string, CallSubject | undefined>;
  /** Records each event's deliveries (createOutboundDeliveries); answers each event's stored rows. */
  deliveries: DataLoader<NewOutboundDelivery[], OutboundDelivery[]>;
  /** Counts a delivery's attempt (recordDeliveryAttempts). */
  attempt: DataLoader<DeliveryAttemptRecord & { id: string; at: Date }, void>;
  /** Ends an endpoint's failure streak (markEndpointsSucceeded). */
  endpointSucceeded: DataLoader<string, void>;
  /** Starts or continues an endpoint's failure streak; answers since when (markEndpointsFailed). */
  endpointFailed: DataLoader<string, Date | null>;
};

export function createOutboundLoaders(db: Kysely<Database>, { writeWindowMs = 0 } = {}): OutboundLoaders {
  const byId =
    <T>(list: (ids: readonly string[]) => Promise<Map<string, T>>) =>
    async (ids: readonly string[]) => {
      const found = await list(ids);
      return ids.map((id) => found.get(id));
    };
  const writes = writeBatching(writeWindowMs);
  return {
    callOrganization: new DataLoader(byId((ids) => listCallOrganizations(db, ids))),
    callSubject: new DataLoader(byId((ids) => listCallSubjects(db, ids))),
    deliveries: new DataLoader(async (groups) => {
      // One answer per delivery asked for, in order: each event takes as many as it asked for.
      const stored = await createOutboundDeliveries(db, groups.flat());
      let next = 0;
      return groups.map((group) => {
        const rows = stored.slice(next, next + group.length);
        next += group.length;
        return rows.filter((row) => row !== undefined);
      });
    }, writes),
    ...createAttemptWriters(db, { writeWindowMs }),
  };
}

/** Where what came of attempts is written; a delivery run's single attempt needs these alone. */
export type AttemptWriters = Pick<OutboundLoaders, "attempt" | "endpointSucceeded" | "endpointFailed">;

export function createAttemptWriters(db: Kysely<Database>, { writeWindowMs = 0 } = {}): AttemptWriters {
  const writes = writeBatching(writeWindowMs);
  return {
    attempt: new DataLoader(async (attempts) => {
      await recordDeliveryAttempts(db, attempts);
      return attempts.map(() => undefined);
    }, writes),
    endpointSucceeded: new DataLoader(async (ids) => {
      await markEndpointsSucceeded(db, ids);
      return ids.map(() => undefined);
    }, writes),
    endpointFailed: new DataLoader(async (ids) => {
      const failingSince = await markEndpointsFailed(db, ids);
      return ids.map((id) => failingSince.get(id) ?? null);
    }, writes),
  };
}

/** Writes are not remembered, and are gathered over a window, since they come as the receivers' answers arrive. */
function writeBatching(writeWindowMs: number) {
  return { cache: false, ...(writeWindowMs > 0 ? { batchScheduleFn: (callback: () => void) => setTimeout(callback, writeWindowMs) } : {}) };
}
