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
import { parseRecords } from "./parse-records";
import {
  callTranscriptSchema,
  callTranscriptsResponseSchema,
  errorResponseSchema,
  extensiveCallSchema,
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON as Gong sends it, drifted on purpose
type Raw = any;

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
    const { valid, rejected } = parseRecords(parsed.calls, extensiveCallSchema, () => undefined);
    const [full, imported] = valid;
    expect(rejected).toEqual([]);
    expect(full?.parties?.[1]?.speakerId).toBeNull();
    expect(full?.parties?.[0]?.userId).toBe("234599484848423");
    expect(full?.content).toEqual(extensiveCalls.calls[0]?.content);
    expect(full?.interaction).toEqual(extensiveCalls.calls[0]?.interaction);
    expect(full?.media?.audioUrl).toBe("https://media.example/audio.mp3");
    expect(imported?.metaData.id).toBe("12345678901234567890");
    expect(imported?.parties).toBeNull();
    expect(imported?.interaction).toBeNull();
    expect(imported?.media).toBeNull();
    expect(imported?.content).toEqual({ topics: [], trackers: null });
    expect(parsed.records?.cursor).toBeNull();
  });

  it("keeps the sections it only stores as Gong sent them, drifted types and all", () => {
    const [full] = extensiveCalls.calls;
    const drifted = {
      ...full,
      content: { trackers: [{ id: 56825452554556, name: "Competitors", count: "7" }], topics: "none", brief: null },
      interaction: { interactionStats: [{ name: "Talk Ratio", value: "0.51" }], questions: [] },
      context: { system: 42 },
      collaboration: { publicComments: [{ id: 6843152929075440037, posted: "soon" }] },
      parties: full?.parties?.map((party) => ({ ...party, context: "n/a" })),
    };
    const { valid, rejected } = parseRecords([drifted], extensiveCallSchema, () => undefined);
    expect(rejected).toEqual([]);
    expect(valid[0]?.content).toEqual(drifted.content);
    expect(valid[0]?.interaction).toEqual(drifted.interaction);
  });

  it.each([
    ["a numeric speaker id", (call: Raw) => ({ ...call, parties: [call.parties[0], { ...call.parties[1], speakerId: 6432345678555530067 }] }), "parties[1].speakerId", "number"],
    ["an email that is not text", (call: Raw) => ({ ...call, parties: [{ ...call.parties[0], emailAddress: ["test@test.com"] }] }), "parties[0].emailAddress", "array"],
    ["neither a start nor a scheduled time", (call: Raw) => ({ ...call, metaData: { ...call.metaData, started: null, scheduled: undefined } }), "metaData.started", "null"],
    ["parties that are not a list", (call: Raw) => ({ ...call, parties: { id: "1" } }), "parties", "object"],
  ])("quarantines a call with %s, naming the field and the type found, never the value", (_name, drift, path, valueType) => {
    const raw = extensiveCalls.calls[0] as Raw;
    const { valid, rejected } = parseRecords([drift(raw), extensiveCalls.calls[1]], extensiveCallSchema, (call) => (call as Raw).metaData?.id);
    expect(valid.map((call) => call.metaData.id)).toEqual(["12345678901234567890"]);
    expect(rejected).toEqual([{ gongId: "7782342274025937895", path, valueType }]);
  });

  it("quarantines a transcript with a sentence without text, and reads the others", () => {
    const parsed = callTranscriptsResponseSchema.parse(callTranscripts);
    const [first, second] = parsed.callTranscripts as Raw[];
    const odd = { ...first, transcript: [first.transcript[0], { ...first.transcript[1], sentences: [{ start: 1, end: 2, text: null }] }] };
    const { valid, rejected } = parseRecords([odd, second], callTranscriptSchema, (transcript) => (transcript as Raw).callId);
    expect(valid.map((transcript) => transcript.callId)).toEqual(["12345678901234567890"]);
    expect(rejected).toEqual([{ gongId: "7782342274025937895", path: "transcript[1].sentences[0].text", valueType: "null" }]);
  });

  it("identifies a rejected record by a numeric id only while the number is exact", () => {
    const raw = extensiveCalls.calls[1] as Raw;
    const broken = (id: unknown) => ({ ...raw, metaData: { ...raw.metaData, id } });
    const { rejected } = parseRecords([broken(12345), broken(7782342274025937895), broken(undefined)], extensiveCallSchema, (call) => (call as Raw).metaData?.id);
    expect(rejected).toEqual([
      { gongId: "12345", path: "metaData.id", valueType: "number" },
      { gongId: null, path: "metaData.id", valueType: "number" },
      { gongId: null, path: "metaData.id", valueType: "missing" },
    ]);
  });

  it("reads transcripts with null speakerId and topic", () => {
    const parsed = callTranscriptsResponseSchema.parse(callTranscripts);
    const { valid } = parseRecords(parsed.callTranscripts, callTranscriptSchema, () => undefined);
    const monologue = valid[0]?.transcript[1];
    expect(monologue).toMatchObject({ speakerId: null, topic: null });
    expect(monologue?.sentences[0]).toMatchObject({ start: 462500, end: 463100, text: "Sure." });
    expect(valid[1]?.transcript).toEqual([]);
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
