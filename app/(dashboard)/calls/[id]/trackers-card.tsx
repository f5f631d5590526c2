import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatOffset } from "@/lib/calls/group-turns";
import type { TrackerResult } from "@/lib/insights";

// A long call can hit a tracker hundreds of times; the first ones are what a reader scans, and each one shown
// costs the page (and its server time) more markup.
const MAX_TRACKER_HITS = 24;

/** The trackers this call hit, each hit a link into the transcript; trackers with no hit are left out. */
export function TrackersCard({ trackers }: { trackers: TrackerResult[] }) {
  const hit = trackers.filter((tracker) => tracker.count > 0);
  if (hit.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Trackers" description="Keyword groups your admin set up" />
      <CardBody className="space-y-3 text-sm">
        {hit.map((tracker) => (
          <div key={tracker.trackerId} data-testid={`tracker-${tracker.name}`}>
            <p className="font-medium">
              {tracker.name} <span className="font-normal text-muted-foreground">· {tracker.count} {tracker.count === 1 ? "hit" : "hits"}</span>
            </p>
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {tracker.hits.slice(0, MAX_TRACKER_HITS).map((hit, index) => (
                <li key={index}>
                  <a href={`#s-${hit.segmentIndex}`} data-seek-ms={hit.startMs} className="rounded bg-muted px-1.5 py-0.5 text-xs hover:bg-border">
                    {hit.keyword} <span className="tabular-nums text-muted-foreground">{formatOffset(hit.startMs)}</span>
                  </a>
                </li>
              ))}
              {tracker.hits.length > MAX_TRACKER_HITS ? (
                <li>
                  <a href={`#find=${encodeURIComponent(tracker.hits[0]?.keyword ?? "")}`} className="px-1.5 py-0.5 text-xs text-accent underline underline-offset-2">
                    and {tracker.hits.length - MAX_TRACKER_HITS} more: find “{tracker.hits[0]?.keyword}” in the transcript
                  </a>
                </li>
              ) : null}
            </ul>
          </div>
        ))}
      </CardBody>
    </Card>
  );
}
