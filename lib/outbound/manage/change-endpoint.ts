import { deleteWebhookEndpoint, getWebhookEndpoint, rotateWebhookEndpointSecret, updateWebhookEndpoint } from "@/db/queries/outbound/webhook-endpoints";
import { AppError } from "@/lib/errors";
import { issueEndpointSecret, previousSecretExpiresAt } from "../endpoint-secret";
import { sealEndpointUrl } from "../endpoint-url";
import { assertTargetUrl } from "./create-endpoint";
import type { UpdateEndpointInput } from "./endpoint-input";
import type { ManageDeps } from "./manage-deps";
import { type SerializedEndpoint, serializeEndpoint } from "./serialize-endpoint";

const notFound = (id: string) => new AppError("not_found", `No webhook endpoint with id "${id}".`);

export async function getEndpointOrThrow(deps: Pick<ManageDeps, "db" | "owner">, id: string) {
  const endpoint = await getWebhookEndpoint(deps.db, deps.owner, id);
  if (!endpoint) throw notFound(id);
  return endpoint;
}

export async function updateEndpoint(deps: ManageDeps, id: string, input: UpdateEndpointInput): Promise<SerializedEndpoint> {
  const current = await getEndpointOrThrow(deps, id);
  if (input.url !== undefined) assertTargetUrl(input.url, deps.allowPrivateTargets, current.format);
  const updated = await updateWebhookEndpoint(deps.db, deps.owner, id, {
    ...(input.url !== undefined && (await sealEndpointUrl(current.format, input.url, deps.encryptionKey))),
    description: input.description,
    eventTypes: input.event_types && [...new Set(input.event_types)],
    includeTranscript: input.include_transcript,
    throttlePerSecond: input.throttle_per_second,
    filters: input.filters,
    enabled: input.enabled,
  });
  if (!updated) throw notFound(id);
  return serializeEndpoint(updated);
}

export async function deleteEndpoint(deps: ManageDeps, id: string): Promise<void> {
  if (!(await deleteWebhookEndpoint(deps.db, deps.owner, id))) throw notFound(id);
}

/** A new secret, shown this once; the old one keeps signing alongside it for 24 hours. */
export async function rotateEndpointSecret(deps: ManageDeps, id: string): Promise<{ endpoint: SerializedEndpoint; secret: string }> {
  const { secret, encrypted } = await issueEndpointSecret(deps.encryptionKey);
  const rotated = await rotateWebhookEndpointSecret(deps.db, deps.owner, id, encrypted, previousSecretExpiresAt(new Date()));
  if (!rotated) throw notFound(id);
  return { endpoint: serializeEndpoint(rotated), secret };
}
