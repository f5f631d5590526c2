import "server-only";

/** What to ask `/v2/calls/extensive` for; unset options take Callbridge's defaults. */
export type ContentSelectorOptions = {
  parties?: boolean;
  /** `Basic` adds CRM links, `Extended` also CRM field values (and allows `contextTiming`). */
  context?: "None" | "Basic" | "Extended";
  contextTiming?: Array<"Now" | "TimeOfCall">;
  content?: Partial<Record<ContentField, boolean>>;
  interaction?: Partial<Record<InteractionField, boolean>>;
  publicComments?: boolean;
  /** Needs the `api:calls:read:media-url` scope; the URLs expire after 8 hours, so only ask when playing. */
  media?: boolean;
};

type ContentField =
  | "structure" | "topics" | "trackers" | "trackerOccurrences" | "brief" | "outline" | "highlights"
  | "callOutcome" | "keyPoints";
type InteractionField = "speakers" | "video" | "personInteractionStats" | "questions";

const DEFAULT_CONTENT: Record<ContentField, boolean> = {
  structure: false,
  topics: true,
  trackers: true,
  trackerOccurrences: false,
  brief: true,
  outline: true,
  highlights: true,
  callOutcome: true,
  keyPoints: true,
};

const DEFAULT_INTERACTION: Record<InteractionField, boolean> = {
  speakers: true,
  video: false,
  personInteractionStats: true,
  questions: true,
};

export type ContentSelector = {
  context: "None" | "Basic" | "Extended";
  contextTiming?: Array<"Now" | "TimeOfCall">;
  exposedFields: {
    parties: boolean;
    content: Record<ContentField, boolean>;
    interaction: Record<InteractionField, boolean>;
    collaboration: { publicComments: boolean };
    media: boolean;
  };
};

/** https://gong.app.gong.io/settings/api/documentation#post-/v2/calls/extensive (contentSelector) */
export function buildContentSelector(options: ContentSelectorOptions = {}): ContentSelector {
  const context = options.context ?? "None";
  return {
    context,
    // Gong only allows contextTiming together with the Extended context.
    ...(context === "Extended" && options.contextTiming ? { contextTiming: options.contextTiming } : {}),
    exposedFields: {
      parties: options.parties ?? true,
      content: { ...DEFAULT_CONTENT, ...options.content },
      interaction: { ...DEFAULT_INTERACTION, ...options.interaction },
      collaboration: { publicComments: options.publicComments ?? false },
      media: options.media ?? false,
    },
  };
}
