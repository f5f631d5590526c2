/** One request the app sends to Gong's `/v2` API, and a way to send it on to the simulator unchanged or altered. */
export type InterceptedGongRequest = {
  /** e.g. `POST /v2/calls/transcript` */
  route: string;
  body: Record<string, unknown> | undefined;
  forward(body?: Record<string, unknown>): Promise<Response>;
};

type Interceptor = (request: InterceptedGongRequest) => Promise<Response | undefined>;

/**
 * Puts `interceptor` between the app and the simulator at `simulatorUrl` by wrapping `globalThis.fetch` (the app's
 * Gong client calls it at request time). Returning undefined lets a request through. Returns the restore function.
 */
export function interceptGongRequests(simulatorUrl: string, interceptor: Interceptor): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!url.href.startsWith(simulatorUrl) || !url.pathname.startsWith("/v2/")) return original(input, init);
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const forward = (changed = body) => original(url, { ...init, body: changed === undefined ? undefined : JSON.stringify(changed) });
    return (await interceptor({ route: `${method} ${url.pathname}`, body, forward })) ?? forward();
  };
  return () => {
    globalThis.fetch = original;
  };
}

const SPLIT_CURSOR = "split-page:";

/**
 * Makes `POST /v2/calls/transcript` answer `pageSize` transcripts at a time with a cursor for the rest, as Gong may
 * for long transcripts; the simulator itself fits 100 calls' transcripts on one page.
 */
export function paginateTranscripts(simulatorUrl: string, pageSize: number): () => void {
  return interceptGongRequests(simulatorUrl, async ({ route, body, forward }) => {
    if (route !== "POST /v2/calls/transcript" || !body) return undefined;
    const cursor = typeof body.cursor === "string" ? body.cursor : "";
    const offset = cursor.startsWith(SPLIT_CURSOR) ? Number(cursor.slice(SPLIT_CURSOR.length)) : 0;
    const { cursor: _ignored, ...firstPage } = body;
    const response = await forward(firstPage);
    if (!response.ok) return response;
    const json = (await response.json()) as { callTranscripts: unknown[]; records: Record<string, unknown> };
    const page = json.callTranscripts.slice(offset, offset + pageSize);
    const more = offset + pageSize < json.callTranscripts.length;
    const records = { ...json.records, currentPageSize: page.length, currentPageNumber: offset / pageSize, ...(more ? { cursor: `${SPLIT_CURSOR}${offset + pageSize}` } : {}) };
    return Response.json({ ...json, records, callTranscripts: page });
  });
}
