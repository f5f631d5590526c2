import "server-only";
import { AppError } from "@/lib/errors";

/** Gong answers an empty `callIds` array with 400 instead of "no filter" (Dust's Gong connector), so fail here. */
export function assertCallIds(callIds: readonly string[] | undefined, max?: number): void {
  if (callIds === undefined) return;
  if (callIds.length === 0) throw new AppError("bad_request", "callIds must not be empty; omit it to match all calls");
  if (max !== undefined && callIds.length > max) {
    throw new AppError("bad_request", `At most ${max} callIds per Gong request (got ${callIds.length})`);
  }
}
