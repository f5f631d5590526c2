import { z } from "zod";

export type GongBriefMoment = { text: string; startMs: number | null };
export type GongBrief = {
  brief: string | null;
  outcome: { name: string; category: string | null } | null;
  keyPoints: string[];
  highlights: { title: string; items: GongBriefMoment[] }[];
  outline: { section: string; startMs: number | null; durationSeconds: number | null; items: GongBriefMoment[] }[];
};

// calls.content holds Gong's `content` as the sync stored it (lib/gong/schemas/extensive-calls.ts); read leniently.
const text = z.string().trim().min(1).catch("").nullish();
const seconds = z.number().nonnegative().nullish().catch(null);
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().catch(null);
const contentSchema = z.object({
  brief: text,
  callOutcome: z.object({ name: text, category: text }).nullish().catch(null),
  keyPoints: list(z.object({ text })),
  highlights: list(z.object({ title: text, items: list(z.object({ text, startTimes: list(z.number()) })) })),
  outline: list(z.object({ section: text, startTime: seconds, duration: seconds, items: list(z.object({ text, startTime: seconds })) })),
});

const toMs = (value: number | null | undefined) => (typeof value === "number" ? Math.round(value * 1000) : null);

/**
 * Gong's own brief of a call (brief, outcome, key points, highlights, outline), from the `content` the sync
 * stored; null when Gong wrote none of it. Empty texts and malformed parts are left out, not shown blank.
 */
export function readGongBrief(content: unknown): GongBrief | null {
  const parsed = contentSchema.safeParse(content ?? {});
  if (!parsed.success) return null;
  const c = parsed.data;
  const brief: GongBrief = {
    brief: c.brief || null,
    outcome: c.callOutcome?.name ? { name: c.callOutcome.name, category: c.callOutcome.category || null } : null,
    keyPoints: (c.keyPoints ?? []).flatMap((point) => (point.text ? [point.text] : [])),
    highlights: (c.highlights ?? []).flatMap((section) => {
      const items = (section.items ?? []).flatMap((item) => (item.text ? [{ text: item.text, startMs: toMs(item.startTimes?.[0]) }] : []));
      return section.title && items.length > 0 ? [{ title: section.title, items }] : [];
    }),
    outline: (c.outline ?? []).flatMap((section) =>
      section.section
        ? [{
            section: section.section,
            startMs: toMs(section.startTime),
            durationSeconds: section.duration ?? null,
            items: (section.items ?? []).flatMap((item) => (item.text ? [{ text: item.text, startMs: toMs(item.startTime) }] : [])),
          }]
        : [],
    ),
  };
  const empty = !brief.brief && !brief.outcome && brief.keyPoints.length + brief.highlights.length + brief.outline.length === 0;
  return empty ? null : brief;
}
