"use client";

import { useQuery } from "@tanstack/react-query";

export type GongApiUsage = { requests: number; rate_limited: number; failed: number };

/** Today's Gong requests; polled every 2 s while a sync spends them, every 30 s otherwise. */
export function useGongApiUsage(initial: GongApiUsage, syncing: boolean) {
  return useQuery({
    queryKey: ["gong-api-usage"],
    queryFn: async (): Promise<GongApiUsage> => {
      const response = await fetch("/api/gong/api-usage", { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load the API usage (HTTP ${response.status}).`);
      return (await response.json()) as GongApiUsage;
    },
    initialData: initial,
    refetchInterval: syncing ? 2_000 : 30_000,
  });
}
