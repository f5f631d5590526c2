import { describe, expect, it } from "vitest";
import callTranscripts from "./__fixtures__/call-transcripts.json";
import errors from "./__fixtures__/errors.json";
import extensiveCalls from "./__fixtures__/extensive-calls.json";
import getCall from "./__fixtures__/get-call.json";
import libraryFolderContent from "./__fixtures__/library-folder-content.json";
import libraryFolders from "./__fixtures__/library-folders.json";
import listCalls from "./__fixtures__/list-calls.json";
import listUsers from "./__fixtures__/list-users.json";
import tokenResponse from "./__fixtures__/token-response.json";
import webhookPayload from "./__fixtures__/webhook-call-completed.json";
import workspaces from "./__fixtures__/workspaces.json";
import {
  callTranscriptsResponseSchema,
  errorResponseSchema,
  extensiveCallsResponseSchema,
  getCallResponseSchema,
  gongDateTimeSchema,
  libraryFolderContentResponseSchema,
  libraryFoldersResponseSchema,
  listCallsResponseSchema,
  listUsersResponseSchema,
  tokenResponseSchema,
  webhookPayloadSchema,
  workspacesResponseSchema,
} from "./schemas";

describe("gong date-times", () => {
  it.each([
    ["2018-02-18T02:30:00-07:00", "2018-02-18T09:30:00.000Z"],
    ["2018-02-18T08:00:00Z", "2018-02-18T08:00:00.000Z"],
    ["2026-06-10T21:50:07.428+02:00", "2026-06-10T19:50:07.428Z"],
    ["2023-10-17T21:21:31.816562+02:00", "2023-10-17T19:21:31.816Z"],
    ["2019-10-18T14:03:37.041977-07:00", "2019-10-18T21:03:37.041Z"],
    ["2024-03-01T09:00:00.5Z", "2024-03-01T09:00:00.500Z"],
    ["2024-03-01T09:00:00+0530", "2024-03-01T03:30:00.000Z"],
    ["2024-03-01", "2024-03-01T00:00:00.000Z"],
    [1518863400.0, "2018-02-17T10:30:00.000Z"],
  ])("reads %s", (input, expected) => {
    expect(gongDateTimeSchema.parse(input)).toBe(expected);
  });

  it.each(["yesterday", "2024-13-01T00:00:00Z", "2024-01-01T25:00:00Z", ""])("rejects %j", (input) => {
    expect(gongDateTimeSchema.safeParse(input).success).toBe(false);
  });
});

describe("gong response schemas", () => {
  it("reads flat calls with odd values and keeps unknown fields", () => {
    const parsed = listCallsResponseSchema.parse(listCalls);
    expect(parsed.records?.cursor).toMatch(/^eyJ/);
    const [first, second] = parsed.calls;
    expect(first?.scheduled).toBe("2018-02-18T09:30:00.000Z");
    expect(second?.id).toBe("18446744073709551615");
    expect(second?.workspaceId).toBeNull();
    expect(second?.scope).toBe("SomethingNew");
    expect(second?.title).toBeNull();
    expect(second?.aiSummaryLanguage).toBe("en");
  });

  it("rejects numeric ids, which have already lost precision", () => {
    const call = { ...getCall.call, id: 7782342274025937895 };
    expect(getCallResponseSchema.safeParse({ call }).success).toBe(false);
  });

  it("reads extensive calls, including an imported call without parties", () => {
    const parsed = extensiveCallsResponseSchema.parse(extensiveCalls);
    const [full, imported] = parsed.calls;
    expect(full?.parties?.[1]?.speakerId).toBeNull();
    expect(full?.parties?.[1]?.context).toEqual([]);
    expect(full?.content?.callOutcome?.id).toBe("MEETING_BOOKED");
    expect(full?.interaction?.interactionStats[0]).toMatchObject({ name: "Talk Ratio", value: 0.51 });
    expect(full?.collaboration?.publicComments[0]?.posted).toBe("2019-10-18T21:34:39.113Z");
    expect(full?.context[0]?.objects[0]?.fields[1]?.value).toBe(50000);
    expect(imported?.metaData.id).toBe("12345678901234567890");
    expect(imported?.parties).toBeNull();
    expect(imported?.interaction).toBeNull();
    expect(imported?.media).toBeNull();
    expect(imported?.content?.trackers).toEqual([]);
    expect(parsed.records?.cursor).toBeNull();
  });

  it("reads transcripts with null speakerId and topic", () => {
    const parsed = callTranscriptsResponseSchema.parse(callTranscripts);
    const monologue = parsed.callTranscripts[0]?.transcript[1];
    expect(monologue).toMatchObject({ speakerId: null, topic: null });
    expect(monologue?.sentences[0]).toMatchObject({ start: 462500, end: 463100, text: "Sure." });
    expect(parsed.callTranscripts[1]?.transcript).toEqual([]);
  });

  it("reads users with absent lists and fields outside the spec", () => {
    const parsed = listUsersResponseSchema.parse(listUsers);
    expect(parsed.users[0]?.created).toBe("2026-06-10T19:50:07.428Z");
    expect(parsed.users[0]?.conferencingProviders).toBeNull();
    expect(parsed.users[1]?.emailAliases).toEqual([]);
    expect(parsed.users[1]?.spokenLanguages[0]?.language).toBe("es-ES");
  });

  it("reads workspaces without records and library folders with µs dates", () => {
    expect(workspacesResponseSchema.parse(workspaces).records).toBeNull();
    expect(workspacesResponseSchema.parse(workspaces).workspaces[1]?.description).toBeNull();
    const folders = libraryFoldersResponseSchema.parse(libraryFolders).folders;
    expect(folders[1]).toMatchObject({ parentFolderId: "3492543238968030478", updated: "2023-10-17T19:21:31.816Z" });
    const content = libraryFolderContentResponseSchema.parse(libraryFolderContent);
    expect(content.calls[0]?.snippet).toMatchObject({ fromSec: 21, toSec: 132 });
  });

  it("reads the token response and webhook payload", () => {
    expect(tokenResponseSchema.parse(tokenResponse).expires_in).toBe(86400);
    const payload = webhookPayloadSchema.parse(webhookPayload);
    expect(payload.isTest).toBe(false);
    expect(payload.callData.parties?.[0]?.userId).toBeNull();
    expect(webhookPayloadSchema.parse({ callData: webhookPayload.callData }).isTest).toBe(false);
  });

  it("reads error bodies with string and object errors", () => {
    expect(errorResponseSchema.parse(errors.noCalls).errors).toEqual([errors.noCalls.errors[0]]);
    const crm = errorResponseSchema.parse({ requestId: "x", errors: [{ line: 1, description: "bad" }] });
    expect(crm.errors[0]).toEqual({ line: 1, description: "bad" });
  });
});
