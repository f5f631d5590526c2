import type { ApiEndpoint } from "../api-endpoint";
import { createOAuthUrlEndpoint } from "./create-oauth-url";
import { deleteFilesEndpoint } from "./delete-files";
import { exportFileTranscriptEndpoint } from "./export-file-transcript";
import { getFileEndpoint } from "./get-file";
import { getSyncRunEndpoint } from "./get-sync-run";
import { listFilesEndpoint } from "./list-files";
import { listItemsEndpoint } from "./list-items";
import { resyncFileEndpoint } from "./resync-file";
import { syncFilesEndpoint } from "./sync-files";
import { updateUsersEndpoint } from "./update-users";
import { createWebhookEndpointEndpoint } from "./create-webhook-endpoint";
import { deleteWebhookEndpointEndpoint } from "./delete-webhook-endpoint";
import { getWebhookEndpointEndpoint } from "./get-webhook-endpoint";
import { listWebhookDeliveriesEndpoint } from "./list-webhook-deliveries";
import { listWebhookEndpointsEndpoint } from "./list-webhook-endpoints";
import { replayWebhookDeliveryEndpoint } from "./replay-webhook-delivery";
import { rotateWebhookEndpointSecretEndpoint } from "./rotate-webhook-endpoint-secret";
import { sendWebhookTestEventEndpoint } from "./send-webhook-test-event";
import { updateWebhookEndpointEndpoint } from "./update-webhook-endpoint";

export {
  createOAuthUrlEndpoint,
  deleteFilesEndpoint,
  exportFileTranscriptEndpoint,
  getFileEndpoint,
  getSyncRunEndpoint,
  listFilesEndpoint,
  listItemsEndpoint,
  resyncFileEndpoint,
  syncFilesEndpoint,
  updateUsersEndpoint,
  createWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhookEndpointsEndpoint,
  replayWebhookDeliveryEndpoint,
  rotateWebhookEndpointSecretEndpoint,
  sendWebhookTestEventEndpoint,
  updateWebhookEndpointEndpoint,
};

/** Every operation of /api/v1, in the order the reference lists them. */
export const API_ENDPOINTS: ApiEndpoint[] = [
  createOAuthUrlEndpoint,
  listItemsEndpoint,
  syncFilesEndpoint,
  resyncFileEndpoint,
  deleteFilesEndpoint,
  listFilesEndpoint,
  getFileEndpoint,
  exportFileTranscriptEndpoint,
  getSyncRunEndpoint,
  updateUsersEndpoint,
  listWebhookEndpointsEndpoint,
  createWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  updateWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  rotateWebhookEndpointSecretEndpoint,
  sendWebhookTestEventEndpoint,
  listWebhookDeliveriesEndpoint,
  replayWebhookDeliveryEndpoint,
];
