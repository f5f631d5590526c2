"use client";

import { useQuery } from "@tanstack/react-query";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

export const syncRunKeys = {
  all: ["sync-runs"] as const,
  recent: () => [...syncRunKeys.all, "recent"] as const,
  detail: (id: string) => [...syncRunKeys.all, "detail", id] as const,
};

/**
 * Recent sync runs; polled every 2 s while one is going (or while `awaiting` says a run is about to appear), every
 * 15 s otherwise.
 */
export function useSyncRuns(initial: SyncRunView[], options: { awaiting?: (runs: SyncRunView[]) => boolean } = {}) {
  return useQuery({
    queryKey: syncRunKeys.recent(),
    queryFn: async (): Promise<SyncRunView[]> => {
      const response = await fetch("/api/sync-runs", { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load sync runs (HTTP ${response.status}).`);
      return ((await response.json()) as { runs: SyncRunView[] }).runs;
    },
    initialData: initial,
    refetchInterval: (query) => {
      const runs = query.state.data ?? [];
      return options.awaiting?.(runs) || runs.some((run) => run.status === "queued" || run.status === "running") ? 2_000 : 15_000;
    },
  });
}
