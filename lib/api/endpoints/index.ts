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
];
