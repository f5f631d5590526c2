import { buildCallCore } from "../data/call-core";
import { formatGongDate } from "../data/dates";
import type { Dataset } from "../data/dataset";
import { decodeId, encodeId } from "../data/ids";
import { hashOf } from "../data/prng";
import { HttpError } from "../http/respond";
import { requireScope } from "./auth";
import type { ApiHandler } from "./types";

const FOLDER_NAMES = ["Public Folders", "Win/Loss", "Best Discovery Calls", "Objection Handling"] as const;
const PER_WORKSPACE = FOLDER_NAMES.length;

function toFolder(dataset: Dataset, folderIndex: number) {
  const workspaceIndex = Math.floor(folderIndex / PER_WORKSPACE);
  const slot = folderIndex % PER_WORKSPACE;
  const admin = dataset.company.users[0]!;
  return {
    id: encodeId("folder", dataset.seed, folderIndex),
    name: FOLDER_NAMES[slot]!,
    parentFolderId: slot === 0 ? null : encodeId("folder", dataset.seed, workspaceIndex * PER_WORKSPACE),
    createdBy: slot === 0 ? null : admin.id,
    updated: formatGongDate(dataset.toMs - (slot + 1) * 3 * 86_400_000, 120, "micros", folderIndex * 131),
  };
}

/** GET /v2/library/folders?workspaceId – public folders only. */
export const listLibraryFolders: ApiHandler = ({ state, url, caller }) => {
  requireScope(caller, "api:library:read");
  const { dataset } = state;
  const workspaceId = url.searchParams.get("workspaceId");
  const workspaceIndex = workspaceId ? dataset.company.workspaces.findIndex((workspace) => workspace.id === workspaceId) : 0;
  if (workspaceIndex < 0) throw new HttpError(404, "No folders found for the provided workspace");
  const folders = FOLDER_NAMES.map((_, slot) => toFolder(dataset, workspaceIndex * PER_WORKSPACE + slot));
  return { body: { folders } };
};

/** GET /v2/library/folder-content?folderId */
export const getLibraryFolderContent: ApiHandler = ({ state, url, caller }) => {
  requireScope(caller, "api:library:read");
  const { dataset } = state;
  const folderId = url.searchParams.get("folderId");
  if (!folderId) throw new HttpError(400, "folderId is required");
  const folderIndex = decodeId("folder", dataset.seed, folderId);
  if (folderIndex === undefined || folderIndex >= dataset.company.workspaces.length * PER_WORKSPACE) throw new HttpError(404, "Folder not found");
  const folder = toFolder(dataset, folderIndex);
  const calls = pickFolderCalls(dataset, folderIndex).map((index) => {
    const core = buildCallCore(dataset, index);
    const from = Math.floor(core.durationSeconds * 0.2);
    return {
      id: core.id,
      title: core.title,
      ...(folderIndex % PER_WORKSPACE === 3 ? { note: "Great objection handling" } : {}),
      addedBy: dataset.company.users[0]!.id,
      created: formatGongDate(core.startedMs + 2 * 86_400_000, -480, "seconds"),
      url: `${state.origin}/call?id=${core.id}&highlights=${encodeURIComponent(JSON.stringify([{ to: (from + 60) * 1000, from: from * 1000, type: "LIBRARY" }]))}`,
      snippet: { fromSec: from, toSec: from + 60 },
    };
  });
  return { body: { id: folder.id, name: folder.name, createdBy: folder.createdBy, updated: folder.updated, calls } };
};

function pickFolderCalls(dataset: Dataset, folderIndex: number): number[] {
  if (dataset.callCount === 0 || folderIndex % PER_WORKSPACE === 0) return [];
  const picked = new Set<number>();
  for (let attempt = 0; attempt < 40 && picked.size < 6; attempt++) {
    picked.add(hashOf(dataset.seed, "library", folderIndex, attempt) % dataset.callCount);
  }
  return [...picked].sort((a, b) => a - b);
}
