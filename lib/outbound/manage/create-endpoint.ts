import { createWebhookEndpoint, listWebhookEndpoints } from "@/db/queries/outbound/webhook-endpoints";
import { AppError } from "@/lib/errors";
import { issueEndpointSecret } from "../endpoint-secret";
import { sealEndpointUrl } from "../endpoint-url";
import { OUTBOUND_EVENT_TYPES } from "../event-types";
import { TargetRefusedError, checkTargetUrl } from "../send-webhook-request";
import type { CreateEndpointInput } from "./endpoint-input";
import type { ManageDeps } from "./manage-deps";
import { type SerializedEndpoint, serializeEndpoint } from "./serialize-endpoint";

/** Endpoints one owner may have. */
export const MAX_ENDPOINTS_PER_OWNER = 20;

/** Refuses a URL no delivery could go to (not https, credentials, a private address written out). */
export function assertTargetUrl(url: string, allowPrivateTargets: boolean, format: "standard" | "slack"): void {
  try {
    checkTargetUrl(url, allowPrivateTargets);
  } catch (error) {
    if (error instanceof TargetRefusedError) throw new AppError("bad_request", `url: ${error.message}`);
    throw error;
  }
  if (format === "slack" && !allowPrivateTargets && new URL(url).hostname !== "hooks.slack.com") {
    throw new AppError("bad_request", "url: a Slack endpoint takes an incoming-webhook URL on hooks.slack.com.");
  }
}

/** Creates an endpoint and returns it with its signing secret, which is shown this once. */
export async function createEndpoint(deps: ManageDeps, input: CreateEndpointInput): Promise<{ endpoint: SerializedEndpoint; secret: string }> {
  assertTargetUrl(input.url, deps.allowPrivateTargets, input.format);
  if ((await listWebhookEndpoints(deps.db, deps.owner)).length >= MAX_ENDPOINTS_PER_OWNER) {
    throw new AppError("conflict", `At most ${MAX_ENDPOINTS_PER_OWNER} endpoints; delete one first.`);
  }
  const eventTypes = input.event_types ?? (input.format === "slack" ? ["call.insights_ready"] : [...OUTBOUND_EVENT_TYPES]);
  const { secret, encrypted } = await issueEndpointSecret(deps.encryptionKey);
  const endpoint = await createWebhookEndpoint(deps.db, deps.owner, {
    format: input.format,
    ...(await sealEndpointUrl(input.format, input.url, deps.encryptionKey)),
    description: input.description,
    eventTypes,
    includeTranscript: input.include_transcript,
    filters: input.filters,
    throttlePerSecond: input.throttle_per_second,
    secretEncrypted: encrypted,
    createdByUserId: deps.userId,
  });
  return { endpoint: serializeEndpoint(endpoint), secret };
}
