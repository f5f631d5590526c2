import { REQUIRED_GONG_SCOPE_NAMES } from "../lib/gong/scopes";
import { type GongContext, iterateExtensiveCalls, listCallTranscripts } from "../lib/gong/client";
import { buildAuthorizeUrl, exchangeAuthorizationCode } from "../lib/gong/oauth";
import { answerGongConsent } from "./gong-consent";

export type GongTruth = { callIds: string[]; parties: number; sentences: number };

/** What Gong (the simulator) holds, read independently of the sync with a token of its own. */
export async function readGongTruth(simulatorUrl: string): Promise<GongTruth> {
  const credentials = { oauthBaseUrl: simulatorUrl, clientId: "callbridge-demo", clientSecret: "callbridge-demo-secret", allowedApiBaseUrls: [simulatorUrl] };
  const redirectUri = "http://localhost:3999/api/gong/oauth/callback";
  const callback = await answerGongConsent(
    buildAuthorizeUrl({ ...credentials, redirectUri, scopes: REQUIRED_GONG_SCOPE_NAMES, state: "truth" }),
  );
  const tokens = await exchangeAuthorizationCode({ ...credentials, code: callback.searchParams.get("code") ?? "", redirectUri });
  const context: GongContext = { baseUrl: tokens.apiBaseUrl, accessToken: tokens.accessToken };
  const truth: GongTruth = { callIds: [], parties: 0, sentences: 0 };
  for await (const page of iterateExtensiveCalls(context, { filter: {}, content: { parties: true } })) {
    truth.callIds.push(...page.items.map((call) => call.metaData.id));
    truth.parties += page.items.reduce((sum, call) => sum + (call.parties?.length ?? 0), 0);
    const transcripts = await listCallTranscripts(context, { callIds: page.items.map((call) => call.metaData.id) });
    truth.sentences += transcripts.items.reduce(
      (sum, transcript) => sum + transcript.transcript.reduce((inner, monologue) => inner + monologue.sentences.length, 0),
      0,
    );
  }
  return truth;
}
