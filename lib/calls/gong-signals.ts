import { z } from "zod";
import type { GongSignals } from "@/lib/insights";

// calls.content / calls.interaction hold Gong's JSON as the sync stored it, drifted types and all (a stat's value
// sent as text, a tracker without a name): read item by item, keep what makes sense, skip the rest.
const number = z.union([z.number(), z.string().trim().min(1).pipe(z.coerce.number())]).refine(Number.isFinite);
const named = z.object({ name: z.string(), duration: number.optional().catch(undefined), count: number.optional().catch(undefined), value: number.optional().catch(undefined) });
const questionsSchema = z.object({ companyCount: number, nonCompanyCount: number });

/** The items of `list` that parse, or undefined when it is not a list at all. */
function readEach<T>(list: unknown, schema: z.ZodType<T>): T[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const field = (section: unknown, key: string): unknown => (section !== null && typeof section === "object" ? (section as Record<string, unknown>)[key] : undefined);

/** Gong's own topics, trackers and interaction stats for a call, in the insight functions' shape. */
export function readGongSignals(content: unknown, interaction: unknown): GongSignals | null {
  const questions = questionsSchema.safeParse(field(interaction, "questions"));
  const signals: GongSignals = {
    topics: readEach(field(content, "topics"), named)?.map((topic) => ({ name: topic.name, duration: topic.duration ?? 0 })),
    trackers: readEach(field(content, "trackers"), named)?.map((tracker) => ({ name: tracker.name, count: tracker.count ?? 0 })),
    interactionStats: readEach(field(interaction, "interactionStats"), named)?.flatMap((stat) => (stat.value === undefined ? [] : [{ name: stat.name, value: stat.value }])),
    questions: questions.success ? questions.data : null,
  };
  const empty = !signals.topics?.length && !signals.trackers?.length && !signals.interactionStats?.length && !signals.questions;
  return empty ? null : signals;
}
