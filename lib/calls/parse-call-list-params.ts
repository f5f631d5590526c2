import { z } from "zod";
import type { CallListFilters } from "@/db/queries/calls-list";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

const paramsSchema = z.object({
  q: optional(z.string().trim().max(200)),
  from: optional(day),
  to: optional(day),
  workspace: optional(z.string().max(40)),
  participant: optional(z.string().trim().max(120)),
  transcript: optional(z.literal("1")),
  tracker: optional(z.uuid()),
  team: optional(z.literal("1")),
  cursor: optional(z.string().max(200)),
});

export type CallListParams = z.infer<typeof paramsSchema>;

/** Reads the calls list URL: unknown or malformed values are dropped rather than failing the page. */
export function parseCallListParams(searchParams: Record<string, string | string[] | undefined>): CallListParams {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return paramsSchema.parse(flat);
}

/** Dates are whole UTC days; "to" includes its day. */
export function toCallListFilters(params: CallListParams): CallListFilters {
  const to = params.to ? new Date(`${params.to}T00:00:00Z`) : undefined;
  if (to) to.setUTCDate(to.getUTCDate() + 1);
  return {
    q: params.q || undefined,
    from: params.from ? new Date(`${params.from}T00:00:00Z`) : undefined,
    to,
    workspaceGongId: params.workspace,
    participant: params.participant || undefined,
    hasTranscript: params.transcript === "1",
    trackerId: params.tracker,
    team: params.team === "1",
  };
}

export function hasActiveFilters(params: CallListParams): boolean {
  return !!(params.q || params.from || params.to || params.workspace || params.participant || params.transcript || params.tracker || params.team);
}

/** The list URL for the same filters at another cursor. */
export function buildCallListHref(params: CallListParams, cursor: string | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, cursor })) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/calls?${query}` : "/calls";
}
