import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { SpeakerLabel } from "@/lib/calls/speaker-labels";
import { formatDuration } from "@/lib/format";
import { type CallInsights, type InteractionStatRow, hasSidedTalk, listInteractionStats } from "@/lib/insights";
import { MomentLink } from "./moment-link";
import { TalkTimeCard } from "./talk-time-card";
import { TrackersCard } from "./trackers-card";

type Props = { insights: CallInsights | null; labels: Map<string | null, SpeakerLabel>; canPlay: boolean };

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
const questionCount = ({ questions }: CallInsights) => questions.internal.count + questions.external.count + questions.unknown.count;

/** Our measurements of the call beside Gong's; cards with nothing to say (no hits, no filler words) are left out. */
export function StatsPanel({ insights, labels, canPlay }: Props) {
  if (!insights || insights.sentenceCount === 0) {
    return (
      <Card>
        <CardHeader title="Stats" />
        <CardBody className="text-sm text-muted-foreground">Talk time and the other figures appear once Gong has the transcript of this call.</CardBody>
      </Card>
    );
  }
  const name = (speakerId: string | null) => labels.get(speakerId)?.label ?? "Unknown speaker";
  const rows = listInteractionStats(insights);
  const fillers = insights.fillerWords.filter((speaker) => speaker.count > 0 && labels.has(speaker.speakerId));
  const showTopics = insights.topicTimeline.length === 0 && insights.topics.items.length > 0;
  const turn = (label: string, value: CallInsights["longestMonologue"]) =>
    value ? (
      <p className="flex items-baseline justify-between gap-3">
        <span className="text-muted-foreground">{label}</span>
        <span>
          {name(value.speakerId)}, <MomentLink startMs={value.startSeconds * 1000} position={value.segmentIndex} canPlay={canPlay} label={label} />
        </span>
      </p>
    ) : null;
  return (
    <div className="space-y-4" data-testid="insights">
      <TalkTimeCard insights={insights} labels={labels} gongTalkRatio={rows.find((row) => row.name === "Talk Ratio")?.gong ?? null} />
      <Card>
        <CardHeader title="Interaction" description={rows.some((row) => row.gong !== null) ? "Ours beside Gong's" : undefined} />
        <InteractionTable rows={rows} />
        <CardBody className="space-y-1 border-t border-border text-sm">
          {hasSidedTalk(insights) ? (
            <>
              <Fact label="Questions asked by us" value={insights.questions.internal.count} testId="questions-internal" />
              <Fact label="Questions asked by them" value={insights.questions.external.count} testId="questions-external" />
            </>
          ) : (
            <Fact label="Questions asked" value={questionCount(insights)} testId="questions-all" />
          )}
          {turn("Longest monologue", insights.longestMonologue)}
          {turn("Longest customer story", insights.longestCustomerStory)}
        </CardBody>
      </Card>
      <TrackersCard trackers={insights.trackers} />
      {showTopics ? (
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
      ) : null}
      {fillers.length > 0 ? (
        <Card>
          <CardHeader title="Filler words" description="Um, uh, you know… per minute of each speaker's talk" />
          <CardBody className="space-y-1 text-sm">
            {fillers.map((speaker) => (
              <Fact key={speaker.speakerId ?? "none"} label={name(speaker.speakerId)} value={`${speaker.count} · ${speaker.perMinute}/min`} testId={`fillers-${speaker.speakerId}`} />
            ))}
          </CardBody>
        </Card>
      ) : null}
    </div>
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

function formatStat(unit: InteractionStatRow["unit"], value: number | null) {
  if (value === null) return "—";
  if (unit === "ratio") return percent(value);
  if (unit === "seconds") return `${Math.round(value * 100) / 100} s`;
  return String(Math.round(value * 10) / 10);
}

function InteractionTable({ rows }: { rows: InteractionStatRow[] }) {
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
            {hasGong ? <td className="px-5 py-1.5 text-right tabular-nums" data-testid="gong">{formatStat(row.unit, row.gong)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
