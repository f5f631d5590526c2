import { ProgressBar } from "@/components/ui/progress-bar";
import { formatCount } from "@/lib/format";

export const GONG_DAILY_BUDGET = 10_000;

export function ApiBudget({ usage }: { usage: { requests: number; rate_limited: number; failed: number } }) {
  const share = usage.requests / GONG_DAILY_BUDGET;
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span>
          <span className="text-lg font-semibold tabular-nums">{formatCount(usage.requests)}</span>
          <span className="text-muted-foreground"> of {formatCount(GONG_DAILY_BUDGET)} requests today (UTC)</span>
        </span>
        <span className="text-xs text-muted-foreground tabular-nums">{(share * 100).toFixed(1)} %</span>
      </div>
      <ProgressBar value={usage.requests} max={GONG_DAILY_BUDGET} label="Gong API requests today" tone={share > 0.9 ? "danger" : share > 0.7 ? "warning" : "accent"} />
      <p className="text-xs text-muted-foreground">
        {formatCount(usage.rate_limited)} rate-limited (429) · {formatCount(usage.failed)} failed. Gong allows 3 requests per second and
        10,000 per day for your whole company; Callbridge paces itself below that.
      </p>
    </div>
  );
}
