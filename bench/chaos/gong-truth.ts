// The simulator's default access key (gong-simulator README), which reads every call without OAuth.
const ACCESS_KEY = `Basic ${Buffer.from("sim-access-key:sim-access-key-secret").toString("base64")}`;

export type ChaosTruth = { callIds: string[]; sentencesByCall: Map<string, number> };

type Page = { records?: { cursor?: string }; calls?: Array<{ id: string }>; callTranscripts?: Array<{ callId: string; transcript: Array<{ sentences: unknown[] }> }> };

async function ask(simulatorUrl: string, path: string, body?: unknown): Promise<Page> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${simulatorUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: ACCESS_KEY, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return (await response.json()) as Page;
    // The company's rate limit applies to this reader too.
    if (response.status !== 429 || attempt > 30) throw new Error(`simulator ${path}: HTTP ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Every call Gong (the simulator) holds now, and how many transcript sentences each has, read page by page. */
export async function readChaosTruth(simulatorUrl: string): Promise<ChaosTruth> {
  const truth: ChaosTruth = { callIds: [], sentencesByCall: new Map() };
  let cursor: string | undefined;
  do {
    const page = await ask(simulatorUrl, `/v2/calls${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    truth.callIds.push(...(page.calls ?? []).map((call) => call.id));
    cursor = page.records?.cursor;
  } while (cursor);
  do {
    const page = await ask(simulatorUrl, "/v2/calls/transcript", { filter: {}, ...(cursor ? { cursor } : {}) });
    for (const transcript of page.callTranscripts ?? []) {
      truth.sentencesByCall.set(transcript.callId, transcript.transcript.reduce((sum, monologue) => sum + monologue.sentences.length, 0));
    }
    cursor = page.records?.cursor;
  } while (cursor);
  return truth;
}
