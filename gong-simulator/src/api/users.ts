import { z } from "zod";
import type { Company, CompanyUser } from "../data/company";
import { formatGongDate, parseGongDate } from "../data/dates";
import { HttpError, readJsonBody } from "../http/respond";
import { driftUser } from "./apply-drift";
import { requireScope } from "./auth";
import { NO_CALLS_FOUND } from "./call-filter";
import { fingerprintInputs, paginate } from "./cursor";
import { parseGongRequest } from "./parse-request";
import { selectFromKeys } from "./selection";
import type { ApiHandler } from "./types";

export function toUserMetadata(company: Company, user: CompanyUser): Record<string, unknown> {
  return {
    id: user.id,
    emailAddress: user.emailAddress,
    created: formatGongDate(user.createdMs, user.offsetMinutes, user.index % 2 === 0 ? "millis" : "micros", user.index * 37),
    active: user.active,
    emailAliases: user.emailAliases,
    trustedEmailAddress: user.index === 0 ? user.emailAddress : null,
    firstName: user.firstName,
    lastName: user.lastName,
    title: user.title,
    phoneNumber: user.phoneNumber,
    extension: null,
    personalMeetingUrls: user.ownsCalls ? [`https://zoom.us/my/${user.firstName.toLowerCase()}.${user.lastName.toLowerCase()}`] : [],
    settings: {
      webConferencesRecorded: user.ownsCalls, preventWebConferenceRecording: false, telephonyCallsImported: user.index % 4 === 1,
      emailsImported: user.ownsCalls, preventEmailImport: false, nonRecordedMeetingsImported: false, gongConnectEnabled: user.index % 3 === 0,
    },
    managerId: user.managerIndex === null ? null : (company.users[user.managerIndex]?.id ?? null),
    meetingConsentPageUrl: user.ownsCalls ? `https://join.example/${company.name.toLowerCase()}/${user.firstName.toLowerCase()}.${user.lastName.toLowerCase()}` : null,
    // Real responses carry fields the spec lacks.
    conferencingProviders: null,
    spokenLanguages: user.index % 3 === 2 ? [{ language: "en-US", primary: true }, { language: "es-ES", primary: false }] : [],
  };
}

function pageOfUsers(context: Parameters<ApiHandler>[0], users: CompanyUser[], inputs: unknown, cursor: string | null | undefined) {
  const { state, endpoint } = context;
  const company = state.dataset.company;
  const page = paginate(state, selectFromKeys(users.map((user) => user.index)), { endpoint, inputs: fingerprintInputs(inputs), cursor });
  return { records: page.records, users: page.items.map((index) => driftUser(state, index, toUserMetadata(company, company.users[index]!))) };
}

/** GET /v2/users?cursor&includeAvatars (the simulated company has no avatars). */
export const listUsers: ApiHandler = (context) => {
  requireScope(context.caller, "api:users:read", 403);
  const includeAvatars = context.url.searchParams.get("includeAvatars");
  return { body: pageOfUsers(context, context.state.dataset.company.users, { includeAvatars }, context.url.searchParams.get("cursor")) };
};

const usersExtensiveSchema = z.looseObject({
  cursor: z.string().nullish(),
  filter: z.looseObject({
    createdFromDateTime: z.string().nullish(),
    createdToDateTime: z.string().nullish(),
    includeAvatars: z.boolean().nullish(),
    userIds: z.array(z.string()).nullish(),
  }),
});

/** POST /v2/users/extensive */
export const listUsersExtensive: ApiHandler = async (context) => {
  requireScope(context.caller, "api:users:read");
  const input = parseGongRequest(usersExtensiveSchema, await readJsonBody(context.request));
  const from = parseGongDate(input.filter.createdFromDateTime ?? undefined);
  const to = parseGongDate(input.filter.createdToDateTime ?? undefined);
  if (from === "invalid" || to === "invalid") throw new HttpError(400, "Invalid createdFromDateTime or createdToDateTime");
  const ids = input.filter.userIds ? new Set(input.filter.userIds) : undefined;
  const users = context.state.dataset.company.users.filter(
    (user) => (!ids || ids.has(user.id)) && (from === undefined || user.createdMs >= from) && (to === undefined || user.createdMs < to),
  );
  // Gong reuses its calls wording here (API.md §3).
  if (users.length === 0) throw new HttpError(404, NO_CALLS_FOUND);
  return { body: pageOfUsers(context, users, { filter: input.filter }, input.cursor) };
};

/** GET /v2/users/{id} */
export const getUser: ApiHandler = ({ state, params, caller }) => {
  requireScope(caller, "api:users:read");
  const user = state.dataset.company.users.find((candidate) => candidate.id === params.id);
  if (!user) throw new HttpError(404, "User not found");
  return { body: { user: driftUser(state, user.index, toUserMetadata(state.dataset.company, user)) } };
};
