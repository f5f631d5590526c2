import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { SpeakerLabel } from "@/lib/calls/speaker-labels";
import { formatDuration } from "@/lib/format";
import { type CallInsights, hasSidedTalk } from "@/lib/insights";
import { CallTimeline } from "./call-timeline";
import { RatioBar } from "./ratio-bar";
import { speakerFill } from "./speaker-colors";

type Props = { insights: CallInsights; labels: Map<string | null, SpeakerLabel>; gongTalkRatio: number | null };

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * Talk time by side and by speaker, each speaker in their own colour, then the clickable timeline. When no
 * speaker is matched to a side, our split would read 0 %: Gong's own talk ratio stands in, said to be Gong's.
 */
export function TalkTimeCard({ insights, labels, gongTalkRatio }: Props) {
  const { talk } = insights;
  const sided = hasSidedTalk(insights);
  const sides = sided
    ? { internal: talk.sides.internal.talkRatio, external: talk.sides.external.talkRatio, unknown: talk.sides.unknown.talkRatio }
    : gongTalkRatio !== null
      ? { internal: gongTalkRatio, external: 1 - gongTalkRatio, unknown: 0 }
      : null;
  const speakers = talk.speakers.flatMap((speaker) => {
    const label = labels.get(speaker.speakerId);
    return label ? [{ ...speaker, label }] : [];
  });
  const topicRows = insights.topicTimeline.map((topic) => ({ key: topic.name, label: topic.name, fillClass: "fill-muted-foreground", intervals: topic.intervals }));
  return (
    <Card>
      <CardHeader title="Talk time" description={`${formatDuration(talk.totalTalkSeconds)} of speech`} />
      <CardBody className="space-y-3">
        {sides ? (
          <ul className="space-y-2" aria-label="Talk time by side">
            <Row label="Us" ratio={sides.internal} fillClass="fill-foreground" testId="talk-side-internal" />
            <Row label="Them" ratio={sides.external} fillClass="fill-muted-foreground" testId="talk-side-external" />
            {sides.unknown > 0 ? <Row label="Unmatched" ratio={sides.unknown} fillClass="fill-border" testId="talk-side-unknown" /> : null}
          </ul>
        ) : null}
        {!sided ? (
          <p className="text-xs text-muted-foreground" data-testid="talk-sides-note">
            {sides ? "Us and them as Gong measured them: " : "Us and them are unknown: "}
            Gong didn&apos;t match this transcript&apos;s speakers to participants.
          </p>
        ) : null}
        <ul className="space-y-2 border-t border-border pt-3" aria-label="Talk time by speaker">
          {speakers.map((speaker) => (
            <Row key={speaker.speakerId ?? "none"} label={speaker.label.label} ratio={speaker.talkRatio} fillClass={speakerFill(speaker.label.color)} testId={`talk-speaker-${speaker.speakerId}`} />
          ))}
        </ul>
        <CallTimeline
          durationSeconds={insights.timeline.durationSeconds}
          speakers={insights.timeline.tracks.flatMap((track) => {
            const label = labels.get(track.speakerId);
            return label ? [{ key: track.speakerId ?? "none", label: label.label, fillClass: speakerFill(label.color), intervals: track.intervals }] : [];
          })}
          topics={topicRows}
        />
      </CardBody>
    </Card>
  );
}

function Row({ label, ratio, fillClass, testId }: { label: string; ratio: number; fillClass: string; testId: string }) {
  return (
    <li className="grid grid-cols-[6.5rem_1fr_2.5rem] items-center gap-2 text-sm" data-testid={testId}>
      <span className="truncate" title={label}>{label}</span>
      <RatioBar ratio={ratio} fillClass={fillClass} />
      <span className="text-right tabular-nums" data-testid={`${testId}-value`}>{percent(ratio)}</span>
    </li>
  );
}
