import { z } from "zod";
import { countAllCalls } from "../data/dataset";
import { DRIFT_KINDS } from "../data/drift";
import { decodeId } from "../data/ids";
import { defineRoute } from "../http/router";
import { HttpError } from "../http/respond";
import { issueTokens, revokeAllTokens } from "../oauth/issue-tokens";
import { resetState, type SimulatorState } from "../state";
import { deliverWebhook } from "../webhooks/deliver";
import { createRule, toRuleJson } from "../webhooks/rules";
import { createCall, createCallSchema, redeliverCall } from "./control-calls";
import { describeCompany } from "./describe-company";

export type ControlHandler = (state: SimulatorState, body: unknown, params: Record<string, string>) => unknown;

const resetSchema = z.object({
  seed: z.number().int().optional(), workspaces: z.number().int().min(1).max(50).optional(), users: z.number().int().min(4).max(5000).optional(),
  calls: z.number().int().min(0).max(10_000_000).optional(), from: z.coerce.date().optional(), to: z.coerce.date().optional(), companyName: z.string().min(1).optional(),
}).default({});
const configSchema = z.object({
  tokenTtlSeconds: z.number().int().positive().optional(), mediaTtlSeconds: z.number().int().positive().optional(),
  cursorTtlSeconds: z.number().int().positive().optional(), codeTtlSeconds: z.number().int().positive().optional(),
  webhookRetryDelaysMs: z.array(z.number().int().min(0)).optional(),
});
const faultsSchema = z.object({
  errorRate: z.number().min(0).max(1).optional(), latencyMs: z.number().int().min(0).max(120_000).optional(),
  rateLimit: z.number().int().positive().optional(), dailyLimit: z.number().int().positive().optional(),
  transcriptDelaySeconds: z.number().min(0).optional(), truncateRate: z.number().min(0).max(1).optional(),
  driftRate: z.number().min(0).max(1).optional(), driftKinds: z.array(z.enum(DRIFT_KINDS)).min(1).optional(),
  rateLimitBurstRate: z.number().min(0).max(1).optional(), rateLimitBurstSeconds: z.number().min(0).max(3600).optional(),
  latencySpikeRate: z.number().min(0).max(1).optional(), latencySpikeMs: z.number().int().min(0).max(120_000).optional(),
  webhookCopies: z.number().int().min(1).max(10).optional(),
});
const ruleSchema = z.object({ url: z.string().url(), auth: z.enum(["jwt", "url-key"]), enabled: z.boolean().default(true) });
const tokenSchema = z.object({ scopes: z.array(z.string()).optional(), clientId: z.string().optional() }).default({});

const ALL_SCOPES = ["api:calls:read:basic", "api:calls:read:extensive", "api:calls:read:media-url", "api:calls:read:transcript", "api:users:read", "api:workspaces:read", "api:library:read"];

function getRuleOrThrow(state: SimulatorState, id: string) {
  const rule = state.rules.get(id);
  if (!rule) throw new HttpError(404, `No rule ${id}`);
  return rule;
}

export const CONTROL_ROUTES = [
  defineRoute<ControlHandler>("GET", "/__sim/health", () => ({ ok: true })),
  defineRoute<ControlHandler>("GET", "/__sim/company", (state) => describeCompany(state)),
  defineRoute<ControlHandler>("POST", "/__sim/reset", (state, body) => (resetState(state, resetSchema.parse(body)), describeCompany(state))),
  defineRoute<ControlHandler>("POST", "/__sim/config", (state, body) => {
    Object.assign(state.config, configSchema.parse(body));
    const { tokenTtlSeconds, mediaTtlSeconds, cursorTtlSeconds, codeTtlSeconds, webhookRetryDelaysMs } = state.config;
    return { tokenTtlSeconds, mediaTtlSeconds, cursorTtlSeconds, codeTtlSeconds, webhookRetryDelaysMs };
  }),
  defineRoute<ControlHandler>("POST", "/__sim/consent-mode", (state, body) => {
    state.consentMode = z.object({ mode: z.enum(["technical-admin", "non-technical-admin"]) }).parse(body).mode;
    return { mode: state.consentMode };
  }),
  defineRoute<ControlHandler>("GET", "/__sim/faults", (state) => state.faults),
  defineRoute<ControlHandler>("POST", "/__sim/faults", (state, body) => {
    Object.assign(state.faults, faultsSchema.parse(body));
    // Fault decisions restart from the seed each time they are set, so a test sees the same sequence on every run.
    state.faultRandoms.clear();
    return state.faults;
  }),
  defineRoute<ControlHandler>("POST", "/__sim/revoke", (state) => (revokeAllTokens(state), { revoked: true })),
  defineRoute<ControlHandler>("POST", "/__sim/tokens", (state, body) => {
    const input = tokenSchema.parse(body);
    return issueTokens(state, { clientId: input.clientId ?? state.config.oauthApps[0]?.clientId ?? "callbridge-demo", scopes: input.scopes ?? ALL_SCOPES });
  }),
  defineRoute<ControlHandler>("GET", "/__sim/stats", (state) => ({ ...state.stats, dailyUsage: state.limiter.dailyUsage, dailyLimit: state.faults.dailyLimit })),
  defineRoute<ControlHandler>("POST", "/__sim/calls", (state, body) => createCall(state, createCallSchema.parse(body))),
  defineRoute<ControlHandler>("POST", "/__sim/calls/{id}/redeliver", (state, _body, params) => redeliverCall(state, params.id ?? "")),
  defineRoute<ControlHandler>("GET", "/__sim/rules", (state) => ({ rules: [...state.rules.values()].map(toRuleJson) })),
  defineRoute<ControlHandler>("POST", "/__sim/rules", async (state, body) => toRuleJson(await createRule(state, ruleSchema.parse(body)))),
  defineRoute<ControlHandler>("DELETE", "/__sim/rules/{id}", (state, _body, params) => (getRuleOrThrow(state, params.id ?? ""), state.rules.delete(params.id ?? ""), { deleted: true })),
  defineRoute<ControlHandler>("POST", "/__sim/rules/{id}/test", async (state, body, params) => {
    const rule = getRuleOrThrow(state, params.id ?? "");
    const callId = z.object({ callId: z.string().optional() }).default({}).parse(body).callId;
    const index = callId === undefined ? countAllCalls(state.dataset) - 1 : decodeId("call", state.dataset.seed, callId);
    if (index === undefined || index < 0 || index >= countAllCalls(state.dataset)) throw new HttpError(404, "No eligible call to test with");
    // "Test now" in Gong's UI reports one attempt's result.
    return deliverWebhook(state, rule, index, true, []);
  }),
  defineRoute<ControlHandler>("GET", "/__sim/deliveries", (state) => ({ deliveries: state.deliveries })),
];
