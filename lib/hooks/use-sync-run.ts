"use client";

import { useQuery } from "@tanstack/react-query";
import type { SyncRunDetail } from "@/lib/sync/get-sync-run-detail";
import { syncRunKeys } from "./use-sync-runs";

const isActive = (detail: SyncRunDetail | undefined) => detail?.run.status === "queued" || detail?.run.status === "running";

/** One run with its steps; polled every 2 s while it goes on, then every 15 s for late transcripts. */
export function useSyncRun(initial: SyncRunDetail) {
  return useQuery({
    queryKey: syncRunKeys.detail(initial.run.id),
    queryFn: async (): Promise<SyncRunDetail> => {
      const response = await fetch(`/api/sync-runs/${initial.run.id}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load the run (HTTP ${response.status}).`);
      return (await response.json()) as SyncRunDetail;
    },
    initialData: initial,
    refetchInterval: (query) => (isActive(query.state.data) ? 2_000 : 15_000),
  });
}
