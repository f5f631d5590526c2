import { z } from "zod";
import type { GongSignals } from "@/lib/insights";

// calls.content / calls.interaction hold Gong's JSON as the sync stored it; read leniently, keep what parses.
const named = z.object({ name: z.string(), duration: z.number().optional(), count: z.number().optional(), value: z.number().optional() });
const contentSchema = z.object({ topics: z.array(named).nullish(), trackers: z.array(named).nullish() }).partial();
const interactionSchema = z
  .object({
    interactionStats: z.array(named).nullish(),
    questions: z.object({ companyCount: z.number(), nonCompanyCount: z.number() }).nullish(),
  })
  .partial();

/** Gong's own topics, trackers and interaction stats for a call, in the insight functions' shape. */
export function readGongSignals(content: unknown, interaction: unknown): GongSignals | null {
  const parsedContent = contentSchema.safeParse(content ?? {});
  const parsedInteraction = interactionSchema.safeParse(interaction ?? {});
  const c = parsedContent.success ? parsedContent.data : {};
  const i = parsedInteraction.success ? parsedInteraction.data : {};
  const signals: GongSignals = {
    topics: c.topics?.map((topic) => ({ name: topic.name, duration: topic.duration ?? 0 })),
    trackers: c.trackers?.map((tracker) => ({ name: tracker.name, count: tracker.count ?? 0 })),
    interactionStats: i.interactionStats?.flatMap((stat) => (stat.value === undefined ? [] : [{ name: stat.name, value: stat.value }])),
    questions: i.questions ?? null,
  };
  const empty = !signals.topics?.length && !signals.trackers?.length && !signals.interactionStats?.length && !signals.questions;
  return empty ? null : signals;
}
