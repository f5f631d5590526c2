import { z } from "zod";
import { buildCallCore } from "../data/call-core";
import { getTranscript } from "../data/transcript";
import { HttpError, readJsonBody } from "../http/respond";
import { driftTranscript } from "./apply-drift";
import { requireScope } from "./auth";
import { callsFilterSchema, selectCalls, NO_CALLS_FOUND } from "./call-filter";
import { fingerprintInputs, paginate } from "./cursor";
import { parseGongRequest } from "./parse-request";
import type { ApiHandler } from "./types";

const transcriptRequestSchema = z.looseObject({
  cursor: z.string().nullish(),
  filter: callsFilterSchema.omit({ primaryUserIds: true }),
});

/** POST /v2/calls/transcript – transcripts that exist by now; calls still being transcribed are left out. */
export const listTranscripts: ApiHandler = async ({ state, request, caller, endpoint }) => {
  requireScope(caller, "api:calls:read:transcript");
  const input = parseGongRequest(transcriptRequestSchema, await readJsonBody(request));
  const selection = selectCalls(state.dataset, input.filter, { transcriptReadyAt: Date.now() });
  const page = paginate(state, selection, { endpoint, inputs: fingerprintInputs({ filter: input.filter }), cursor: input.cursor });
  if (page.items.length === 0) throw new HttpError(404, NO_CALLS_FOUND);
  const callTranscripts = page.items.map((index) => {
    const core = buildCallCore(state.dataset, index);
    const transcript = getTranscript(state.dataset.seed, core);
    return driftTranscript(state, index, {
      callId: core.id,
      transcript: transcript.monologues.map((monologue) => ({ speakerId: monologue.speakerId, topic: monologue.topic, sentences: monologue.sentences })),
    });
  });
  return { body: { records: page.records, callTranscripts } };
};
