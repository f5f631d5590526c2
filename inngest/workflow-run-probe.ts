import { inngest } from "@/inngest/client";

const LOOKUP_TIMEOUT_MS = 10_000;

/** The status Inngest's REST API answers for a function run (`GET /v1/runs/:id`, signing key as Bearer), 0 for none. */
async function lookUpRun(runId: string): Promise<number> {
  const url = new URL(`/v1/runs/${encodeURIComponent(runId)}`, inngest.apiBaseUrl);
  const key = inngest.signingKey;
  try {
    const response = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {}, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * Whether Inngest no longer has a function run: Inngest Cloud, `inngest start` and the embedded executor answer
 * `GET /v1/runs/:id` with 404. A 404 is believed only once the same API has found `knownRunId`, a run that
 * certainly exists (the caller's own), so an API that cannot look runs up at all fails nothing; any other answer,
 * or none, counts as the run still being there.
 */
export function createWorkflowRunProbe(knownRunId: string): (runId: string) => Promise<boolean> {
  let trusted: Promise<boolean> | undefined;
  return async (runId) => {
    trusted ??= lookUpRun(knownRunId).then((status) => status === 200);
    return (await trusted) && (await lookUpRun(runId)) === 404;
  };
}
