import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CallPageParty } from "@/db/queries/call-page";
import type { GongBrief } from "@/lib/calls/read-gong-brief";
import type { SpeakerLabel } from "@/lib/calls/speaker-labels";
import type { CallInsights, SummarySentence } from "@/lib/insights";
import { GongBriefCard } from "./gong-brief-card";
import { MomentLink } from "./moment-link";
import { ParticipantsList } from "./participants-list";

const MAX_NEXT_STEPS = 8;

type Props = {
  brief: GongBrief | null;
  parties: CallPageParty[];
  hostName: string | null;
  insights: CallInsights | null;
  llmSummary: string | null;
  labels: Map<string | null, SpeakerLabel>;
  positionAt: (ms: number) => number | null;
  canPlay: boolean;
};

/**
 * What the call was about: Gong's brief first when Gong wrote one, the people, then only what our own reading
 * of the transcript adds: next steps unless Gong's highlights have them, a summary only without Gong's brief.
 */
export function SummaryPanel({ brief, parties, hostName, insights, llmSummary, labels, positionAt, canPlay }: Props) {
  const name = (speakerId: string | null) => labels.get(speakerId)?.label ?? "Unknown speaker";
  const gongHasNextSteps = brief?.highlights.some((section) => /next step|action item/i.test(section.title)) ?? false;
  const nextSteps = gongHasNextSteps ? [] : (insights?.nextSteps ?? []);
  const summary = brief ? [] : (insights?.summary ?? []);
  // With speaker labels off (side null) the transcript doesn't say who is who, so neither may the colours here.
  const colorOf = (speakerId: string | null) => {
    const label = labels.get(speakerId);
    return label && label.side !== null ? label.color : undefined;
  };
  return (
    <>
      {brief ? <GongBriefCard brief={brief} positionAt={positionAt} canPlay={canPlay} /> : null}
      <Card>
        <CardHeader title="Participants" />
        <ParticipantsList parties={parties} hostName={hostName} colorOf={colorOf} />
      </Card>
      {nextSteps.length > 0 ? (
        <Card data-testid="next-steps">
          <CardHeader title="Next steps" description="Commitments heard in the transcript" />
          <CardBody>
            <SentenceList items={nextSteps.slice(0, MAX_NEXT_STEPS)} name={name} canPlay={canPlay} />
            {nextSteps.length > MAX_NEXT_STEPS ? <p className="mt-2 text-xs text-muted-foreground">and {nextSteps.length - MAX_NEXT_STEPS} more later in the call</p> : null}
          </CardBody>
        </Card>
      ) : null}
      {!brief && llmSummary ? (
        <Card>
          <CardHeader title="Summary" description="Written by the configured language model" />
          <CardBody>
            <p className="whitespace-pre-line text-sm">{llmSummary}</p>
          </CardBody>
        </Card>
      ) : !brief && summary.length > 0 ? (
        <Card data-testid="extractive-summary">
          <CardHeader title="Key moments" description="Sentences that carry the call's recurring subjects" />
          <CardBody>
            <SentenceList items={summary} name={name} canPlay={canPlay} />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}

function SentenceList({ items, name, canPlay }: { items: SummarySentence[]; name: (id: string | null) => string; canPlay: boolean }) {
  return (
    <ul className="space-y-2 text-sm">
      {items.map((item) => (
        <li key={item.segmentIndex}>
          <MomentLink startMs={item.startMs} position={item.segmentIndex} canPlay={canPlay} /> <span className="text-muted-foreground">{name(item.speakerId)}:</span> {item.text}
        </li>
      ))}
    </ul>
  );
}
