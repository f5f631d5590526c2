import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCallCore } from "../src/data/call-core";
import { encodeId } from "../src/data/ids";
import type { RunningSimulator } from "../src/index";
import { callApi, control, FROM, startTestSimulator, TO } from "./support";

const CALLS = 100_000;
const SEED = 5;
// The last 3 h of the range: a few hundred calls, all with indexes in the last thousand.
const WINDOW = { fromDateTime: new Date(Date.parse(TO) - 3 * 3600_000).toISOString(), toDateTime: TO };
const SCANNED_FROM = CALLS - 1_000;

interface Records { totalRecords: number; cursor?: string }

describe("a 100,000-call company", () => {
  let sim: RunningSimulator;
  let datasetSize: number;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 20 });
    await control(sim, "POST", "/reset", { seed: SEED, calls: CALLS, from: FROM, to: TO });
    datasetSize = JSON.stringify(sim.state.dataset).length;
  });
  afterAll(() => sim.close());

  it("holds no per-call state: the dataset is smaller than a byte per call, before and after serving calls", async () => {
    expect(datasetSize).toBeLessThan(CALLS);
    const all = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: { fromDateTime: FROM, toDateTime: TO } } });
    expect((all.body.records as Records).totalRecords).toBe(CALLS);
    await callApi(sim, "POST", "/v2/calls/transcript", { body: { filter: WINDOW } });
    expect(JSON.stringify(sim.state.dataset).length).toBe(datasetSize);
  });

  it("pages calls/extensive at the far end of the range, each call once, exactly what a scan finds", async () => {
    const expected = Array.from({ length: CALLS - SCANNED_FROM }, (_, k) => buildCallCore(sim.state.dataset, SCANNED_FROM + k))
      .filter((core) => core.startedMs >= Date.parse(WINDOW.fromDateTime) && core.startedMs < Date.parse(WINDOW.toDateTime))
      .map((core) => core.id);
    expect(expected.length).toBeGreaterThan(200);
    expect(buildCallCore(sim.state.dataset, SCANNED_FROM).startedMs).toBeLessThan(Date.parse(WINDOW.fromDateTime)); // the scan covers the window
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await callApi(sim, "POST", "/v2/calls/extensive", { body: { cursor, filter: WINDOW } });
      expect(page.status).toBe(200);
      expect((page.body.records as Records).totalRecords).toBe(expected.length);
      ids.push(...(page.body.calls as Array<{ metaData: { id: string } }>).map((call) => call.metaData.id));
      cursor = (page.body.records as Records).cursor;
    } while (cursor);
    expect(ids).toEqual(expected);
  });

  it("answers a call near the end by id, with its transcript", async () => {
    const index = CALLS - 3;
    const id = encodeId("call", SEED, index);
    const core = buildCallCore(sim.state.dataset, index);
    const answer = await callApi<{ call: { id: string; started: string; title: string } }>(sim, "GET", `/v2/calls/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.call).toMatchObject({ id, title: core.title });
    expect(Date.parse(answer.body.call.started)).toBe(core.startedMs);
    expect((await callApi(sim, "GET", `/v2/calls/${encodeId("call", SEED, CALLS)}`)).status).toBe(404);
    const transcript = await callApi(sim, "POST", "/v2/calls/transcript", { body: { filter: { callIds: [id] } } });
    expect((transcript.body.callTranscripts as Array<{ callId: string }>).map((t) => t.callId)).toEqual([id]);
  });
});
