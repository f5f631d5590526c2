import type { CallViewer } from "@/db/queries/call-access";

/**
 * What a viewer's trends page may show. The one place the decision is made, so the page, its data loader and their
 * tests agree (and a manager role can be added here):
 * - an admin sees the team table, or any rep's own series when one is chosen;
 * - a rep sees only their own series beside the team's median, whatever rep the URL names;
 * - a rep with no linked Gong user has no series at all.
 */
export type TrendsAccess =
  | { view: "team" }
  | { view: "rep"; repGongId: string; own: boolean }
  | { view: "unlinked" };

export function decideTrendsAccess(viewer: Pick<CallViewer, "role" | "gongUserId">, requestedRepGongId: string | undefined): TrendsAccess {
  if (viewer.role === "admin") {
    if (!requestedRepGongId) return { view: "team" };
    return { view: "rep", repGongId: requestedRepGongId, own: requestedRepGongId === viewer.gongUserId };
  }
  if (!viewer.gongUserId) return { view: "unlinked" };
  return { view: "rep", repGongId: viewer.gongUserId, own: true };
}
