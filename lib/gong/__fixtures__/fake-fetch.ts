/** A recording stand-in for `fetch`: answers each call with the next scripted response. */
export type RecordedRequest = { url: URL; method: string; headers: Headers; body: unknown };
export type ScriptedResponse = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> };

export function createFakeFetch(script: ScriptedResponse[] | ((request: RecordedRequest) => ScriptedResponse)) {
  const requests: RecordedRequest[] = [];
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const request = { url: new URL(String(input)), method: init?.method ?? "GET", headers: new Headers(init?.headers), body };
    requests.push(request);
    const next = typeof script === "function" ? script(request) : script[requests.length - 1];
    if (!next) throw new Error(`Unexpected request #${requests.length} to ${request.url}`);
    const text = next.text ?? JSON.stringify(next.body ?? {});
    return new Response(text, {
      status: next.status ?? 200,
      headers: { "content-type": "application/json;charset=UTF-8", ...next.headers },
    });
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}
