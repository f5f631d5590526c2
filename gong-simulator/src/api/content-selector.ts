import { z } from "zod";

const flag = z.boolean().nullish();

export const contentSelectorSchema = z.looseObject({
  context: z.enum(["None", "Basic", "Extended"]).nullish(),
  contextTiming: z.array(z.enum(["Now", "TimeOfCall"])).nullish(),
  exposedFields: z.looseObject({
    parties: flag,
    content: z.looseObject({
      structure: flag, topics: flag, trackers: flag, trackerOccurrences: flag, pointsOfInterest: flag,
      brief: flag, outline: flag, highlights: flag, callOutcome: flag, keyPoints: flag,
    }).nullish(),
    interaction: z.looseObject({ speakers: flag, video: flag, personInteractionStats: flag, questions: flag }).nullish(),
    collaboration: z.looseObject({ publicComments: flag }).nullish(),
    media: flag,
  }).nullish(),
}).nullish();
export type ContentSelector = z.infer<typeof contentSelectorSchema>;

/** What the webhook's callData carries: the call with parties, content and interaction. */
export const WEBHOOK_SELECTOR: ContentSelector = {
  context: "Extended",
  contextTiming: ["Now"],
  exposedFields: {
    parties: true,
    content: { structure: true, topics: true, trackers: true, brief: true, outline: true, highlights: true, callOutcome: true, keyPoints: true },
    interaction: { speakers: true, video: true, personInteractionStats: true, questions: true },
    collaboration: { publicComments: true },
  },
};
