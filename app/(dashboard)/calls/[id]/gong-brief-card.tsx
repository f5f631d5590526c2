import { Sparkles } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { GongBrief, GongBriefMoment } from "@/lib/calls/read-gong-brief";
import { formatDuration } from "@/lib/format";
import { MomentLink } from "./moment-link";

type Props = { brief: GongBrief; positionAt: (ms: number) => number | null; canPlay: boolean };

/** Gong's own account of the call: outcome, brief, key points, highlights and outline, as Gong wrote them. */
export function GongBriefCard({ brief, positionAt, canPlay }: Props) {
  const moment = (item: GongBriefMoment) =>
    item.startMs === null ? null : (
      <>
        <MomentLink startMs={item.startMs} position={positionAt(item.startMs)} canPlay={canPlay} />{" "}
      </>
    );
  return (
    <Card aria-labelledby="gong-brief-title" data-testid="gong-brief">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-5 py-4">
        <h2 id="gong-brief-title" className="flex items-center gap-1.5 text-sm font-semibold">
          <Sparkles className="size-4 text-accent" aria-hidden />
          Gong&apos;s brief
        </h2>
        {brief.outcome ? (
          <Badge tone="accent" title={brief.outcome.category ? `Outcome · ${brief.outcome.category}` : "Outcome"}>
            {brief.outcome.name}
          </Badge>
        ) : null}
      </header>
      <CardBody className="space-y-4 text-sm">
        {brief.brief ? <p className="leading-relaxed">{brief.brief}</p> : null}
        {brief.keyPoints.length > 0 ? (
          <Section title="Key points">
            <ul className="list-disc space-y-1 pl-5">
              {brief.keyPoints.map((point, index) => (
                <li key={index}>{point}</li>
              ))}
            </ul>
          </Section>
        ) : null}
        {brief.highlights.map((section, index) => (
          <Section key={index} title={section.title}>
            <Moments items={section.items} moment={moment} className="space-y-1.5" />
          </Section>
        ))}
        {brief.outline.length > 0 ? (
          <details className="group">
            <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-muted-foreground hover:text-foreground">
              Outline · {brief.outline.length} {brief.outline.length === 1 ? "section" : "sections"}
            </summary>
            <ol className="mt-2 space-y-2">
              {brief.outline.map((section, index) => (
                <li key={index}>
                  <p className="font-medium">
                    {moment({ text: section.section, startMs: section.startMs })}
                    {section.section}
                    {section.durationSeconds ? <span className="font-normal text-muted-foreground"> · {formatDuration(section.durationSeconds)}</span> : null}
                  </p>
                  {section.items.length > 0 ? <Moments items={section.items} moment={moment} className="mt-1 space-y-1 pl-4 text-muted-foreground" /> : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </CardBody>
    </Card>
  );
}

function Moments({ items, moment, className }: { items: GongBriefMoment[]; moment: (item: GongBriefMoment) => React.ReactNode; className: string }) {
  return (
    <ul className={className}>
      {items.map((item, index) => (
        <li key={index}>
          {moment(item)}
          {item.text}
        </li>
      ))}
    </ul>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h3>
      {children}
    </div>
  );
}
