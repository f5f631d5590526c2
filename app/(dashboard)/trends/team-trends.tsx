import Link from "next/link";
import { CalendarX } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Th } from "@/components/ui/table";
import type { TeamRep, TrendsData } from "@/lib/trends/load-trends";
import { formatMetricChange, formatMetricValue, TREND_METRICS, type TrendMetric } from "@/lib/trends/metrics";
import type { TrendRange } from "@/lib/trends/trends-range";
import { Sparkline } from "./sparkline";
import { TrackerCard } from "./tracker-card";
import { trendsHref } from "./trends-controls";

type Props = { data: Extract<TrendsData, { view: "team" }>; range: TrendRange; workspace: string | null; rangeLabel: string };

/** The admin's view: one row per rep with each figure's latest weekly value, its change over the range and a sparkline. */
export function TeamTrends({ data, range, workspace, rangeLabel }: Props) {
  const withData = data.reps.filter((rep) => rep.points.length > 0);
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader
          title="Team"
          description={`Each rep's latest weekly average, its change since their first week with calls in ${rangeLabel}, and the weeks between. Open a rep for their charts.`}
        />
        {data.reps.length === 0 ? (
          <EmptyState icon={CalendarX} title="No reps yet">
            Add reps in Users &amp; links and link them to their Gong users; their calls then show here.
          </EmptyState>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Team trends table, scrolls sideways">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Per rep: calls, and for each figure the latest weekly value, its change over the range and a sparkline</caption>
              <thead>
                <tr>
                  <Th>Rep</Th>
                  <Th className="text-right">Calls</Th>
                  {TREND_METRICS.map((metric) => (
                    <Th key={metric.key}>{metric.label}</Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.reps.map((rep) => (
                  <RepRow key={`${rep.gongId}-${rep.name}`} rep={rep} href={rep.gongId ? trendsHref({ range, workspace, rep: rep.gongId }) : null} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.reps.length > 0 && withData.length === 0 ? (
          <p className="border-t border-border px-5 py-3 text-sm text-muted-foreground">No rep has calls with a transcript in {rangeLabel}.</p>
        ) : null}
      </Card>
      <TrackerCard weeks={data.weeks} trackers={data.trackers} whose="the team's" />
    </div>
  );
}

function RepRow({ rep, href }: { rep: TeamRep; href: string | null }) {
  const calls = rep.points.reduce((sum, point) => sum + point.calls, 0);
  return (
    <tr>
      <th scope="row" className="border-b border-border px-4 py-2.5 text-left font-medium whitespace-nowrap">
        {href ? (
          <Link href={href} className="text-accent hover:underline">
            {rep.name}
          </Link>
        ) : (
          rep.name
        )}
      </th>
      {!rep.gongId ? (
        <td colSpan={TREND_METRICS.length + 1} className="border-b border-border px-4 py-2.5 text-muted-foreground">
          No linked Gong user: link one in Users &amp; links to follow this rep&apos;s calls.
        </td>
      ) : calls === 0 ? (
        <td colSpan={TREND_METRICS.length + 1} className="border-b border-border px-4 py-2.5 text-muted-foreground">
          No calls in this range.
        </td>
      ) : (
        <>
          <td className="border-b border-border px-4 py-2.5 text-right tabular-nums">{calls}</td>
          {TREND_METRICS.map((metric) => (
            <MetricCell key={metric.key} metric={metric} rep={rep} />
          ))}
        </>
      )}
    </tr>
  );
}

function MetricCell({ metric, rep }: { metric: TrendMetric; rep: TeamRep }) {
  const values = rep.points.map((point) => point[metric.key]);
  const present = values.filter((value): value is number => value !== null);
  const first = present[0] ?? null;
  const last = present.at(-1) ?? null;
  return (
    <td className="border-b border-border px-4 py-2.5 align-middle">
      <div className="flex items-center gap-3 whitespace-nowrap">
        <div>
          <div className="tabular-nums">{formatMetricValue(metric, last)}</div>
          <div className="text-xs text-muted-foreground tabular-nums">{present.length > 1 ? formatMetricChange(metric, first, last) : "one week"}</div>
        </div>
        <Sparkline
          values={values}
          label={`${metric.label} for ${rep.name}, week by week: ${present.map((value) => formatMetricValue(metric, value)).join(", ")}`}
        />
      </div>
    </td>
  );
}
