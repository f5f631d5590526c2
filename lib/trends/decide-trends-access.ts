import type { CallViewer } from "@/db/queries/call-access";

/**
 * What a viewer's trends page may show. The one place the decision is made, so the page, its data loader and their
 * tests agree:
 * - an admin sees the team table of the whole organization, or any rep's own series when one is chosen;
 * - a manager (a rep whose linked Gong user has reports, while the organization lets managers see their team) sees
 *   the team table limited to themselves and their reports, or one of those people's series when one is chosen; a rep
 *   outside their team named in the URL gets the team table instead;
 * - a rep sees only their own series beside the team's median, whatever rep the URL names;
 * - a rep with no linked Gong user has no series at all.
 * `members` on the team view lists the Gong ids the table may show; absent, it shows everyone.
 */
export type TrendsAccess =
  | { view: "team"; members?: string[] }
  | { view: "rep"; repGongId: string; own: boolean }
  | { view: "unlinked" };

export function decideTrendsAccess(
  viewer: Pick<CallViewer, "role" | "gongUserId"> & { team?: Pick<CallViewer["team"], "gongIds"> },
  requestedRepGongId: string | undefined,
): TrendsAccess {
  if (viewer.role === "admin") {
    if (!requestedRepGongId) return { view: "team" };
    return { view: "rep", repGongId: requestedRepGongId, own: requestedRepGongId === viewer.gongUserId };
  }
  if (!viewer.gongUserId) return { view: "unlinked" };
  const reports = viewer.team?.gongIds ?? [];
  if (reports.length > 0) {
    if (requestedRepGongId === viewer.gongUserId) return { view: "rep", repGongId: viewer.gongUserId, own: true };
    if (requestedRepGongId && reports.includes(requestedRepGongId)) return { view: "rep", repGongId: requestedRepGongId, own: false };
    return { view: "team", members: [viewer.gongUserId, ...reports] };
  }
  return { view: "rep", repGongId: viewer.gongUserId, own: true };
}
