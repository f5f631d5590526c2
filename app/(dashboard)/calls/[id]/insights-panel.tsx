import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatOffset } from "@/lib/calls/group-turns";
import type { SpeakerLabel } from "@/lib/calls/speaker-labels";
import { formatDuration } from "@/lib/format";
import { type CallInsights, listInteractionStats } from "@/lib/insights";
import { SpeakerTimeline } from "./speaker-timeline";

// A long call can hit a tracker or say "next step" hundreds of times; the first ones are what a reader scans, and
// each one shown costs the page (and its server time) more markup.
const MAX_TRACKER_HITS = 24;
const MAX_NEXT_STEPS = 12;

type Props = { insights: CallInsights; labels: Map<string | null, SpeakerLabel>; llmSummary: string | null };

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
const SIDE_LABEL = { internal: "Us", external: "Them", unknown: "Unknown" } as const;
const SIDE_BAR = { internal: "bg-accent", external: "bg-success", unknown: "bg-muted-foreground" } as const;

export function InsightsPanel({ insights, labels, llmSummary }: Props) {
  const name = (speakerId: string | null) => labels.get(speakerId)?.label ?? "Unknown speaker";
  if (insights.sentenceCount === 0) {
    return (
      <Card>
        <CardHeader title="Insights" />
        <CardBody className="text-sm text-muted-foreground">Insights appear once Gong has the transcript of this call.</CardBody>
      </Card>
    );
  }
  return (
    <div className="space-y-4" data-testid="insights">
      <Card>
        <CardHeader title="Talk time" description={`${formatDuration(insights.talk.totalTalkSeconds)} of speech`} />
        <CardBody className="space-y-3">
          <ul className="space-y-2" aria-label="Talk time by side">
            {(["internal", "external"] as const).map((side) => (
              <Bar key={side} label={SIDE_LABEL[side]} ratio={insights.talk.sides[side].talkRatio} tone={SIDE_BAR[side]} testId={`talk-side-${side}`} />
            ))}
          </ul>
          <ul className="space-y-2 border-t border-border pt-3" aria-label="Talk time by speaker">
            {insights.talk.speakers.map((speaker) => (
              <Bar key={speaker.speakerId ?? "none"} label={name(speaker.speakerId)} ratio={speaker.talkRatio} tone={SIDE_BAR[speaker.side]} testId={`talk-speaker-${speaker.speakerId}`} />
            ))}
          </ul>
          <SpeakerTimeline timeline={insights.timeline} name={name} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Interaction" description="Ours beside Gong's where Gong reports them" />
        <InteractionTable insights={insights} />
        <CardBody className="space-y-1 text-sm">
          <Fact label="Questions asked by us" value={insights.questions.internal.count} testId="questions-internal" />
          <Fact label="Questions asked by them" value={insights.questions.external.count} testId="questions-external" />
          {insights.longestMonologue ? (
            <p className="text-muted-foreground">
              Longest monologue: {name(insights.longestMonologue.speakerId)} at{" "}
              <a className="text-accent underline underline-offset-2" href={`#s-${insights.longestMonologue.segmentIndex}`}>{formatOffset(insights.longestMonologue.startSeconds * 1000)}</a>
            </p>
          ) : null}
          {insights.longestCustomerStory ? (
            <p className="text-muted-foreground">
              Longest customer story: {name(insights.longestCustomerStory.speakerId)} at{" "}
              <a className="text-accent underline underline-offset-2" href={`#s-${insights.longestCustomerStory.segmentIndex}`}>{formatOffset(insights.longestCustomerStory.startSeconds * 1000)}</a>
            </p>
          ) : null}
        </CardBody>
      </Card>
      <InsightLists insights={insights} name={name} llmSummary={llmSummary} />
    </div>
  );
}

function Bar({ label, ratio, tone, testId }: { label: string; ratio: number; tone: string; testId: string }) {
  return (
    <li className="grid grid-cols-[7rem_1fr_2.5rem] items-center gap-2 text-sm" data-testid={testId}>
      <span className="truncate">{label}</span>
      <span className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
        <span className={`block h-full rounded-full ${tone}`} style={{ width: percent(ratio) }} />
      </span>
      <span className="text-right tabular-nums" data-testid={`${testId}-value`}>{percent(ratio)}</span>
    </li>
  );
}

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <p className="flex justify-between gap-3">
      <span className="text-muted-foreground">{label}</span>
      <span className="tabular-nums" data-testid={testId}>{value}</span>
    </p>
  );
}

function formatStat(unit: "ratio" | "seconds" | "score", value: number | null) {
  if (value === null) return "—";
  if (unit === "ratio") return percent(value);
  if (unit === "seconds") return `${Math.round(value * 100) / 100} s`;
  return String(Math.round(value * 10) / 10);
}

function InteractionTable({ insights }: { insights: CallInsights }) {
  const rows = listInteractionStats(insights);
  const hasGong = rows.some((row) => row.gong !== null);
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-xs text-muted-foreground">
          <th scope="col" className="px-5 py-2 text-left font-medium">Measure</th>
          <th scope="col" className="px-2 py-2 text-right font-medium">Callbridge</th>
          {hasGong ? <th scope="col" className="px-5 py-2 text-right font-medium">Gong</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-t border-border" data-testid={`stat-${row.name.toLowerCase().replaceAll(" ", "-")}`}>
            <th scope="row" className="px-5 py-1.5 text-left font-normal">{row.name}</th>
            <td className="px-2 py-1.5 text-right tabular-nums" data-testid="ours">{formatStat(row.unit, row.ours)}</td>
            {hasGong ? <td className="px-5 py-1.5 text-right tabular-nums">{formatStat(row.unit, row.gong)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InsightLists({ insights, name, llmSummary }: { insights: CallInsights; name: (id: string | null) => string; llmSummary: string | null }) {
  return (
    <>
      <Card>
        <CardHeader title="Trackers" description="Keyword groups your admin set up; each hit links into the transcript" />
        <CardBody className="space-y-3 text-sm">
          {insights.trackers.map((tracker) => (
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
          {insights.trackers.length === 0 ? <p className="text-muted-foreground">No trackers yet. Admins add them under Settings → Trackers.</p> : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Topics" description={insights.topics.source === "gong" ? "From Gong" : "Extracted from the transcript"} />
        <CardBody>
          <ul className="flex flex-wrap gap-1.5 text-xs">
            {insights.topics.items.map((topic) => (
              <li key={topic.name} className="rounded-full bg-muted px-2 py-0.5">
                {topic.name}
                {topic.durationSeconds !== null ? ` · ${formatDuration(topic.durationSeconds)}` : ""}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Filler words" />
        <CardBody className="space-y-1 text-sm">
          {insights.fillerWords.map((speaker) => (
            <Fact key={speaker.speakerId ?? "none"} label={name(speaker.speakerId)} value={`${speaker.count} · ${speaker.perMinute}/min`} testId={`fillers-${speaker.speakerId}`} />
          ))}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Next steps" />
        <CardBody>
          <SentenceList items={insights.nextSteps.slice(0, MAX_NEXT_STEPS)} name={name} empty="No next steps or action items were heard." />
          {insights.nextSteps.length > MAX_NEXT_STEPS ? (
            <p className="mt-2 text-xs text-muted-foreground">and {insights.nextSteps.length - MAX_NEXT_STEPS} more later in the call</p>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Summary" description={llmSummary ? "Written by the configured language model" : "Key sentences from the transcript"} />
        <CardBody>
          {llmSummary ? <p className="whitespace-pre-line text-sm">{llmSummary}</p> : <SentenceList items={insights.summary} name={name} empty="Too short to summarise." />}
        </CardBody>
      </Card>
    </>
  );
}

function SentenceList({ items, name, empty }: { items: { segmentIndex: number; startMs: number; speakerId: string | null; text: string }[]; name: (id: string | null) => string; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {items.map((item) => (
        <li key={item.segmentIndex}>
          <a href={`#s-${item.segmentIndex}`} className="font-mono text-xs text-accent underline underline-offset-2">{formatOffset(item.startMs)}</a>{" "}
          <span className="text-muted-foreground">{name(item.speakerId)}:</span> {item.text}
        </li>
      ))}
    </ul>
  );
}
