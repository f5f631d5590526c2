import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TrackerSeries } from "@/lib/trends/load-trends";
import { formatWeek } from "./chart-style";
import { NumbersTable } from "./numbers-table";
import { TrackerChart } from "./tracker-chart";

/** Tracker mentions per week, stacked by tracker, with the counts as a table. */
export function TrackerCard({ weeks, trackers, whose }: { weeks: string[]; trackers: TrackerSeries; whose: string }) {
  const byWeek = new Map(trackers.weeks.map((week) => [week.week, week.counts]));
  const total = trackers.weeks.reduce((sum, week) => sum + Object.values(week.counts).reduce((a, b) => a + b, 0), 0);
  const label = `Tracker mentions per week in ${whose} calls, stacked by tracker: ${total} mentions over ${weeks.length} weeks`;
  return (
    <Card>
      <CardHeader title="Tracker mentions" description={`Keyword trackers heard in ${whose} calls, per week.`} />
      <CardBody>
        {trackers.names.length === 0 ? (
          <p className="text-sm text-muted-foreground">No tracker was mentioned in {whose} calls in this range.</p>
        ) : (
          <>
            <TrackerChart weeks={weeks} trackers={trackers} label={label} />
            <NumbersTable
              caption={label}
              columns={["Week", ...trackers.names]}
              rows={weeks
                .filter((week) => byWeek.has(week))
                .map((week) => ({ key: week, header: formatWeek(week), cells: trackers.names.map((name) => String(byWeek.get(week)?.[name] ?? 0)) }))}
            />
          </>
        )}
      </CardBody>
    </Card>
  );
}
