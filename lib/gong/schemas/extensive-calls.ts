import "server-only";
import { z } from "zod";
import { callBasicDataSchema, contextSchema, partySchema } from "./calls";
import { gongDateTimeSchema, gongIdSchema, list, nullable, recordsSchema } from "./common";

const named = <T extends z.ZodType>(value: T) => z.looseObject({ name: nullable(z.string()), value: nullable(value) });

const occurrenceSchema = z.looseObject({ startTime: nullable(z.number()), speakerId: nullable(gongIdSchema) });

const trackerSchema = z.looseObject({
  id: nullable(gongIdSchema),
  name: nullable(z.string()),
  count: nullable(z.number()),
  type: nullable(z.string()),
  occurrences: list(occurrenceSchema),
  phrases: list(
    z.looseObject({ count: nullable(z.number()), phrase: nullable(z.string()), occurrences: list(occurrenceSchema) }),
  ),
});

export const callContentSchema = z.looseObject({
  structure: list(z.looseObject({ name: nullable(z.string()), duration: nullable(z.number()) })),
  trackers: list(trackerSchema),
  topics: list(z.looseObject({ name: nullable(z.string()), duration: nullable(z.number()) })),
  brief: nullable(z.string()),
  outline: list(
    z.looseObject({
      section: nullable(z.string()),
      startTime: nullable(z.number()),
      duration: nullable(z.number()),
      items: list(z.looseObject({ text: nullable(z.string()), startTime: nullable(z.number()) })),
    }),
  ),
  highlights: list(
    z.looseObject({
      title: nullable(z.string()),
      items: list(z.looseObject({ text: nullable(z.string()), startTimes: list(z.number()) })),
    }),
  ),
  callOutcome: nullable(
    z.looseObject({ id: nullable(z.string()), category: nullable(z.string()), name: nullable(z.string()) }),
  ),
  keyPoints: list(z.looseObject({ text: nullable(z.string()) })),
});
export type CallContent = z.infer<typeof callContentSchema>;

/** The request says `personInteractionStats`; the response key is `interactionStats`. */
export const callInteractionSchema = z.looseObject({
  speakers: list(
    z.looseObject({ id: nullable(gongIdSchema), userId: nullable(gongIdSchema), talkTime: nullable(z.number()) }),
  ),
  interactionStats: list(named(z.number())),
  video: list(z.looseObject({ name: nullable(z.string()), duration: nullable(z.number()) })),
  questions: nullable(
    z.looseObject({ companyCount: nullable(z.number()), nonCompanyCount: nullable(z.number()) }),
  ),
});
export type CallInteraction = z.infer<typeof callInteractionSchema>;

const commentSchema = z.looseObject({
  id: nullable(gongIdSchema),
  audioStartTime: nullable(z.number()),
  audioEndTime: nullable(z.number()),
  commenterUserId: nullable(gongIdSchema),
  comment: nullable(z.string()),
  posted: nullable(gongDateTimeSchema),
  inReplyTo: nullable(gongIdSchema),
  duringCall: nullable(z.boolean()),
});

/** Media URLs expire 8 hours after the response, so they are never worth storing. */
export const callMediaSchema = z.looseObject({
  audioUrl: nullable(z.string()),
  videoUrl: nullable(z.string()),
});

/** Sections Gong was not asked for (or has no data for) are `null`; imported calls have `parties: null`. */
export const extensiveCallSchema = z.looseObject({
  metaData: callBasicDataSchema,
  context: list(contextSchema),
  parties: nullable(z.array(partySchema)),
  content: nullable(callContentSchema),
  interaction: nullable(callInteractionSchema),
  collaboration: nullable(z.looseObject({ publicComments: list(commentSchema) })),
  media: nullable(callMediaSchema),
});
export type ExtensiveCall = z.infer<typeof extensiveCallSchema>;

export const extensiveCallsResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  calls: list(extensiveCallSchema),
});
export type ExtensiveCallsResponse = z.infer<typeof extensiveCallsResponseSchema>;
