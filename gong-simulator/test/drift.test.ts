import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfigFromEnv } from "../src/config";
import { DRIFT_KINDS, type DriftKind } from "../src/data/drift";
import type { RunningSimulator } from "../src/index";
import { callApi, control, startTestSimulator } from "./support";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw API answers

const SELECTOR = {
  exposedFields: {
    parties: true,
    content: { structure: true, topics: true, trackers: true, trackerOccurrences: true, brief: true, outline: true, highlights: true, callOutcome: true, keyPoints: true },
    interaction: { speakers: true, video: true, personInteractionStats: true, questions: true },
    collaboration: { publicComments: true },
  },
};

describe("drift", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 400 });
  });
  afterAll(() => sim.close());
  beforeEach(() => control(sim, "POST", "/faults", { driftRate: 0, driftKinds: [...DRIFT_KINDS] }));

  async function allCalls(): Promise<Json[]> {
    const calls: Json[] = [];
    let cursor: string | undefined;
    do {
      const answer = await callApi<Json>(sim, "POST", "/v2/calls/extensive", { body: { cursor, filter: {}, contentSelector: SELECTOR } });
      calls.push(...answer.body.calls);
      cursor = answer.body.records.cursor;
    } while (cursor);
    return calls;
  }

  async function transcriptsOf(callIds: string[]): Promise<Json[]> {
    return (await callApi<Json>(sim, "POST", "/v2/calls/transcript", { body: { filter: { callIds } } })).body.callTranscripts;
  }

  const drift = (kinds: DriftKind[], driftRate = 1) => control(sim, "POST", "/faults", { driftRate, driftKinds: kinds });

  it("drifts about the share of calls asked for, the same ones on every read and after a reset with the seed", async () => {
    await drift(["wideIds"], 0.1);
    const wide = (calls: Json[]) => calls.filter((call) => call.metaData.id.length === 20).map((call) => call.metaData.id as string);
    const first = wide(await allCalls());
    expect(first.length).toBeGreaterThan(400 * 0.05);
    expect(first.length).toBeLessThan(400 * 0.17);
    expect(wide(await allCalls())).toEqual(first);
    await control(sim, "POST", "/reset", {});
    await drift(["wideIds"], 0.1);
    expect(wide(await allCalls())).toEqual(first);
  });

  it("serves nothing drifted at rate 0", async () => {
    const calls = await allCalls();
    expect(calls.every((call) => call.metaData.id.length < 20 && Array.isArray(call.parties) && call.content !== undefined)).toBe(true);
  });

  it("wideIds: 20-digit call, party and speaker ids, the same in every answer, and the call found by either id", async () => {
    await drift(["wideIds"]);
    const [call] = await allCalls();
    expect(call!.metaData.id).toMatch(/^1\d{19}$/);
    expect(call!.parties.every((party: Json) => party.id.length === 20 && (party.speakerId === null || party.speakerId.length === 20))).toBe(true);
    const [transcript] = await transcriptsOf([call!.metaData.id]);
    expect(transcript!.callId).toBe(call!.metaData.id);
    const speakers = new Set(call!.parties.map((party: Json) => party.speakerId));
    expect(transcript!.transcript.every((monologue: Json) => speakers.has(monologue.speakerId))).toBe(true);
    expect((await callApi<Json>(sim, "GET", `/v2/calls/${call!.metaData.id}`)).body.call.id).toBe(call!.metaData.id);
    const usual = call!.metaData.id.slice(1).replace(/^0+/, "");
    expect((await callApi<Json>(sim, "GET", `/v2/calls/${usual}`)).body.call.id).toBe(call!.metaData.id);
  });

  it("mixedCaseEmails: parties' and users' emails and aliases in mixed case", async () => {
    await drift(["mixedCaseEmails"]);
    const [call] = await allCalls();
    const emails = call!.parties.map((party: Json) => party.emailAddress).filter(Boolean);
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((email: string) => email !== email.toLowerCase())).toBe(true);
    const users = (await callApi<Json>(sim, "GET", "/v2/users")).body.users as Json[];
    expect(users.every((user) => user.emailAddress !== user.emailAddress.toLowerCase())).toBe(true);
    expect(users.flatMap((user) => user.emailAliases).some((alias: string) => alias !== alias.toLowerCase())).toBe(true);
  });

  it("noParties and noContent: the sections are left out even when asked for", async () => {
    await drift(["noParties"]);
    const [withoutParties] = await allCalls();
    expect(withoutParties).not.toHaveProperty("parties");
    expect(withoutParties).toHaveProperty("content");
    await drift(["noContent"]);
    const [withoutContent] = await allCalls();
    expect(withoutContent).not.toHaveProperty("content");
    expect(withoutContent).toHaveProperty("parties");
  });

  it("gives a drifting call one or more of the kinds allowed", async () => {
    await drift(["noParties", "noContent"]);
    const calls = await allCalls();
    const kinds = calls.map((call) => `${"parties" in call ? "" : "noParties"}/${"content" in call ? "" : "noContent"}`);
    expect(new Set(kinds)).toEqual(new Set(["noParties/", "/noContent", "noParties/noContent"]));
  });

  it("nulls: unset scalars Gong sends as null, never the ids, times or privacy", async () => {
    await drift(["nulls"]);
    const [call] = await allCalls();
    expect(call!.metaData).toMatchObject({ title: null, url: null, duration: null, language: null });
    expect(call!.metaData.id).toEqual(expect.any(String));
    expect(call!.metaData.started).toEqual(expect.any(String));
    expect(call!.metaData.isPrivate).toEqual(expect.any(Boolean));
    expect(call!.parties.every((party: Json) => party.name === null && party.id)).toBe(true);
    const [transcript] = await transcriptsOf([call!.metaData.id]);
    expect(transcript!.transcript.every((monologue: Json) => monologue.topic === null)).toBe(true);
  });

  it("storedTypeDrift: a numeric tracker id and stats, counts and durations as text, in the stored-only sections", async () => {
    await drift(["storedTypeDrift"]);
    const calls = await allCalls();
    const call = calls.find((each) => each.content.trackers.length > 0)!;
    expect(call.content.trackers[0].id).toEqual(expect.any(Number));
    expect(call.content.trackers[0].count).toEqual(expect.any(String));
    expect(call.interaction.interactionStats[0].value).toEqual(expect.any(String));
    expect(call.parties.every((party: Json) => typeof party.id === "string")).toBe(true);
  });

  it("numericSpeakerId and sentenceWithoutText: what breaks fields a client computes on", async () => {
    await drift(["numericSpeakerId"]);
    const [call] = await allCalls();
    expect(call!.parties.filter((party: Json) => typeof party.speakerId === "number")).toHaveLength(1);
    await drift(["sentenceWithoutText"]);
    const [transcript] = await transcriptsOf([call!.metaData.id]);
    expect(transcript!.transcript[0].sentences[0].text).toBeNull();
    expect(transcript!.transcript[0].sentences[1]?.text ?? "more").toEqual(expect.any(String));
  });

  it("starts from GONG_SIMULATOR_DRIFT_RATE and is listed, kind by kind, in the README", async () => {
    expect(readConfigFromEnv({ NODE_ENV: "test", GONG_SIMULATOR_DRIFT_RATE: "0.05" }).driftRate).toBe(0.05);
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const kind of DRIFT_KINDS) expect(readme).toContain(`\`${kind}\``);
  });
});
