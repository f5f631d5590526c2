import "server-only";
import { z } from "zod";
import { gongDateTimeSchema, gongIdSchema, list, nullable, recordsSchema, storedJson } from "./common";

/**
 * Enum-typed fields (direction, scope, media, affiliation, …) are read as plain strings: Gong adds values
 * without notice and one unknown value must not fail a whole page.
 */
export const callBasicDataSchema = z.looseObject({
  id: gongIdSchema,
  url: nullable(z.string()),
  title: nullable(z.string()),
  scheduled: nullable(gongDateTimeSchema),
  started: nullable(gongDateTimeSchema),
  duration: nullable(z.number()),
  primaryUserId: nullable(gongIdSchema),
  direction: nullable(z.string()),
  system: nullable(z.string()),
  scope: nullable(z.string()),
  media: nullable(z.string()),
  language: nullable(z.string()),
  workspaceId: nullable(gongIdSchema),
  sdrDisposition: nullable(z.string()),
  clientUniqueId: nullable(z.string()),
  customData: nullable(z.string()),
  purpose: nullable(z.string()),
  meetingUrl: nullable(z.string()),
  isPrivate: nullable(z.boolean()),
  calendarEventId: nullable(z.string()),
});
export type CallBasicData = z.infer<typeof callBasicDataSchema>;

export const listCallsResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  calls: list(callBasicDataSchema),
});
export type ListCallsResponse = z.infer<typeof listCallsResponseSchema>;

export const getCallResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  call: callBasicDataSchema,
});
export type GetCallResponse = z.infer<typeof getCallResponseSchema>;

/**
 * `speakerId` may be null, and imported calls have no parties at all (Dust's Gong connector). Ids and the email
 * are computed on (speaker names, who may see the call); the CRM `context` is not used.
 */
export const partySchema = z.looseObject({
  id: nullable(gongIdSchema),
  emailAddress: nullable(z.string()),
  name: nullable(z.string()),
  title: nullable(z.string()),
  userId: nullable(gongIdSchema),
  speakerId: nullable(gongIdSchema),
  context: storedJson,
  affiliation: nullable(z.string()),
  phoneNumber: nullable(z.string()),
  methods: list(z.string()),
});
export type Party = z.infer<typeof partySchema>;
