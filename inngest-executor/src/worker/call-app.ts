import { headerKeys, queryKeys } from "inngest";
import { signBody, toCanonicalJson } from "../common/signing.js";

export type CallRequest = {
  url: string;
  functionId: string;
  stepId: string;
  body: unknown;
  signingKey?: string;
  timeoutMs: number;
};

export type CallResult =
  | { kind: "response"; status: number; body: string; noRetry: boolean; retryAfter: string | null }
  | { kind: "unreachable"; message: string };

/** One execution request to the app's serve() endpoint, signed as Inngest signs it. */
export async function callApp(request: CallRequest): Promise<CallResult> {
  const url = new URL(request.url);
  url.searchParams.set(queryKeys.FnId, request.functionId);
  url.searchParams.set(queryKeys.StepId, request.stepId);
  const body = toCanonicalJson(request.body);
  const headers: Record<string, string> = {
    [headerKeys.ContentType]: "application/json",
    [headerKeys.InngestServerKind]: "cloud",
    [headerKeys.RequestVersion]: "2",
  };
  if (request.signingKey) headers[headerKeys.Signature] = signBody(body, request.signingKey);
  try {
    const response = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(request.timeoutMs) });
    return {
      kind: "response",
      status: response.status,
      body: await response.text(),
      noRetry: response.headers.get(headerKeys.NoRetry) === "true",
      retryAfter: response.headers.get(headerKeys.RetryAfter),
    };
  } catch (error) {
    return { kind: "unreachable", message: error instanceof Error ? error.message : String(error) };
  }
}
