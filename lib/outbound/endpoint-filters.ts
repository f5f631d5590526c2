import { z } from "zod";
import type { CallFacts } from "./build-event-body";

/** Which calls a Slack endpoint posts: all by default; each filter set narrows them. */
export const endpointFiltersSchema = z.strictObject({
  externalOnly: z.boolean().optional().describe("Only calls with at least one external participant."),
  workspaceGongIds: z.array(z.string().min(1).max(40)).max(100).optional().describe("Only calls in these Gong workspaces."),
  trackerIds: z.array(z.uuid()).max(100).optional().describe("Only calls where at least one of these trackers was hit."),
});

export type EndpointFilters = z.infer<typeof endpointFiltersSchema>;

export function matchesFilters(rawFilters: unknown, facts: CallFacts | undefined): boolean {
  const parsed = endpointFiltersSchema.safeParse(rawFilters ?? {});
  if (!parsed.success || !facts) return false;
  const filters = parsed.data;
  if (filters.externalOnly && !facts.hasExternalParticipants) return false;
  if (filters.workspaceGongIds?.length && !filters.workspaceGongIds.includes(facts.workspaceGongId ?? "")) return false;
  if (filters.trackerIds?.length && !filters.trackerIds.some((id) => facts.trackerIdsHit.includes(id))) return false;
  return true;
}
