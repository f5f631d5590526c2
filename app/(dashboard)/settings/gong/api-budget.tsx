"use client";

import { ProgressBar } from "@/components/ui/progress-bar";
import { formatCount } from "@/lib/format";
import { type GongApiUsage, useGongApiUsage } from "@/lib/hooks/use-gong-api-usage";
import { useSyncRuns } from "@/lib/hooks/use-sync-runs";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

export const GONG_DAILY_BUDGET = 10_000;

/** Today's spend of Gong's daily budget, live while a sync is spending it. */
export function ApiBudget({ usage: initial, runs }: { usage: GongApiUsage; runs: SyncRunView[] }) {
  const { data: recent } = useSyncRuns(runs);
  const syncing = recent.some((run) => run.status === "queued" || run.status === "running");
  const { data: usage } = useGongApiUsage(initial, syncing);
  const share = usage.requests / GONG_DAILY_BUDGET;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span>
          <span className="text-lg font-semibold tabular-nums">{formatCount(usage.requests)}</span>
          <span className="text-muted-foreground"> of {formatCount(GONG_DAILY_BUDGET)} requests today (UTC)</span>
        </span>
        <span className="text-xs text-muted-foreground tabular-nums">
          {syncing ? "Syncing · " : ""}
          {(share * 100).toFixed(1)} %
        </span>
      </div>
      <ProgressBar value={usage.requests} max={GONG_DAILY_BUDGET} label="Gong API requests today" tone={share > 0.9 ? "danger" : share > 0.7 ? "warning" : "accent"} />
      <p className="text-xs text-muted-foreground">
        {formatCount(usage.rate_limited)} rate-limited (429) · {formatCount(usage.failed)} failed. Gong allows 3 requests per second and
        10,000 per day for your whole company; Callbridge paces itself below that.
      </p>
    </div>
  );
}
