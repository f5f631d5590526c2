import "server-only";
import { z } from "zod";
import { gongDateTimeSchema, gongIdSchema, list, nullable, recordsSchema } from "./common";

export const gongUserSchema = z.looseObject({
  id: gongIdSchema,
  emailAddress: nullable(z.string()),
  created: nullable(gongDateTimeSchema),
  active: nullable(z.boolean()),
  emailAliases: list(z.string()),
  trustedEmailAddress: nullable(z.string()),
  firstName: nullable(z.string()),
  lastName: nullable(z.string()),
  title: nullable(z.string()),
  phoneNumber: nullable(z.string()),
  extension: nullable(z.string()),
  personalMeetingUrls: list(z.string()),
  settings: nullable(z.looseObject({})),
  managerId: nullable(gongIdSchema),
  meetingConsentPageUrl: nullable(z.string()),
  spokenLanguages: list(z.looseObject({ language: nullable(z.string()), primary: nullable(z.boolean()) })),
});
export type GongUser = z.infer<typeof gongUserSchema>;

export const listUsersResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  users: list(gongUserSchema),
});
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

export const getUserResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  user: gongUserSchema,
});
