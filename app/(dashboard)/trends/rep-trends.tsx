import { CalendarX } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TrendsData } from "@/lib/trends/load-trends";
import { formatMetricValue, TREND_METRICS } from "@/lib/trends/metrics";
import { MIN_REPS_FOR_MEDIAN_TEXT } from "./median-note";
import { formatWeek } from "./chart-style";
import { MetricChart } from "./metric-chart";
import { NumbersTable } from "./numbers-table";
import { TrackerCard } from "./tracker-card";

type Props = { data: Extract<TrendsData, { view: "rep" }>; rangeLabel: string };

/** One rep's weekly series beside the team median, one card per figure, then their tracker mentions. */
export function RepTrends({ data, rangeLabel }: Props) {
  const seriesLabel = data.rep.own ? "You" : data.rep.name;
  const whose = data.rep.own ? "your" : `${data.rep.name}'s`;
  if (data.points.length === 0) {
    return (
      <Card>
        <EmptyState icon={CalendarX} title={`No calls in ${rangeLabel}`}>
          {data.rep.own ? "You have" : `${data.rep.name} has`} no calls with a transcript in this range and workspace, so there is no trend to show
          yet. Try a longer range.
        </EmptyState>
      </Card>
    );
  }
  const own = new Map(data.points.map((point) => [point.week, point]));
  const team = new Map(data.median.map((point) => [point.week, point]));
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">
        {data.points.reduce((sum, point) => sum + point.calls, 0)} calls in {data.points.length} of {data.weeks.length} weeks. Team median:
        the middle rep&apos;s weekly average; {MIN_REPS_FOR_MEDIAN_TEXT}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {TREND_METRICS.map((metric) => (
          <Card key={metric.key}>
            <CardHeader title={metric.label} description={metric.description} />
            <CardBody>
              <MetricChart metric={metric} weeks={data.weeks} series={data.points} median={data.median} seriesLabel={seriesLabel} />
              <NumbersTable
                caption={`${metric.label} per week: ${seriesLabel} and the team median`}
                columns={["Week", seriesLabel, "Team median", "Calls"]}
                rows={data.weeks
                  .filter((week) => own.has(week) || team.has(week))
                  .map((week) => ({
                    key: week,
                    header: formatWeek(week),
                    cells: [
                      formatMetricValue(metric, own.get(week)?.[metric.key] ?? null),
                      formatMetricValue(metric, team.get(week)?.[metric.key] ?? null),
                      String(own.get(week)?.calls ?? 0),
                    ],
                  }))}
              />
            </CardBody>
          </Card>
        ))}
      </div>
      <TrackerCard weeks={data.weeks} trackers={data.trackers} whose={whose} />
    </div>
  );
}
